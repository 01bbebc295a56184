"""Import a concept's demo.py in CPython and read its declaration into the typed model.

The module imports the portable library as ``cfdemo`` (as it does in the browser), so the loader
makes exactly that module importable first. Every way a module can be unusable becomes a
`DemoError` with the line at fault; nothing here prints a traceback for an author's mistake.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from continuous_function.demo.model import Control, ControlKind, Demo, DemoError, Option
from continuous_function.pysource import compile_module

LIB_PATH = Path(__file__).parent / "lib" / "cfdemo.py"
"""The portable library: imported here as `cfdemo`, served to the browser as `cfdemo.py`."""

CONTROL_ID = re.compile(r"^[a-z][a-z0-9_]*$")
KINDS: tuple[ControlKind, ...] = ("select", "slider", "toggle", "number")


def cfdemo() -> ModuleType:
    """The portable library module, imported once under the name demo modules use."""
    module = sys.modules.get("cfdemo")
    if module is not None and Path(getattr(module, "__file__", "")) == LIB_PATH:
        return module
    spec = importlib.util.spec_from_file_location("cfdemo", LIB_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cfdemo"] = module
    spec.loader.exec_module(module)
    return module


def demo_key(path: Path) -> str:
    """`<domain>/<concept>` from `curriculum/<domain>/<concept>/demo.py`."""
    return f"{path.parent.parent.name}/{path.parent.name}"


def load_demo(path: Path) -> Demo:
    """Import `path` and return its typed declaration; raise DemoError when it cannot be used.

    In-process: for tests and the author's preview. The build renders demos in the jail
    (`demo/jailed.py`), since demo.py is contributed code."""
    path = path.resolve()
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DemoError(f"cannot read demo: {exc.strerror}", None, path) from None
    kernel = path.with_name("kernel.mjs").is_file()
    return load_demo_source(path, source, kernel=kernel)


def load_demo_source(path: Path, source: str, *, kernel: bool) -> Demo:
    """`load_demo` for source already read; `path` names it (tracebacks, the demo's key)."""
    lib = cfdemo()
    module = _import(path, source)
    spec = getattr(module, "demo", None)
    if not isinstance(spec, lib.Demo):
        raise DemoError("demo.py must define `demo = Demo(...)` (from cfdemo)", None, path)
    if not callable(getattr(module, "handle", None)):
        raise DemoError("demo.py must define `handle = demo.handle`", None, path)
    demo = Demo(
        key=demo_key(path),
        path=path,
        title=str(spec.title),
        description=str(spec.description),
        controls=tuple(_control(c, path) for c in spec.controls),
        task=str(spec.prediction.question),
        options=tuple(Option(str(o[0]), str(o[1])) for o in spec.prediction.options),
        resets=tuple(
            c.id
            for c in spec.controls
            if spec.prediction.resets is None or c.id in spec.prediction.resets
        ),
        module=module,
        kernel=path.with_name("kernel.mjs") if kernel else None,
    )
    _check_declaration(demo, spec, path)
    _call(path, demo.start)
    _call(path, demo.reveal)
    return demo


def _import(path: Path, source: str) -> ModuleType:
    try:
        code = compile_module(source, str(path))
    except SyntaxError as exc:
        raise DemoError(f"syntax error: {exc.msg}", exc.lineno, path) from None
    name = "cfn_demo_" + re.sub(r"[^a-z0-9]", "_", demo_key(path))
    module = ModuleType(name)
    module.__file__ = str(path)
    _call(path, exec, code, module.__dict__)
    return module


def _call(path: Path, fn: Any, *args: Any) -> Any:
    """Run demo code; turn any exception into a DemoError at the demo's deepest line."""
    try:
        return fn(*args)
    except DemoError:
        raise
    except Exception as exc:
        line = None
        for frame in traceback.extract_tb(exc.__traceback__):
            if Path(frame.filename) == path:
                line = frame.lineno
        raise DemoError(f"{type(exc).__name__}: {exc}", line, path) from None


def _control(c: Any, path: Path) -> Control:
    if c.kind not in KINDS:
        raise DemoError(f"control {c.id!r} has unknown kind {c.kind!r}", None, path)
    numeric = c.kind in ("slider", "number")
    return Control(
        id=str(c.id),
        kind=c.kind,
        label=str(c.label),
        default=c.default,
        lo=float(c.lo) if numeric else None,
        hi=float(c.hi) if numeric else None,
        step=float(c.step) if numeric else None,
        digits=int(c.digits),
        options=tuple(Option(str(o[0]), str(o[1])) for o in c.options),
    )


def _check_declaration(demo: Demo, spec: Any, path: Path) -> None:
    """Inconsistencies the portable library does not check (it must stay small)."""
    problems: list[str] = []
    seen: set[str] = set()
    for c in demo.controls:
        if not CONTROL_ID.match(c.id):
            problems.append(f"control id {c.id!r} must match [a-z][a-z0-9_]*")
        if c.id in _reserved():
            problems.append(f"control id {c.id!r} is a reserved event name")
        if c.id in seen:
            problems.append(f"control id {c.id!r} is declared twice")
        seen.add(c.id)
        if c.kind in ("slider", "number"):
            assert c.lo is not None and c.hi is not None and c.step is not None
            if not c.lo < c.hi:
                problems.append(f"control {c.id!r}: lo {c.lo} must be below hi {c.hi}")
            if c.step <= 0:
                problems.append(f"control {c.id!r}: step must be positive")
        if c.kind == "select" and len(c.options) < 2:
            problems.append(f"select {c.id!r} needs at least two options")
        why = spec.control(c.id).check(c.default)
        if why:
            problems.append(f"control {c.id!r}: default {c.default!r} {why}")
    ids = [o.id for o in demo.options]
    if len(ids) < 2 or len(set(ids)) != len(ids):
        problems.append("the prediction needs at least two options with distinct ids")
    if not demo.task.strip():
        problems.append("the prediction needs a question")
    for name in spec.prediction.resets or ():
        if name not in seen:
            problems.append(f"prediction resets unknown control {name!r}")
    for hook in ("_answer", "_frame"):
        if getattr(spec, hook) is None:
            problems.append(f"no @demo.{hook[1:]} function is registered")
    if problems:
        raise DemoError("; ".join(problems), None, path)


def _reserved() -> tuple[str, ...]:
    reserved: tuple[str, ...] = cfdemo().RESERVED_EVENTS
    return reserved
