"""The life of one witness process, from fork (or exec) to `_exit`.

The child talks to the worker through four descriptors it inherits: a report pipe (first line:
the isolation method, then the JSON report), two size-capped files behind stdout and stderr, and
a file where faulthandler writes the stack when a limit stops the witness (that is how a timeout
or an output flood still gets a line number). Run as `python -m` it is the fresh-interpreter
mode used to measure the forking worker against.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import random
import signal
import sys
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import NoReturn, TextIO

from continuous_function.witness import figures, namespaces
from continuous_function.witness.harness import ChildReport, run_witness
from continuous_function.witness.job import ErrorInfo, Isolation, WitnessJob
from continuous_function.witness.sandbox import (
    NetworkMode,
    SandboxError,
    address_space_bytes,
    apply_limits,
    isolate_network,
    loopback_up,
    minimal_environ,
)


@dataclass(frozen=True)
class ChildFds:
    report: int
    stdout: int
    stderr: int
    fault: int


def child_main(
    job: WitnessJob,
    fds: ChildFds,
    workdir: Path,
    network: NetworkMode,
    *,
    jailed: bool,
    preload: bool = False,
) -> NoReturn:
    """Never returns: a forked child that fell back into the worker's loop would run jobs twice.

    `jailed`: the worker runs in the bubblewrap jail, and this witness gets namespaces of its
    own (`namespaces.py`); otherwise only the network is cut off (`sandbox.isolate_network`).
    """
    code = 70
    try:
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)  # the worker kills the whole group, grandchildren included
        try:
            isolation = _isolate(jailed, network, workdir, job)
        except (SandboxError, namespaces.JailSetupError, OSError) as exc:
            _write(fds.report, "none\n" + _refusal(exc).model_dump_json())
            os._exit(0)
        _write(fds.report, isolation + "\n")
        _redirect(fds)
        os.chdir(workdir)
        os.environ.clear()
        os.environ.update(minimal_environ(workdir))
        sys.argv = [str(job.path)]
        if preload:
            figures.preload()
        apply_limits(
            base_bytes=address_space_bytes(),
            memory_mb=job.memory_mb,
            cpu_s=job.timeout,
            max_output=job.max_output,
            processes=job.processes if jailed else None,
        )
        if jailed:
            namespaces.seal()
        # Limits end the witness by signal; each leaves the stack (and so the line) behind.
        faulthandler.enable(file=fds.fault)
        for signum in (signal.SIGTERM, signal.SIGXFSZ, signal.SIGXCPU, signal.SIGPROF):
            faulthandler.register(signum, file=fds.fault, all_threads=False, chain=True)
        _seed()
        report = run_witness(job, isolation) if job.demo is None else _render_demo(job, isolation)
        sys.stdout.flush()
        sys.stderr.flush()
        _write(fds.report, report.model_dump_json())
        code = 0
    except BaseException:
        try:
            traceback.print_exc()
            sys.stderr.flush()
        except BaseException:
            pass
    os._exit(code)


def _isolate(jailed: bool, network: NetworkMode, workdir: Path, job: WitnessJob) -> Isolation:
    if not jailed:
        return isolate_network(network)
    namespaces.enter(workdir, disk_bytes=job.disk_mb * 2**20)
    loopback_up()
    return "jail"


def _render_demo(job: WitnessJob, isolation: Isolation) -> ChildReport:
    from continuous_function.demo.jailed import render_demo_job  # only demo jobs need it

    return render_demo_job(job, isolation)


def _refusal(exc: Exception) -> ChildReport:
    error = ErrorInfo(type="SandboxError", message=str(exc), line=None, traceback="")
    return ChildReport(status="error", error=error)


def _redirect(fds: ChildFds) -> None:
    """Own stdin/stdout/stderr; close every other inherited descriptor.

    After fork the child holds the worker's job pipe and the pipes of sibling witnesses; a witness
    must not be able to read the next job or write into another witness's report.
    """
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(fds.stdout, 1)
    os.dup2(fds.stderr, 2)
    keep = {0, 1, 2, fds.report, fds.fault}
    for name in os.listdir("/proc/self/fd"):
        if int(name) not in keep:
            with contextlib.suppress(OSError):
                os.close(int(name))
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
    sys.stdout = _text_out(1)
    sys.stderr = _text_out(2)


def _text_out(fd: int) -> TextIO:
    # Line-buffered, so a witness stopped by a limit still shows what it printed last.
    return open(fd, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)


def _seed() -> None:
    """Unseeded witnesses still print the same numbers on every build (builds are byte-stable).

    `random` reseeds itself from the OS after fork and numpy's global state would be whatever the
    worker had, so both are pinned here.
    """
    import numpy

    random.seed(0)
    numpy.random.seed(0)


def _write(fd: int, text: str) -> None:
    data = memoryview(text.encode())
    while data:
        data = data[os.write(fd, data) :]


def spawn_argv(
    job: WitnessJob, fds: ChildFds, workdir: Path, network: NetworkMode, jailed: bool
) -> list[str]:
    payload = {
        "job": job.model_dump(mode="json"),
        "fds": asdict(fds),
        "workdir": str(workdir),
        "network": network,
        "jailed": jailed,
    }
    return [sys.executable, "-m", "continuous_function.witness.child", json.dumps(payload)]


def _spawn_main() -> NoReturn:
    payload = json.loads(sys.argv[1])
    job = WitnessJob.model_validate(payload["job"])
    fds = ChildFds(**payload["fds"])
    workdir = Path(payload["workdir"])
    child_main(job, fds, workdir, payload["network"], jailed=payload["jailed"], preload=True)


if __name__ == "__main__":
    _spawn_main()
