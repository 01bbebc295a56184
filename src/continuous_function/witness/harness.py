"""Run one witness in this (already sandboxed) process: module top level, then its checks.

Nothing here may raise to the caller: every failure becomes data with the line in witness.py, so
the build can print `path:line` and carry on collecting problems.
"""

from __future__ import annotations

import builtins
import errno
import linecache
import socket
import sys
import traceback
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from continuous_function.witness.figures import capture_svgs
from continuous_function.witness.job import (
    CheckResult,
    DemoOutput,
    ErrorInfo,
    Isolation,
    WitnessJob,
)
from continuous_function.witness.sandbox import NO_NETWORK_HINT

_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL, errno.ENETDOWN}


class ChildReport(BaseModel):
    """What the child knows about its own run; the worker adds output, timing and exit status."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Literal["ok", "error"]
    error: ErrorInfo | None = None
    figures: tuple[str, ...] = ()
    checks: tuple[CheckResult, ...] = ()
    demo: DemoOutput | None = None


def run_witness(job: WitnessJob, isolation: Isolation) -> ChildReport:
    """Run as `__main__`, as `python witness.py` would, so the author's own run matches the build.

    Figures are taken after the module and before the checks: the page shows what the module
    draws, and a check that plots must not change it. Only the requested checks run, in the
    module's namespace; after a module error they are reported as not run.
    """
    filename = str(job.path)
    # Tracebacks must quote the source we ran, not whatever is on disk now (or nothing).
    linecache.cache[filename] = (len(job.source), None, job.source.splitlines(True), filename)
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__file__": filename,
        "__builtins__": builtins,
    }
    error = None
    # Bound before any witness code runs: patching this package (`sys.modules[...]`) afterwards
    # changes nothing the verdicts depend on, and the package is not in `sys.modules` to patch.
    run_check = _run_check
    for name in [m for m in sys.modules if m.split(".")[0] == "continuous_function"]:
        del sys.modules[name]
    try:
        exec(compile(job.source, filename, "exec", dont_inherit=True), namespace)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            error = error_info(exc, job, isolation)
    except BaseException as exc:
        error = error_info(exc, job, isolation)
    figures: tuple[str, ...] = ()
    try:
        figures = capture_svgs()
    except Exception as exc:
        if error is None:
            error = error_info(exc, job, isolation)
            error = error.model_copy(update={"message": f"saving a figure as SVG: {error.message}"})
    checks = tuple(run_check(name, namespace, job, isolation, error) for name in job.checks)
    return ChildReport(
        status="ok" if error is None else "error",
        error=error,
        figures=figures,
        checks=checks,
    )


def error_info(exc: BaseException, job: WitnessJob, isolation: Isolation) -> ErrorInfo:
    """The author's view of an exception: the innermost witness.py line (for an error deep in
    numpy, the witness line that called it) and a traceback of witness.py frames only."""
    filename = str(job.path)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    line = frames[-1].lineno if frames else None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    message = str(exc)
    if isolation != "none" and _is_network_error(exc) and NO_NETWORK_HINT not in message:
        message += f" ({NO_NETWORK_HINT})"
    if isinstance(exc, MemoryError):
        message += f" (limit: {job.memory_mb} MB above the preloaded interpreter)"
    # numpy's `_ArrayMemoryError` is an implementation detail; authors know `MemoryError`.
    kind = "MemoryError" if isinstance(exc, MemoryError) else type(exc).__name__
    text = "".join(traceback.format_exception_only(type(exc), exc))
    if frames:
        text = (
            "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + text
        )
    return ErrorInfo(type=kind, message=message, line=line, traceback=text)


def _is_network_error(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)  # urllib wraps the socket error
    for e in (exc, reason):
        if isinstance(e, socket.gaierror | socket.herror):
            return True
        if isinstance(e, OSError) and e.errno in _NETWORK_ERRNOS:
            return True
    return False


def _run_check(
    name: str,
    namespace: dict[str, Any],
    job: WitnessJob,
    isolation: Isolation,
    module_error: ErrorInfo | None,
) -> CheckResult:
    if module_error is not None:
        where = f" at line {module_error.line}" if module_error.line else ""
        return CheckResult(name=name, passed=False, message=f"not run: witness failed{where}")
    function = namespace.get(name)
    if not callable(function):
        defined = sorted(k for k, v in namespace.items() if k.startswith("check_") and callable(v))
        hint = (
            f" (defined: {', '.join(defined)})" if defined else " (it defines no check_* functions)"
        )
        what = "no function" if function is None else "not a function:"
        return CheckResult(name=name, passed=False, message=f"{what} `{name}` in witness.py{hint}")
    try:
        value = function()
    except AssertionError as exc:
        info = error_info(exc, job, isolation)
        message = str(exc) or f"assertion failed: {_source_line(job, info.line)}"
        return CheckResult(name=name, passed=False, message=message, line=info.line)
    except BaseException as exc:
        info = error_info(exc, job, isolation)
        return CheckResult(
            name=name, passed=False, message=f"{info.type}: {info.message}", line=info.line
        )
    if value is False:
        return CheckResult(
            name=name, passed=False, message="returned False; a check must assert its claim"
        )
    return CheckResult(name=name, passed=True, message="")


def _source_line(job: WitnessJob, line: int | None) -> str:
    lines = job.source.splitlines()
    return lines[line - 1].strip() if line and 0 < line <= len(lines) else "(unknown line)"
