"""What goes into a witness run and what comes out, as immutable JSON-able models.

The same models cross three boundaries: build process → worker (a job), worker → build process
(a result) and build process → disk (a cache entry), so they are pydantic models with a stable
JSON form rather than ad-hoc dicts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["ok", "error", "timeout", "killed", "output-limit"]
"""How the witness process ended.

`ok` means the module ran to the end (checks are judged separately, see `WitnessResult.passed`);
`error` an exception (or a crash) in the module; `timeout` the CPU limit or the wall-clock backstop;
`killed` a signal we did not send (out of memory, segfault); `output-limit` stdout/stderr/files
or figures over `max_output`.
"""

Isolation = Literal["jail", "netns", "userns", "guard", "none"]
"""How the witness was contained: `jail` is the bubblewrap jail plus the witness's own namespaces
(`jail.py`, `namespaces.py`); the others are the fallback without a jail, named after how the
network alone was cut off (`sandbox.isolate_network`)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DemoRequest(_Frozen):
    """Makes a job a demo to render rather than a witness to run (same jail, same limits)."""

    frames: tuple[tuple[dict[str, Any], str], ...] = ()
    """The storyboard: (control values, caption) per frame, as authored in concept.yaml."""
    kernel: bool = False
    """Whether a `kernel.mjs` sits beside demo.py (the jail cannot look)."""


class DemoOutput(_Frozen):
    """A rendered demo: what the page embeds, computed by the demo's own code in the jail."""

    html: str
    storyboard_html: str | None
    task: str
    problems: tuple[str, ...] = ()
    """Storyboard problems, each `frame N: ...`; with any, no storyboard is drawn."""


class WitnessJob(_Frozen):
    key: str
    """Caller's name for the witness (e.g. `calculus/derivatives`); results are returned by it."""
    path: Path
    """Shown in tracebacks and used for `__file__`. Prefer a path relative to the curriculum root:
    it is part of the cache key, so an absolute path ties the cache to one checkout."""
    source: str
    """The code that runs; the file at `path` is never re-read, so the cache key is exact."""
    checks: tuple[str, ...] = ()
    """`check_*` functions to call after the module ran, in this order."""
    timeout: Annotated[float, Field(gt=0)] = 5.0
    """CPU seconds for module and checks together. CPU time, not wall-clock time: a witness on a
    machine busy with other work gets less of the CPU per second but needs no more of it, so a
    correct witness never fails because the machine was loaded."""
    wall_timeout: Annotated[float, Field(gt=0)] | None = None
    """The wall-clock backstop for a witness that waits instead of computing (sleeps, blocks on a
    pipe); None means `backstop_s(timeout)`, generous enough for a machine at several times its
    cores' worth of load."""
    memory_mb: Annotated[int, Field(gt=0)] = 512
    """Address space the witness may add on top of the preloaded interpreter (numpy, matplotlib)."""
    max_output: Annotated[int, Field(gt=0)] = 200_000
    """Bytes per stream (stdout, stderr) and per file the witness writes."""
    disk_mb: Annotated[int, Field(gt=0)] = 16
    """All files together (its private /tmp, in the jail); `max_output` caps each one."""
    processes: Annotated[int, Field(gt=0)] = 32
    """Processes the witness may have at once, itself included (a fork bomb stops here); in the
    jail only, where the witness's user owns nothing else."""
    demo: DemoRequest | None = None
    """Set for a demo.py to render (first frame, storyboard) instead of a witness to run."""

    @property
    def wall_s(self) -> float:
        return self.wall_timeout if self.wall_timeout is not None else backstop_s(self.timeout)


def backstop_s(cpu_s: float) -> float:
    return 4 * cpu_s + 20


class ErrorInfo(_Frozen):
    type: str
    """Exception class name, e.g. `ZeroDivisionError`, or `Timeout` / `Killed` / `OutputLimit`."""
    message: str
    line: int | None
    """Line in witness.py of the innermost witness frame; None when no witness frame is known."""
    traceback: str
    """Traceback trimmed to witness.py's own frames (the harness and library frames are noise)."""


class CheckResult(_Frozen):
    name: str
    passed: bool
    message: str
    """The assertion message, or why the check failed or did not run; empty when it passed."""
    line: int | None = None
    """Line in witness.py of the failing assert (or of the innermost witness frame)."""


class WitnessResult(_Frozen):
    key: str
    status: Status
    stdout: str
    stderr: str
    error: ErrorInfo | None = None
    figures: tuple[str, ...] = ()
    """Every figure open after the module ran, as deterministic SVG text."""
    checks: tuple[CheckResult, ...] = ()
    """One per requested check, in the job's order."""
    duration_s: float
    cached: bool = False
    """True when this came from the cache and nothing ran."""
    isolation: Isolation = "none"
    demo: DemoOutput | None = None
    """For a demo job that rendered."""

    @property
    def passed(self) -> bool:
        """Whether the page may show this witness as verified: it ran and every check passed."""
        return self.status == "ok" and all(c.passed for c in self.checks)

    def check(self, name: str) -> CheckResult | None:
        return next((c for c in self.checks if c.name == name), None)
