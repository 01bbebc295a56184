"""Cut a freshly forked witness process off from the network, the environment and the machine.

Everything here runs in the child, after `fork()` and before the witness's first line. Order
matters: namespaces first (a user namespace can only be entered while single-threaded), then
environment and working directory, then resource limits last (they would also limit our setup).
"""

from __future__ import annotations

import ctypes
import fcntl
import ipaddress
import math
import os
import resource
import signal
import socket
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from continuous_function.witness.job import Isolation

NetworkMode = Literal["auto", "netns", "userns", "guard"]
"""`auto` tries netns, then userns, then guard; the others force one method (tests use them)."""

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_SIOCGIFFLAGS = 0x8913
_SIOCSIFFLAGS = 0x8914
_IFF_UP = 0x1

NO_NETWORK_HINT = "witnesses run without network access"

THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""One BLAS thread: witnesses are small, and multi-threaded reductions can change the last digit
of printed results from run to run."""


class SandboxError(RuntimeError):
    """The requested isolation could not be set up; the witness must not run."""


def isolate_network(mode: NetworkMode) -> Isolation:
    """Leave the host's network, keeping only a loopback interface, and say how it was done.

    A new network namespace is kernel-enforced (nothing but `lo` exists). Unprivileged machines may
    still allow it inside a new user namespace. Where neither is permitted, a Python-level guard on
    `socket` refuses non-loopback addresses: it stops honest mistakes, not a determined witness,
    which is why the result records which method ran.
    """
    order: list[Isolation] = ["netns", "userns", "guard"] if mode == "auto" else [mode]
    errors: list[str] = []
    for method in order:
        if method == "guard":
            _install_socket_guard()
            return "guard"
        flags = _CLONE_NEWNET if method == "netns" else _CLONE_NEWUSER | _CLONE_NEWNET
        err = _unshare(flags)
        if err is None:
            loopback_up()
            return method
        errors.append(f"{method}: {err}")
    raise SandboxError("cannot isolate the network (" + "; ".join(errors) + ")")


def _unshare(flags: int) -> str | None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(flags) == 0:
        return None
    return os.strerror(ctypes.get_errno())


def loopback_up() -> None:
    """A new namespace's `lo` starts down; bring it up so witnesses may talk to themselves."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            req = struct.pack("16sH22x", b"lo", 0)
            flags = struct.unpack("16sH22x", fcntl.ioctl(s.fileno(), _SIOCGIFFLAGS, req))[1]
            fcntl.ioctl(s.fileno(), _SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | _IFF_UP))
    except OSError:
        pass  # loopback stays down: stricter than promised, never looser


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths and other local families
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _install_socket_guard() -> None:
    def refuse(address: Any) -> None:
        raise PermissionError(f"network access to {address!r} refused: {NO_NETWORK_HINT}")

    def guarded(original: Callable[..., Any], address_index: int) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            address = args[address_index] if len(args) > address_index else None
            if not _is_loopback(address):
                refuse(address)
            return original(*args)

        return wrapper

    cls: Any = socket.socket
    cls.connect = guarded(cls.connect, 1)
    cls.connect_ex = guarded(cls.connect_ex, 1)
    cls.sendto = guarded(cls.sendto, -1)
    original_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and not _is_loopback((name,)):
            refuse(host)
        return original_getaddrinfo(host, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo


def minimal_environ(workdir: Path) -> dict[str, str]:
    """The whole environment a witness sees: nothing from the author's shell leaks into output."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(workdir),
        "TMPDIR": str(workdir),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(workdir),
        "SOURCE_DATE_EPOCH": "0",
        **THREAD_ENV,
    }


def address_space_bytes() -> int:
    """Current virtual size: the memory limit is added to what the warm image already maps."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def apply_limits(
    *, base_bytes: int, memory_mb: int, cpu_s: float, max_output: int, processes: int | None
) -> None:
    """Kernel-enforced ceilings, so a runaway witness ends itself even if the worker is slow.

    The time limit is CPU time: a profiling timer sends SIGPROF at exactly `cpu_s`, and
    RLIMIT_CPU (whole seconds: SIGXCPU, then SIGKILL) stops a witness that ignores SIGPROF and
    any process it forks (timers are not inherited, rlimits are). The worker's wall-clock
    deadline is only the backstop for a witness that waits instead of computing.
    RLIMIT_FSIZE caps every file the witness writes, including the files behind its stdout and
    stderr: a 100 MB print dies with SIGXFSZ after `max_output` bytes instead of filling the disk.
    RLIMIT_NPROC counts the processes of our user, so it is only set in the jail (`processes`
    None otherwise), where that user, in the witness's own user namespace, owns nothing else.
    """
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # CPython ignores it; we want the kill
    cpu = math.ceil(cpu_s) + 1
    limits = {
        resource.RLIMIT_AS: (base_bytes + memory_mb * 2**20,) * 2,
        resource.RLIMIT_CPU: (cpu, cpu + 1),
        resource.RLIMIT_FSIZE: (max_output,) * 2,
        resource.RLIMIT_CORE: (0, 0),
        resource.RLIMIT_NOFILE: (256, 256),
    }
    if processes is not None:
        limits[resource.RLIMIT_NPROC] = (processes, processes)
    for which, (soft, hard) in limits.items():
        resource.setrlimit(which, (soft, hard))
    signal.signal(signal.SIGPROF, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_PROF, cpu_s)
