"""Turn an ended witness process into a `WitnessResult`.

A child that finished writes its own report. One stopped by a limit cannot, so the verdict comes
from the evidence the kernel and faulthandler leave behind: the wait status (which signal), the
sizes of the capped output files, and the stack faulthandler dumped when the limit hit, which
still names the line of witness.py that was running.
"""

from __future__ import annotations

import os
import re
import signal
from dataclasses import dataclass
from typing import cast, get_args

from pydantic import ValidationError

from continuous_function.witness.harness import ChildReport
from continuous_function.witness.job import (
    CheckResult,
    ErrorInfo,
    Isolation,
    Status,
    WitnessJob,
    WitnessResult,
)

REPORT_LIMIT = 32 * 2**20
"""Bytes of figures and check results a child may send; beyond it the child is stopped."""

_FRAME = re.compile(r'^\s*File "(?P<file>.*)", line (?P<line>\d+) in (?P<func>.*)$', re.MULTILINE)


@dataclass(frozen=True)
class Ended:
    job: WitnessJob
    wait_status: int
    report: bytes
    """Isolation method, a newline, then the child's JSON report (absent if it never finished)."""
    report_overflow: bool
    timed_out: bool
    stdout: bytes
    stderr: bytes
    stdout_size: int
    stderr_size: int
    fault: str
    """What faulthandler wrote: the stack at a timeout, an output flood or a fatal signal."""
    duration_s: float


def outcome(e: Ended) -> WitnessResult:
    head, _, body = e.report.partition(b"\n")
    method = head.decode(errors="replace")
    isolation = cast(Isolation, method if method in get_args(Isolation) else "none")
    signum = os.WTERMSIG(e.wait_status) if os.WIFSIGNALED(e.wait_status) else None
    report = None if e.report_overflow else _parse(body)
    if report is not None and tuple(c.name for c in report.checks) != e.job.checks:
        report = None  # not the report the harness writes for this job: trust none of it
    status, error = _verdict(e, signum, report)
    demo = None
    if status in ("ok", "error") and report is not None:
        checks = report.checks
        figures = report.figures
        demo = report.demo
    else:
        reason = error.message if error else status
        checks = tuple(
            CheckResult(name=n, passed=False, message=f"not run: {reason}") for n in e.job.checks
        )
        figures = ()
    return WitnessResult(
        key=e.job.key,
        status=status,
        stdout=e.stdout.decode("utf-8", errors="replace"),
        stderr=e.stderr.decode("utf-8", errors="replace"),
        error=error,
        figures=figures,
        checks=checks,
        duration_s=round(e.duration_s, 6),
        isolation=isolation,
        demo=demo,
    )


def _verdict(
    e: Ended, signum: int | None, report: ChildReport | None
) -> tuple[Status, ErrorInfo | None]:
    job = e.job
    line, stack = _stack(e.fault, job)
    at = f" (at line {line})" if line else ""
    if e.timed_out or signum in (signal.SIGPROF, signal.SIGXCPU):
        if e.timed_out:
            message = f"was still running after the {job.wall_s:g} s wall-clock backstop{at}"
        else:
            message = f"did not finish within its {job.timeout:g} s of CPU time{at}"
        return "timeout", ErrorInfo(type="Timeout", message=message, line=line, traceback=stack)
    full = [
        n
        for n, size in (("stdout", e.stdout_size), ("stderr", e.stderr_size))
        if size >= job.max_output
    ]
    if e.report_overflow or signum == signal.SIGXFSZ or full:
        if full:
            message = f"wrote more than {job.max_output:,} bytes to {' and '.join(full)}"
        elif e.report_overflow:
            message = f"its figures and check results exceed {REPORT_LIMIT // 2**20} MiB"
        else:
            message = f"wrote a file larger than {job.max_output:,} bytes"
        error = ErrorInfo(type="OutputLimit", message=message + at, line=line, traceback=stack)
        return "output-limit", error
    if signum is not None:
        name = signal.Signals(signum).name
        hint = " (out of memory, or killed from outside)" if signum == signal.SIGKILL else ""
        message = f"the witness process was killed by {name}{hint}{at}"
        return "killed", ErrorInfo(type="Killed", message=message, line=line, traceback=stack)
    if report is None:
        code = os.WEXITSTATUS(e.wait_status)
        message = f"the witness process exited with code {code} before reporting (see stderr)"
        return "error", ErrorInfo(type="Crash", message=message, line=line, traceback=stack)
    return report.status, report.error


def _parse(body: bytes) -> ChildReport | None:
    if not body:
        return None
    try:
        return ChildReport.model_validate_json(body)
    except ValidationError:
        return None


def _stack(fault: str, job: WitnessJob) -> tuple[int | None, str]:
    """The innermost witness.py line in faulthandler's first dump, and that dump as a traceback."""
    blocks = fault.split("(most recent call first):")
    first = blocks[1] if len(blocks) > 1 else fault
    frames = [
        (int(m["line"]), m["func"]) for m in _FRAME.finditer(first) if m["file"] == str(job.path)
    ]
    if not frames:
        return None, ""
    source = job.source.splitlines()
    text = "Stack when stopped (most recent call last):\n"
    for number, func in reversed(frames):
        code = source[number - 1].strip() if 0 < number <= len(source) else ""
        text += f'  File "{job.path}", line {number}, in {func}\n    {code}\n'
    return frames[0][0], text
