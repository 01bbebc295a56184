"""The warm worker: one process per build that imports numpy and matplotlib once, then forks a
fresh child per witness.

Forking a preloaded image costs milliseconds where a fresh interpreter costs the ~1 s numpy and
pyplot imports, and each child starts from the same clean state, so seeds, print options and
monkeypatches never leak from one witness to the next. The worker is single-threaded (forking a
threaded process can deadlock the child) and runs one `selectors` loop over its job pipe, the
children's report pipes and their pidfds, enforcing each child's wall-clock deadline.

Started by `pool.WitnessWorker` as `python -m continuous_function.witness.worker`.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import selectors
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from continuous_function.witness import figures, jail
from continuous_function.witness.child import ChildFds, child_main, spawn_argv
from continuous_function.witness.job import WitnessJob
from continuous_function.witness.outcome import REPORT_LIMIT, Ended, outcome
from continuous_function.witness.protocol import KILL_GRACE_S, Mode, Request, Response
from continuous_function.witness.sandbox import NetworkMode, minimal_environ


@dataclass
class _Child:
    request: Request
    pid: int
    pidfd: int | None
    report_fd: int
    files: tuple[IO[bytes], IO[bytes], IO[bytes]]
    workdir: Path
    started: float
    report: bytearray = field(default_factory=bytearray)
    overflow: bool = False
    timed_out: bool = False
    done: bool = False

    @property
    def next_deadline(self) -> float:
        """The timeout, then (once it has passed) the moment the polite stop turns into SIGKILL."""
        deadline = self.started + self.request.job.wall_s
        return deadline + KILL_GRACE_S if self.timed_out else deadline

    def kill(self, signum: int = signal.SIGKILL) -> None:
        with contextlib.suppress(OSError):
            os.killpg(self.pid, signum)


class Worker:
    def __init__(
        self,
        out: IO[bytes],
        root: Path,
        workers: int,
        mode: Mode,
        network: NetworkMode,
        jailed: bool,
    ) -> None:
        self.out = out
        self.jailed = jailed
        self.root = root
        self.workers = max(1, workers)
        self.mode: Mode = mode
        self.network: NetworkMode = network
        self.selector = selectors.DefaultSelector()
        self.pending: deque[Request] = deque()
        self.running: dict[int, _Child] = {}

    def serve(self, stdin_fd: int) -> None:
        """Run jobs until the job pipe closes, then stop whatever is still running.

        EOF means the build process has gone (finished or crashed); children it no longer waits
        for must not keep burning CPU.
        """
        self.selector.register(stdin_fd, selectors.EVENT_READ, None)
        buffer = b""
        try:
            while True:
                while self.pending and len(self.running) < self.workers:
                    self._start(self.pending.popleft())
                for key, _ in self.selector.select(self._wait_s()):
                    child: _Child | None = key.data
                    if child is None:
                        chunk = os.read(stdin_fd, 1 << 16)
                        if not chunk:
                            return
                        buffer += chunk
                        *lines, buffer = buffer.split(b"\n")
                        self.pending.extend(Request.model_validate_json(x) for x in lines if x)
                    elif child.done:
                        continue
                    elif key.fd == child.report_fd:
                        self._read_report(child)
                    else:
                        self._finish(child)
                self._enforce_deadlines()
        finally:
            for child in self.running.values():
                child.kill()
            shutil.rmtree(self.root, ignore_errors=True)

    def _wait_s(self) -> float | None:
        if not self.running:
            return None
        wait = max(0.0, min(c.next_deadline for c in self.running.values()) - time.monotonic())
        if any(c.pidfd is None for c in self.running.values()):
            wait = min(wait, 0.02)  # no pidfd (old kernel): poll for exits
        return wait

    def _start(self, request: Request) -> None:
        job = request.job
        workdir = Path(tempfile.mkdtemp(dir=self.root))
        # stdout, stderr, fault dump: closed in `_finish`, which outlives this call
        files = (_scratch(self.root), _scratch(self.root), _scratch(self.root))
        report_r, report_w = os.pipe()
        fds = ChildFds(report_w, files[0].fileno(), files[1].fileno(), files[2].fileno())
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            if self.mode == "fork":
                child_main(job, fds, workdir, self.network, jailed=self.jailed)
            _exec_fresh(job, fds, workdir, self.network, self.jailed)
        os.close(report_w)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # also done in the child; whichever runs first wins the race
        fcntl.fcntl(report_r, fcntl.F_SETFL, os.O_NONBLOCK)
        try:
            pidfd: int | None = os.pidfd_open(pid)
        except OSError:
            pidfd = None
        child = _Child(request, pid, pidfd, report_r, files, workdir, started)
        self.running[pid] = child
        self.selector.register(report_r, selectors.EVENT_READ, child)
        if pidfd is not None:
            self.selector.register(pidfd, selectors.EVENT_READ, child)

    def _read_report(self, child: _Child) -> None:
        try:
            while chunk := os.read(child.report_fd, 1 << 16):
                child.report += chunk
                if len(child.report) > REPORT_LIMIT:
                    child.overflow = True
                    child.kill()
                    break
            else:  # EOF; the exit event follows
                if child.report_fd in self.selector.get_map():
                    self.selector.unregister(child.report_fd)
        except BlockingIOError:
            pass

    def _enforce_deadlines(self) -> None:
        now = time.monotonic()
        for child in list(self.running.values()):
            if child.pidfd is None:
                pid, wait_status = os.waitpid(child.pid, os.WNOHANG)
                if pid == child.pid:
                    self._finish(child, wait_status)
                    continue
            if now < child.next_deadline:
                continue
            if not child.timed_out:
                # SIGTERM first: the child's faulthandler dumps the stack (the line that was
                # running) and then dies of it. SIGKILL follows if a witness blocks SIGTERM.
                child.timed_out = True
                child.kill(signal.SIGTERM)
            else:
                child.kill()  # its pidfd fires next and `_finish` reaps it

    def _finish(self, child: _Child, wait_status: int | None = None) -> None:
        child.done = True
        # The group's leader is now a zombie, so the group id is still ours: clear out any
        # grandchildren it left behind before reaping it.
        child.kill()
        if wait_status is None:
            wait_status = os.waitpid(child.pid, 0)[1]
        self._read_report(child)
        for fd in (child.report_fd, child.pidfd):
            if fd is not None:
                if fd in self.selector.get_map():
                    self.selector.unregister(fd)
                os.close(fd)
        del self.running[child.pid]
        job = child.request.job
        out, err, fault = child.files
        ended = Ended(
            job=job,
            wait_status=wait_status,
            report=bytes(child.report),
            report_overflow=child.overflow,
            timed_out=child.timed_out,
            stdout=os.pread(out.fileno(), job.max_output, 0),
            stderr=os.pread(err.fileno(), job.max_output, 0),
            stdout_size=os.fstat(out.fileno()).st_size,
            stderr_size=os.fstat(err.fileno()).st_size,
            fault=os.pread(fault.fileno(), 1 << 16, 0).decode(errors="replace"),
            duration_s=time.monotonic() - child.started,
        )
        for f in child.files:
            f.close()
        shutil.rmtree(child.workdir, ignore_errors=True)
        response = Response(id=child.request.id, result=outcome(ended))
        self.out.write(response.model_dump_json().encode() + b"\n")
        self.out.flush()


def _scratch(root: Path) -> IO[bytes]:
    return tempfile.TemporaryFile(dir=root)


def _exec_fresh(
    job: WitnessJob, fds: ChildFds, workdir: Path, network: NetworkMode, jailed: bool
) -> None:
    try:
        for fd in (fds.report, fds.stdout, fds.stderr, fds.fault):
            os.set_inheritable(fd, True)
        env = minimal_environ(workdir) | {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}
        argv = spawn_argv(job, fds, workdir, network, jailed)
        os.execve(argv[0], argv, env)
    finally:
        os._exit(127)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="continuous_function.witness.worker")
    parser.add_argument("--root", type=Path, required=True, help="scratch directory (emptied)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", choices=["fork", "spawn"], default="fork")
    parser.add_argument("--network", choices=["auto", "netns", "userns", "guard"], default="auto")
    parser.add_argument("--jailed", action="store_true", help="running in the bubblewrap jail")
    args = parser.parse_args(argv)
    if args.jailed:
        jail.drop_privileges()
        _seed_matplotlib_cache()
    args.root.mkdir(parents=True, exist_ok=True)
    # The protocol gets a private copy of stdout; fd 1 itself goes to stderr, so a stray print
    # (ours or a library's) can never corrupt a response line.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    cwd = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", cwd)]  # witnesses import nothing local
    if args.mode == "fork":
        figures.preload()
    worker = Worker(out, args.root, args.workers, args.mode, args.network, args.jailed)
    worker.serve(sys.stdin.fileno())


def _seed_matplotlib_cache() -> None:
    """Copy the host's font list (read-only in the jail) where matplotlib may write: building it
    from scratch takes seconds per build."""
    target = Path(os.environ["MPLCONFIGDIR"])
    target.mkdir(parents=True, exist_ok=True)
    for font_list in Path(jail.MPL_CACHE_IN_JAIL).glob("fontlist-*.json"):
        with contextlib.suppress(OSError):
            shutil.copyfile(font_list, target / font_list.name)


if __name__ == "__main__":
    main()
