"""Fixtures shared by unit and browser tests.

One Playwright driver and one Chromium per test process: Playwright's sync API cannot be
started twice in a thread, so every browser test (tests/browser, tests/demo) uses `browser`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from continuous_function.build import build
from continuous_function.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium (never a Playwright download), launched once per test process."""
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled atlas, built once per test session (with pytest-xdist: once per worker)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT / "curriculum", out, cache_dir=ROOT / ".cache" / "witness")
    assert result.written, [d.format() for d in result.diagnostics]
    return out
