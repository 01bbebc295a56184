"""Fixtures shared by unit and browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from continuous_function.site.build import build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled atlas, built once per test session (with pytest-xdist: once per worker)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT / "curriculum", out, cache_dir=ROOT / ".cache" / "witness")
    assert result.written, [d.format() for d in result.diagnostics]
    return out
