"""The jail the witness worker runs in: a bubblewrap sandbox built from an explicit allow-list.

Curriculum code (witnesses and demos) is contributed code that CI builds, so the process that runs
it is started with nothing of the builder's machine but what Python needs, read-only:

- a fresh root with `/usr` (and its `/bin`, `/lib` links), `/etc`, the interpreter's prefix, the
  virtualenv and this package's source, all read-only; no `$HOME`, no curriculum, no witness
  cache, no output folder (results travel back over the worker's stdout pipe only);
- its own PID, network, IPC, UTS and (as non-root) user namespaces: no host process, no host
  `/proc/<pid>`, no host network or loopback, no host unix socket (none is mounted);
- a size-capped tmpfs `/tmp` as the only writable place, and `--die-with-parent`.

As root, the worker starts with just CAP_SETUID/CAP_SETGID and at once becomes `nobody`
(`drop_privileges`), so curriculum code never runs as a user that owns anything on the host.
Inside, every witness gets namespaces of its own on top (`namespaces.py`).

Without bubblewrap (a laptop without it, a kernel without user namespaces) `probe` says why and
the worker runs as before, behind network isolation and resource limits only.
"""

from __future__ import annotations

import functools
import os
import pwd
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

JAIL_TMP_BYTES = 512 * 2**20
"""The worker's own /tmp (its scratch files: witness stdout/stderr); each witness mounts a
smaller one of its own over it (`WitnessJob.disk_mb`)."""
MPL_CACHE_IN_JAIL = "/run/cf-matplotlib"
"""Where the host's matplotlib font cache is visible (read-only) so the worker need not rebuild
it (seconds) on every build."""
_TOP_LEVEL = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@dataclass(frozen=True)
class Jail:
    """How to start a command inside the jail; `None` from `probe` when there is none."""

    bwrap: str
    binds: tuple[Path, ...]
    as_root: bool

    def wrap(self, argv: list[str]) -> list[str]:
        """`argv` run inside the jail (its environment is the caller's, as with `Popen(env=)`)."""
        args = [
            self.bwrap,
            "--unshare-pid",
            "--unshare-net",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--hostname",
            "witness",
        ]
        if self.as_root:
            args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        else:
            args += ["--unshare-user"]
        args += ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
        for top in _TOP_LEVEL:
            path = Path(top)
            if path.is_symlink():
                args += ["--symlink", os.readlink(path), top]
            elif path.is_dir():
                args += ["--ro-bind", top, top]
        cache = matplotlib_cache()
        binds = [(path, path) for path in self.binds]
        if cache is not None:
            binds.append((cache, Path(MPL_CACHE_IN_JAIL)))
        # /tmp first: a checkout (and its virtualenv) under /tmp is bound inside it, not hidden
        args += ["--perms", "1777", "--size", str(JAIL_TMP_BYTES), "--tmpfs", "/tmp"]
        for parent in _parents(inside for _, inside in binds):
            args += ["--perms", "0755", "--dir", str(parent)]
        for outside, inside in binds:
            args += ["--ro-bind", str(outside), str(inside)]
        args += ["--proc", "/proc", "--dev", "/dev"]
        return [*args, "--chdir", "/", "--", *argv]


@functools.cache
def probe(src: Path) -> tuple[Jail | None, str]:
    """The jail for this machine, or None and the reason there is none (for the warning line).

    Cached for the process: whether this machine can make a jail does not change during a build
    or a `cfn serve` session, and a build starts a worker for witnesses and one for demos."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return None, "bubblewrap (bwrap) is not installed"
    binds = tuple(_python_binds(src))
    jail = Jail(bwrap=bwrap, binds=binds, as_root=os.geteuid() == 0)
    try:
        run = subprocess.run(
            jail.wrap([sys.executable, "-c", "pass"]),
            capture_output=True,
            timeout=30,
            check=False,
            env={"PATH": "/usr/bin:/bin"},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"bubblewrap could not start ({exc})"
    if run.returncode != 0:
        reason = run.stderr.decode(errors="replace").strip().splitlines()
        return None, f"bubblewrap cannot create a sandbox here ({reason[-1] if reason else run})"
    return jail, ""


def drop_privileges() -> None:
    """As root inside the jail: become `nobody` for good (all groups, uids and capabilities)."""
    if os.geteuid() != 0:
        return
    try:
        user = pwd.getpwnam("nobody")
        uid, gid = user.pw_uid, user.pw_gid
    except KeyError:
        uid = gid = 65534
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)  # from uid 0 to non-zero: the kernel clears every capability


def matplotlib_cache() -> Path | None:
    """The host's matplotlib cache folder as matplotlib itself would find it, if it exists."""
    explicit = os.environ.get("MPLCONFIGDIR")
    if explicit:
        candidates = [Path(explicit)]
    else:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        candidates = [Path(xdg) / "matplotlib"]
    found = [c for c in candidates if c.is_dir()]
    return found[0] if found else None


def _python_binds(src: Path) -> Iterable[Path]:
    """The interpreter, the virtualenv and this package: what `python -m ...worker` needs."""
    paths = {Path(sys.base_prefix), Path(sys.prefix), src}
    paths.add(Path(os.path.realpath(sys.executable)).parent.parent)
    kept = sorted(p.resolve() for p in paths if not _under_usr(p))
    # a bind inside another bind would be hidden by it (or hide it): keep the outermost
    for path in kept:
        if not any(other != path and path.is_relative_to(other) for other in kept):
            yield path


def _under_usr(path: Path) -> bool:
    return path.resolve().is_relative_to("/usr")


def _parents(binds: Iterable[Path]) -> list[Path]:
    """Directories to create (world-traversable) above each bind, shallowest first."""
    parents = {parent for path in binds for parent in path.parents if str(parent) != "/"}
    return sorted(parents, key=lambda p: (len(p.parts), str(p)))
