"""Shared browser-test fixtures: the bundled atlas built once, served with the real server
(so the Content-Security-Policy header applies), and Debian's Chromium driven by Playwright.

Every test here is marked `browser`. Pages collect console errors and page errors; CSP
violations arrive as console errors, so `page_errors` empty means none happened.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page
from starlette.types import ASGIApp

from continuous_function.server.app import Hub, create_app

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def run_server(app: ASGIApp) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread on a free loopback port; yields the base URL.

    The socket is bound and listening before the URL is handed out, so a request made at once
    waits in the backlog until uvicorn accepts it: no waiting for the server to start."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    yield from run_server(create_app(built_site, Hub(), dev=False))


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
