"""The build side's typed view of a demo module.

`demo.py` declares its demo with the portable library (``cfdemo``), whose objects are plain and
untyped so that MicroPython can run them. The loader reads that declaration once into these
frozen dataclasses; the renderer, the storyboard check and the site build use only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from continuous_function.diagnostics import Severity

ControlKind = Literal["select", "slider", "toggle", "number"]
Value = str | float | bool
State = dict[str, Any]
"""`{"values": {control id: value}, "prediction": option id | None, "revealed": bool}`."""
Scene = dict[str, Any]
"""What `handle` returns beside the state: shapes, outputs, readouts, answer, message, announce."""


class DemoError(Exception):
    """A demo module cannot be used: it does not import, or its declaration is inconsistent.

    `line` is the 1-based line in `demo.py` at fault when one is known.
    """

    def __init__(self, message: str, line: int | None = None, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else ""
        return where + self.message


@dataclass(frozen=True)
class Problem:
    """One lint finding in a demo module (1-based line, 0-based column, like ruff)."""

    line: int
    col: int
    code: str
    message: str
    severity: Severity = Severity.error

    def __str__(self) -> str:
        return f"{self.line}:{self.col + 1}: {self.code} {self.message}"


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Control:
    """One learner control as declared in demo.py."""

    id: str
    kind: ControlKind
    label: str
    default: Value
    lo: float | None = None
    """Lower bound of a slider or number control."""
    hi: float | None = None
    step: float | None = None
    digits: int = 2
    """Decimals its value is shown with (through `fmt`)."""
    options: tuple[Option, ...] = ()
    """The choices of a select control, in display order."""


@dataclass(frozen=True)
class Demo:
    """A loaded demo: its declaration, plus the live module to compute states with."""

    key: str
    """`<domain>/<concept>`, from the folder the file sits in."""
    path: Path
    title: str
    description: str
    controls: tuple[Control, ...]
    task: str
    """The prediction question the learner answers before the reveal."""
    options: tuple[Option, ...]
    """The prediction's options."""
    resets: tuple[str, ...]
    """Controls whose change clears the prediction."""
    module: ModuleType = field(compare=False, repr=False)
    kernel: Path | None = None
    """The demo's optional `kernel.mjs` (a JS inner loop the browser uses instead of the Python
    reference; see docs/demos.md)."""

    @property
    def spec(self) -> Any:
        """The portable `cfdemo.Demo` object (untyped: it is shared with MicroPython)."""
        return self.module.demo

    def control(self, control_id: str) -> Control:
        for control in self.controls:
            if control.id == control_id:
                return control
        raise KeyError(control_id)

    def handle(self, state: State | None, event: str, value: Any = None) -> tuple[State, Scene]:
        """Run the module's own entry point (exactly what the browser runs)."""
        result: tuple[State, Scene] = self.module.handle(state, event, value)
        return result

    def start(self, values: dict[str, Any] | None = None) -> tuple[State, Scene]:
        """The state and scene at the defaults, or at `values` (a storyboard frame)."""
        return self.handle(None, "init", values)

    def reveal(self, values: dict[str, Any] | None = None) -> tuple[State, Scene]:
        """The revealed state and scene at `values`: predict the computed answer, then reveal."""
        state, _ = self.start(values)
        answer = self.spec.answer_for(state["values"], self.spec.derived(state["values"]))
        state, _ = self.handle(state, "predict", answer.option)
        return self.handle(state, "reveal")
