"""Browser assets are written where the server HTML points."""

from __future__ import annotations

from pathlib import Path

import pytest

from continuous_function.demo import LIB_PATH, DemoError, find_micropython, write_demo_assets

from .conftest import DERIVATIVES, FUNCTIONS


def test_write_demo_assets(tmp_path: Path) -> None:
    write_demo_assets(
        tmp_path, {"calculus/derivatives": DERIVATIVES, "calculus/functions": FUNCTIONS}
    )
    static = tmp_path / "static"
    assert (static / "demos" / "cfdemo.py").read_bytes() == LIB_PATH.read_bytes()
    assert (static / "demos/calculus/derivatives/demo.py").read_bytes() == DERIVATIVES.read_bytes()
    assert (static / "demos/calculus/functions/demo.py").is_file()
    for name in ("micropython.mjs", "micropython.wasm"):
        assert (static / "vendor" / "micropython" / name).stat().st_size > 50_000
    for name in ("js/demo.js", "js/demo-engine.js", "js/demo-worker.js", "css/demo.css"):
        assert (static / name).is_file()
    before = (static / "demos" / "cfdemo.py").stat().st_mtime_ns
    write_demo_assets(tmp_path, {"calculus/derivatives": DERIVATIVES})
    assert (static / "demos" / "cfdemo.py").stat().st_mtime_ns == before  # unchanged: not rewritten


def test_bad_key(tmp_path: Path) -> None:
    with pytest.raises(DemoError, match="<domain>/<concept>"):
        write_demo_assets(tmp_path, {"derivatives": DERIVATIVES})


def test_runtime_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = find_micropython()
    monkeypatch.setenv("CFN_NODE_MODULES", str(found.parent.parent))
    assert find_micropython() == found
    monkeypatch.setenv("CFN_NODE_MODULES", str(tmp_path))
    with pytest.raises(DemoError, match="npm ci"):
        find_micropython(start=tmp_path / "x.py")
