"""Shared browser-test fixtures: the bundled atlas built once, served with the real server
(so the Content-Security-Policy header applies), and Debian's Chromium driven by Playwright.

Every test here is marked `browser`. Pages collect console errors and page errors; CSP
violations arrive as console errors, so `page_errors` empty means none happened.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page

from continuous_function.server.app import Hub, create_app

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` with the project's server (CSP headers included) on a free port."""
    port = free_port()
    config = uvicorn.Config(
        create_app(site_dir, Hub(), dev=False),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    yield from serve(built_site)


class ErrorLog(list[str]):
    """Console errors and uncaught page errors seen by a page."""


@pytest.fixture
def page_errors() -> ErrorLog:
    return ErrorLog()


def watch(page: Page, errors: ErrorLog) -> Page:
    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page


@pytest.fixture
def page(browser: Browser, page_errors: ErrorLog) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield watch(context.new_page(), page_errors)
    context.close()
