"""Write the site: atomically for `cfn build`, in place (changed files only) for `cfn serve`.

Either way every byte is computed before anything is written, so a failed build leaves the
previous site untouched. `cfn build` writes a sibling `.<out>-new-*` folder and swaps it with
`out` in one `renameat2(RENAME_EXCHANGE)`: a build killed at any moment (SIGKILL, SIGTERM, a
full disk) leaves `out` holding either the whole old site or the whole new one, never nothing.
Whatever a killed build left beside `out` is removed by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import os
import secrets
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from continuous_function.diagnostics import CfnError

_WRITTEN: dict[Path, dict[str, str]] = {}
"""What this process last wrote to each output folder (path → content hash)."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SiteWriteError(CfnError):
    """The output folder could not be written (permissions, a full disk); one line, no trace."""


def write_site(out: Path, files: Mapping[str, bytes]) -> None:
    """Write every file into a sibling folder, then swap it in place of `out`."""
    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _locked(out.parent):
            remove_leftovers(out)
            new = _sibling(out, "new")
            os.mkdir(new)  # mode 0o777 less the umask, like any folder the user makes
            try:
                _fill(new, files)
            except BaseException:
                shutil.rmtree(new, ignore_errors=True)
                raise
            previous = _swap(new, out)
            if previous is not None:
                shutil.rmtree(previous, ignore_errors=True)
    except OSError as exc:
        raise SiteWriteError(_say(out, exc)) from None
    _WRITTEN[out] = _hashes(files)


def remove_leftovers(out: Path) -> list[Path]:
    """Delete the `.<out>-new-*` / `.<out>-old-*` folders of builds that were killed."""
    found = sorted(
        p
        for pattern in (f".{out.name}-new-*", f".{out.name}-old-*")
        for p in out.parent.glob(pattern)
        if p.is_dir() and not p.is_symlink()
    )
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


def sync_site(out: Path, files: Mapping[str, bytes]) -> list[str]:
    """Bring `out` to exactly `files`, touching only what changed since this process last wrote
    it (each file replaced atomically). Falls back to `write_site` the first time."""
    out = out.resolve()
    before = _WRITTEN.get(out)
    if before is None or not out.is_dir():
        write_site(out, files)
        return sorted(files)
    after = _hashes(files)
    changed = [rel for rel, digest in after.items() if before.get(rel) != digest]
    try:
        for rel in changed:
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(files[rel])
            os.replace(tmp, target)
        for rel in set(before) - set(after):
            (out / rel).unlink(missing_ok=True)
    except OSError as exc:
        raise SiteWriteError(_say(out, exc)) from None
    _WRITTEN[out] = after
    return changed


def _fill(folder: Path, files: Mapping[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _swap(new: Path, out: Path) -> Path | None:
    """Put `new` at `out`; return where the previous `out` now is (None if there was none).

    Where the kernel or file system has no RENAME_EXCHANGE (not Linux, or an old kernel), falls
    back to two renames, with a moment between them in which `out` does not exist."""
    if not os.path.lexists(out):
        os.rename(new, out)
        return None
    if _exchange(new, out):
        return new
    aside = _sibling(out, "old")
    os.rename(out, aside)
    os.rename(new, out)
    return aside


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(2); False when this system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One `cfn build` at a time per parent folder, so none removes another's new folder."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _sibling(out: Path, kind: str) -> Path:
    return out.with_name(f".{out.name}-{kind}-{secrets.token_hex(4)}")


def _say(out: Path, exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
    return f"cannot write the site to {out}: {exc.strerror or exc}{where}"


def _hashes(files: Mapping[str, bytes]) -> dict[str, str]:
    return {rel: hashlib.blake2b(data, digest_size=16).hexdigest() for rel, data in files.items()}
