"""The build process's handle on the warm worker.

Witness code never runs in the build process: this module only starts the worker, streams jobs
to it and reads results back. If the worker dies or stops answering, the jobs it still owed come
back as `killed` results instead of an exception or a hang, so the build can report them.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType

from continuous_function.witness.jail import Jail, probe
from continuous_function.witness.job import CheckResult, ErrorInfo, WitnessJob, WitnessResult
from continuous_function.witness.protocol import KILL_GRACE_S, Mode, Request, Response
from continuous_function.witness.sandbox import THREAD_ENV, NetworkMode
from continuous_function.witness.svg import safe_svg

log = logging.getLogger(__name__)
_SRC = Path(__file__).resolve().parents[2]
STALL_S = 30.0
"""Silence from the worker, beyond the longest job's timeout, after which it is presumed hung."""


JAILED_ROOT = "/tmp/cf-witness"
"""The worker's scratch directory inside the jail (on the jail's own tmpfs, gone with it)."""
NO_JAIL_WARNING = (
    "no jail for curriculum code here (%s): witnesses and demos run with resource limits and"
    " network isolation only; install bubblewrap to contain them"
)


def worker_environ(jailed: bool) -> dict[str, str]:
    """The worker's environment: fixed hash seed and threads, plus where matplotlib keeps its
    font cache (without one it rebuilds the cache, seconds, on every build). Jailed, nothing of
    the builder's environment is passed: the cache is copied in from a read-only bind."""
    if jailed:
        passed = {"HOME": JAILED_ROOT, "MPLCONFIGDIR": f"{JAILED_ROOT}/matplotlib"}
    else:
        names = ("HOME", "MPLCONFIGDIR", "XDG_CACHE_HOME")
        passed = {k: os.environ[k] for k in names if k in os.environ}
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": str(_SRC),
        "MPLBACKEND": "Agg",
        **THREAD_ENV,
        **passed,
    }


class WitnessWorker:
    """One warm worker process; start it once per build and reuse it for every batch.

    `workers` is how many witnesses run at once (children of the one worker). `jail`: None
    finds out whether the bubblewrap jail works here (and warns once if not); False runs
    without it (tests of the fallback); True requires it.
    """

    def __init__(
        self,
        *,
        workers: int = 2,
        mode: Mode = "fork",
        network: NetworkMode = "auto",
        jail: bool | None = None,
    ) -> None:
        self._jail: Jail | None = None
        if jail is not False:
            self._jail, reason = probe(_SRC)
            if self._jail is None:
                if jail:
                    raise RuntimeError(f"no jail: {reason}")
                _warn_once(reason)
        self._argv = [
            sys.executable,
            "-m",
            "continuous_function.witness.worker",
            f"--workers={workers}",
            f"--mode={mode}",
            f"--network={network}",
        ]
        self._ids = itertools.count()
        self._proc: subprocess.Popen[bytes] | None = None
        self._root: str | None = None
        self._buffer = b""
        self._start()

    def _start(self) -> None:
        # The scratch directory is ours, not the worker's: a worker that is killed cannot clean
        # up after itself, and its witnesses' files must not pile up in /tmp.
        self._root = tempfile.mkdtemp(prefix="cf-witness-")
        if self._jail is None:
            argv = [*self._argv, f"--root={self._root}"]
        else:
            argv = self._jail.wrap([*self._argv, f"--root={JAILED_ROOT}/work", "--jailed"])
        # Started eagerly: the worker's ~1 s of imports overlaps whatever the build does next.
        self._proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=worker_environ(self._jail is not None),
            cwd="/",
        )
        self._buffer = b""

    @property
    def jailed(self) -> bool:
        return self._jail is not None

    def run(self, jobs: Sequence[WitnessJob]) -> Iterator[WitnessResult]:
        """Yield one result per job, in the order they finish."""
        if not jobs:
            return
        if self._proc is None or self._proc.poll() is not None:
            self.close()  # a worker that died in an earlier batch: release its pipes
            self._start()
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        owed = {next(self._ids): job for job in jobs}
        lines = b"".join(
            Request(id=i, job=j).model_dump_json().encode() + b"\n" for i, j in owed.items()
        )
        # A writer thread: the worker answers while we are still sending, and a full pipe each
        # way would otherwise deadlock the two processes.
        writer = threading.Thread(target=_send, args=(proc, lines), daemon=True)
        writer.start()
        patience = max(j.wall_s for j in jobs) + KILL_GRACE_S + STALL_S
        while owed:
            line = self._readline(proc, patience)
            if line is None:
                reason = self._give_up(proc, patience)
                for lost in owed.values():
                    yield _lost(lost, reason)
                break
            response = Response.model_validate_json(line)
            sent = owed.pop(response.id, None)
            if sent is not None:  # else: from an abandoned earlier batch
                # keyed by the job we sent, whatever the result says: the cache entry a result
                # lands in is decided here, never by the worker or the witness
                yield screen_figures(response.result.model_copy(update={"key": sent.key}))
        writer.join()

    def _readline(self, proc: subprocess.Popen[bytes], patience: float) -> bytes | None:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            deadline = time.monotonic() + patience
            while b"\n" not in self._buffer:
                if not selector.select(max(0.0, deadline - time.monotonic())):
                    return None
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    return None
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def _give_up(self, proc: subprocess.Popen[bytes], patience: float) -> str:
        code = proc.poll()
        if code is None:
            proc.kill()
            proc.wait()
            return f"the witness worker stopped answering for {patience:g} s and was stopped"
        return f"the witness worker exited unexpectedly (code {code})"

    def close(self) -> None:
        """Closing the job pipe tells the worker to stop its children and exit."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None

    def __enter__(self) -> WitnessWorker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@functools.cache
def _warn_once(reason: str) -> None:
    """One line per process, however many workers a build or a serve session starts."""
    log.warning(NO_JAIL_WARNING, reason)


def screen_figures(result: WitnessResult) -> WitnessResult:
    """Every figure through the SVG allow-list here, in the build: the worker's report is what
    the witness made it, so a figure is only trusted after this (and only then cached)."""
    figures = []
    notes = []
    for number, svg in enumerate(result.figures, 1):
        safe = safe_svg(svg)
        if safe != svg:
            what = "dropped" if safe is None else "had scripts, handlers or links removed"
            notes.append(f"figure {number} {what}: a figure may only draw\n")
        if safe is not None:
            figures.append(safe)
    if not notes:
        return result
    return result.model_copy(
        update={"figures": tuple(figures), "stderr": result.stderr + "".join(notes)}
    )


def _send(proc: subprocess.Popen[bytes], data: bytes) -> None:
    assert proc.stdin is not None
    try:
        proc.stdin.write(data)
        proc.stdin.flush()
    except (BrokenPipeError, ValueError):
        pass  # the worker died; the reader reports it


def _lost(job: WitnessJob, reason: str) -> WitnessResult:
    error = ErrorInfo(type="WorkerDied", message=reason, line=None, traceback="")
    checks = tuple(
        CheckResult(name=n, passed=False, message=f"not run: {reason}") for n in job.checks
    )
    return WitnessResult(
        key=job.key,
        status="killed",
        stdout="",
        stderr="",
        error=error,
        checks=checks,
        duration_s=0.0,
    )
