"""Read a curriculum file, or say at its path why it cannot be read.

Every file of the curriculum is read through here so that no input can hang or crash the
build: a FIFO named `page.md` would block `open()` forever, `/dev/zero` never ends, a 50 MB
page takes minutes to render, and a symlink out of the tree would publish whatever it points
at (`witness.py -> ~/.env` appears verbatim in the Code section).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from continuous_function.diagnostics import Diagnostic, Location
from continuous_function.model.codes import report

KIB = 1024
LIMITS = {
    ".yaml": 64 * KIB,
    ".md": 128 * KIB,
    ".py": 256 * KIB,
    ".bib": 2048 * KIB,
    ".mjs": 256 * KIB,
}
"""The largest file of each kind the build accepts: at least three times the largest bundled
one (concept.yaml 19 KB, page.md 10 KB), and small enough that the slowest readers (ruamel's
pure-Python YAML parser, ~25 µs per node) take a few seconds at most."""
DEFAULT_LIMIT = 256 * KIB


@dataclass(frozen=True)
class Read:
    """What reading one file gave: its text, or (text None) the problems, or neither (absent)."""

    text: str | None
    problems: tuple[Diagnostic, ...] = ()


def present(path: Path) -> bool:
    """A name in the folder, even a broken symlink (which must be reported, not ignored)."""
    return os.path.lexists(path)


def read_text(path: Path, root: Path) -> Read:
    """The UTF-8 text of `path` if it is a regular file inside `root` and within its size cap;
    `Read(None)` when there is no such name; otherwise `Read(None, (problem,))`."""
    if not present(path):
        return Read(None)
    data = read_bytes(path, root)
    if isinstance(data, Diagnostic):
        return Read(None, (data,))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Read(None, (_refuse(path, "not UTF-8 text", exc.start, data),))
    nul = data.find(b"\0")
    if nul >= 0:
        return Read(None, (_refuse(path, "a binary file (it holds a NUL byte)", nul, data),))
    return Read(text)


def read_bytes(path: Path, root: Path) -> bytes | Diagnostic:
    """The bytes of `path`, refusing anything outside `root`, not a regular file, or too big."""
    limit = LIMITS.get(path.suffix, DEFAULT_LIMIT)
    real = inside(path, root)
    if isinstance(real, Diagnostic):
        return real
    try:
        # O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return _fail(path, f"cannot be read: {_reason(exc)}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return _fail(path, f"is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            return _too_big(path, info.st_size, limit)
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        return _fail(path, f"cannot be read: {_reason(exc)}")
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while we read it
        return _too_big(path, len(data), limit)
    return data


def inside(path: Path, root: Path) -> Path | Diagnostic:
    """Where `path` really is, if that is inside `root` (symlinks followed)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a broken or looping symlink
        if path.is_symlink():
            return _fail(path, f"links to '{os.readlink(path)}', which cannot be read")
        return _fail(path, f"cannot be read: {_reason(exc)}")
    if not real.is_relative_to(root.resolve()):
        link = f"links to '{os.readlink(path)}'," if path.is_symlink() else "is in a folder linked"
        return _fail(
            path,
            f"{link} outside the curriculum; replace the symlink with the file itself",
            code="Y004",
        )
    return real


def _too_big(path: Path, size: int, limit: int) -> Diagnostic:
    return _fail(
        path,
        f"is {size / KIB:,.0f} KiB; the limit for a {path.suffix or 'plain'} file is "
        f"{limit // KIB:,} KiB (split the concept, or move data into the witness)",
        code="Y006",
    )


def _refuse(path: Path, what: str, offset: int, data: bytes) -> Diagnostic:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return _fail(path, f"is {what} at byte {offset}", line=line, col=col)


def _fail(
    path: Path, message: str, *, code: str = "Y005", line: int = 1, col: int = 1
) -> Diagnostic:
    return report(code, Location(path, line, col), f"{path.name} {message}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        return (exc.strerror or errno.errorcode.get(exc.errno, str(exc))).lower()
    return str(exc).lower() or type(exc).__name__


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
