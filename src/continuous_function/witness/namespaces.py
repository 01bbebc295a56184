"""Give one freshly forked witness its own user, mount, PID, network and IPC namespaces.

This runs inside the bubblewrap jail (`jail.py`), in the child the worker forked, before any
witness code. The jail already keeps the witness away from the host (read-only interpreter and
libraries, no host `/proc`, no host network, an unprivileged user); these namespaces keep
witnesses of the same build away from each other and from the worker:

- PID: the witness has a namespace of its own, so it sees no other process, cannot signal the
  worker, and when it ends the kernel kills everything it started (setsid daemons included).
- mount: a private size-capped tmpfs on /tmp (its only writable place: the total-disk cap), an
  empty read-only /proc and /dev/shm, and the jail's root made read-only.
- network: only its own loopback; IPC: its own System V objects.
- user: needed to create the others without privileges; every capability is dropped afterwards,
  so the witness cannot undo the mounts.

`unshare(CLONE_NEWPID)` only moves the caller's *next* child into the new namespace, so the forked
process splits twice: the outer process stays in the worker's namespace and exits exactly as the
witness did (signal included), so the worker's evidence (wait status, pidfd) is unchanged; the
namespace's process 1 is a small trusted init (the kernel ignores default-action signals to an
init, which would make the CPU-time signal a no-op for a witness that were process 1); the
witness is process 2.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import resource
import signal
from pathlib import Path
from typing import NoReturn

_CLONE_NEWNS = 0x00020000
_CLONE_NEWIPC = 0x08000000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY = 0x1
_MS_NOSUID = 0x2
_MS_NODEV = 0x4
_MS_REMOUNT = 0x20
_MS_BIND = 0x1000
_MS_REC = 0x4000
_MS_PRIVATE = 0x40000
_LOCKABLE = 0x2 | 0x4 | 0x8 | 0x400 | 0x800 | 0x1000  # nosuid nodev noexec noatime ... relatime
_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_CAPBSET_DROP = 24
_PR_SET_NO_NEW_PRIVS = 38
_LINUX_CAPABILITY_VERSION_3 = 0x20080522
_LAST_CAP = 63

_libc = ctypes.CDLL(None, use_errno=True)


class JailSetupError(RuntimeError):
    """A namespace or mount the jail promises could not be made; the witness must not run."""


def _check(result: int, what: str) -> None:
    if result != 0:
        raise JailSetupError(f"{what}: {os.strerror(ctypes.get_errno())}")


def enter(scratch: Path, *, disk_bytes: int) -> None:
    """Return in the witness process; the two processes above it never return."""
    uid, gid = os.getuid(), os.getgid()
    # Writing our own uid_map needs a dumpable process; the worker's setuid cleared the flag.
    _libc.prctl(_PR_SET_DUMPABLE, 1, 0, 0, 0)
    flags = _CLONE_NEWUSER | _CLONE_NEWNS | _CLONE_NEWPID | _CLONE_NEWNET | _CLONE_NEWIPC
    _check(_libc.unshare(flags), "unshare")
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
    Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
    status_r, status_w = os.pipe()
    init = os.fork()
    if init:
        os.close(status_w)
        _outer(init, status_r)
    os.close(status_r)
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # the outer half gone: stop too
    # A session of our own: `kill(0, ...)` and `killpg` now reach this namespace only.
    os.setsid()
    _mount_private(scratch, disk_bytes)
    witness = os.fork()
    if witness:
        _init(witness, status_w)
    os.close(status_w)


def seal() -> None:
    """The last step before witness code: hide /proc, drop every capability, forbid setuid gains.

    Separate from `enter` because the setup between them still reads `/proc/self`."""
    _mount(b"tmpfs", b"/proc", b"tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, b"size=4k,mode=555")
    for cap in range(_LAST_CAP + 1):
        _libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0)  # EINVAL past the kernel's last cap: fine
    header = (ctypes.c_uint32 * 2)(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(_libc.capset(header, data), "capset")
    _check(_libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def _mount_private(scratch: Path, disk_bytes: int) -> None:
    _mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None)
    # The jail's root and /dev are tmpfs mounts bubblewrap made; read-only, they cannot be used
    # to get around the disk cap (without a user namespace of its own the jail's directories
    # would otherwise belong to us).
    for where in (b"/", b"/dev"):
        # a remount must keep the flags the jail locked (nosuid, nodev, ...): statvfs reports
        # them with the same bit values as mount(2) takes
        kept = os.statvfs(where).f_flag & _LOCKABLE
        _mount(b"none", where, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY | kept, None)
    options = f"size={disk_bytes},nr_inodes=4096,mode=700".encode()
    below = _mounts_below("/tmp")
    _mount(b"tmpfs", b"/tmp", b"tmpfs", _MS_NOSUID | _MS_NODEV, options)
    _restore(below)
    _mount(b"tmpfs", b"/dev/shm", b"tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, b"size=4k")
    scratch.mkdir(parents=True, exist_ok=True)


def _mounts_below(top: str) -> list[tuple[int, str]]:
    """The jail's read-only binds under `top` (a checkout under /tmp: its virtualenv and source),
    held open so that they can be put back on top of the private tmpfs that would hide them."""
    points = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), line.split()[4])
        if point.startswith(top + "/"):
            points.append(point)
    outermost = [p for p in points if not any(p.startswith(o + "/") for o in points)]
    return [(os.open(p, os.O_PATH | os.O_DIRECTORY), p) for p in sorted(set(outermost))]


def _restore(below: list[tuple[int, str]]) -> None:
    for fd, point in below:
        Path(point).mkdir(parents=True, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}".encode(), point.encode(), None, _MS_BIND | _MS_REC, None)
        kept = os.statvfs(point).f_flag & _LOCKABLE
        flags = _MS_REMOUNT | _MS_BIND | _MS_RDONLY | kept
        _mount(b"none", point.encode(), None, flags, None)
        os.close(fd)


def _mount(
    source: bytes, target: bytes, kind: bytes | None, flags: int, data: bytes | None
) -> None:
    _check(_libc.mount(source, target, kind, flags, data), f"mount {target.decode()}")


def _init(witness: int, status_w: int) -> NoReturn:
    """Process 1 of the namespace: reap everything, report how the witness ended, then exit,
    which makes the kernel kill whatever the witness left running.

    The witness cannot signal or trace this process: init ignores signals from inside its own
    namespace that it has no handler for (SIGKILL included), and it is not dumpable."""
    try:
        _libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
        os.closerange(3, status_w)
        os.closerange(status_w + 1, os.sysconf("SC_OPEN_MAX"))
        signal.signal(signal.SIGTERM, lambda *_: os.kill(witness, signal.SIGTERM))
        while True:
            pid, status = os.waitpid(-1, 0)
            if pid == witness:
                os.write(status_w, status.to_bytes(4, "little"))
                break
    finally:
        os._exit(0)


def _outer(init: int, status_r: int) -> NoReturn:
    """Wait for the namespace and end exactly as the witness did (the worker's evidence)."""
    code = 70
    try:
        os.closerange(3, status_r)  # hold no pipe open for the worker
        os.closerange(status_r + 1, os.sysconf("SC_OPEN_MAX"))
        # The worker's SIGTERM at a timeout is for the witness (its faulthandler dumps the stack);
        # dying of it here first would SIGKILL the witness before the stack was written.
        signal.signal(signal.SIGTERM, lambda *_: os.kill(init, signal.SIGTERM))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # re-raising SIGXCPU must not dump core
        _, own = os.waitpid(init, 0)
        reported = os.read(status_r, 4)
        status = int.from_bytes(reported, "little") if len(reported) == 4 else own
        if os.WIFSIGNALED(status):
            signum = os.WTERMSIG(status)
            with contextlib.suppress(OSError, ValueError):
                signal.signal(signum, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum])
            os.kill(os.getpid(), signum)
            code = 128 + signum
        else:
            code = os.waitstatus_to_exitcode(status)
    finally:
        os._exit(code)
