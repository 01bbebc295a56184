"""`write_site` under fire: a build killed at any point leaves a complete site at `--out`.

Each kill test runs a real child process that writes site v2 over v1 and SIGKILLs (or
SIGTERMs) itself at one point of the write; afterwards `out` must hold exactly v1 or v2, and the
next build must remove whatever the killed one left beside it.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from continuous_function.site.write import SiteWriteError, write_site

CASES = Path(__file__).resolve().parents[1] / "cases"


def _site(version: str, n: int = 120) -> dict[str, bytes]:
    files = {f"c{i % 7}/page{i}/index.html": f"{version} page {i}\n".encode() for i in range(n)}
    return files | {"index.html": f"{version} home\n".encode()}


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}-"))


CHILD = """
import os, pathlib, shutil, signal, sys
from continuous_function.site import write
point, sig, out = sys.argv[1], getattr(signal, sys.argv[2]), pathlib.Path(sys.argv[3])
calls = {"n": 0}
def die():
    os.kill(os.getpid(), sig)
    signal.pause()
def after(name, original, nth):
    def wrapped(*args, **kwargs):
        calls["n"] += 1
        result = original(*args, **kwargs)
        if calls["n"] == nth:
            die()
        return result
    return wrapped
if point == "first-file":
    pathlib.Path.write_bytes = after("write", pathlib.Path.write_bytes, 1)
elif point == "mid-files":
    pathlib.Path.write_bytes = after("write", pathlib.Path.write_bytes, 60)
elif point == "last-file":
    pathlib.Path.write_bytes = after("write", pathlib.Path.write_bytes, 121)
elif point == "after-swap":
    write._swap = after("swap", write._swap, 1)
elif point == "mid-cleanup":
    os.unlink = after("unlink", os.unlink, 30)
files = {f"c{i % 7}/page{i}/index.html": f"v2 page {i}\\n".encode() for i in range(120)}
write.write_site(out, files | {"index.html": b"v2 home\\n"})
"""

POINTS = ["first-file", "mid-files", "last-file", "after-swap", "mid-cleanup"]


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("point", POINTS)
def test_killed_write_leaves_a_complete_site(point: str, sig: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, _site("v1"))
    child = subprocess.run(
        [sys.executable, "-c", CHILD, point, sig, str(out)], capture_output=True, timeout=60
    )
    assert child.returncode == -getattr(signal, sig), child.stderr.decode()
    assert _files(out) in (_site("v1"), _site("v2"))
    if point != "after-swap":  # killed before the swap: the old site; after it: the new one
        assert _files(out) == (_site("v2") if point == "mid-cleanup" else _site("v1"))
    assert _leftovers(out), "the kill should have left a folder for the next build to remove"
    write_site(out, _site("v3"))
    assert _files(out) == _site("v3")
    assert _leftovers(out) == []


def test_killed_from_outside_at_any_moment(tmp_path: Path) -> None:
    """SIGKILL from another process at moments spread over one whole write of a bigger site."""
    out = tmp_path / "site"
    big = {f"p{i}/index.html": b"x" * 2000 for i in range(1500)}
    write_site(out, _site("v1"))
    script = (
        "import pathlib, sys; from continuous_function.site.write import write_site; "
        "write_site(pathlib.Path(sys.argv[1]), "
        "{f'p{i}/index.html': b'x' * 2000 for i in range(1500)})"
    )
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "probe")], check=True)
    whole = time.monotonic() - start
    for step in range(8):
        child = subprocess.Popen([sys.executable, "-c", script, str(out)])
        time.sleep(whole * step / 8)
        child.kill()
        child.wait()
        assert _files(out) in (_site("v1"), big)
        write_site(out, _site("v1"))
        assert _leftovers(out) == []


@pytest.mark.parametrize(
    ("umask", "folder", "file"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)]
)
def test_site_respects_the_umask(umask: int, folder: int, file: int, tmp_path: Path) -> None:
    out = tmp_path / "site"
    old = os.umask(umask)
    try:
        write_site(out, _site("v1"))
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == folder
    assert (out / "c0" / "page0").stat().st_mode & 0o777 == folder
    assert (out / "index.html").stat().st_mode & 0o777 == file


def test_full_disk_is_one_line_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    write_site(out, _site("v1"))
    real = Path.write_bytes
    count = {"n": 0}

    def full(self: Path, data: bytes) -> int:
        count["n"] += 1
        if count["n"] > 50:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(SiteWriteError) as caught:
        write_site(out, _site("v2"))
    monkeypatch.undo()
    assert str(caught.value).startswith(f"cannot write the site to {out}: No space left on device")
    assert "\n" not in str(caught.value)
    assert _files(out) == _site("v1")
    assert _leftovers(out) == []


def test_unwritable_parent_fails_cleanly_from_the_cli(tmp_path: Path) -> None:
    """A parent that is a file (root ignores permission bits, so a mode-000 folder cannot fail)."""
    (tmp_path / "a-file").write_text("")
    cfn = Path(sys.executable).with_name("cfn")
    done = subprocess.run(
        [str(cfn), "build", str(CASES / "valid"), "--out", str(tmp_path / "a-file" / "site")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = [x for x in done.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith(f"error: cannot write the site to {tmp_path / 'a-file' / 'site'}: ")
