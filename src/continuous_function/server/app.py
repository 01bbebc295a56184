"""`cfn serve`: the built site, live updates over server-sent events, and security headers.

The site is plain static files; the server only adds the update channel in development. A build
with errors never stops the server: pages with errors show them, and a build that could not
run at all is reported to open pages through the same channel. Only requests addressed to a
loopback name are answered (a page on another site cannot reach it through DNS rebinding).
"""

from __future__ import annotations

import asyncio
import json
import traceback
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from continuous_function.site.assets import SECURITY_HEADERS

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def site_file(url_path: str) -> str | None:
    """The site file a GET of `url_path` asks for when it may be a page or a page's own css."""
    rel = url_path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        return rel + "index.html"
    if rel.endswith((".html", "/page.css")):
        return rel
    return None


class Hub:
    """Fan-out of build events to every open page.

    Each stream starts with a `ready` event, sent once the stream is subscribed: a page (or a
    test) that has seen it will not miss the next update. A page names itself when it
    subscribes (`?page=<url path>`), so the server can render the open pages first."""

    def __init__(self) -> None:
        self.queues: dict[asyncio.Queue[str], str | None] = {}
        """Each open stream and the site file of the page that opened it."""
        self.last: str | None = None

    def publish(self, event: str, data: object) -> None:
        message = f"event: {event}\ndata: {json.dumps(data)}\n\n"
        self.last = message if event == "build-error" else None
        for queue in list(self.queues):
            queue.put_nowait(message)

    def open_pages(self) -> set[str]:
        """Site files of the pages open now ("calculus/derivatives/index.html", …)."""
        return {page for page in self.queues.values() if page is not None}

    async def stream(self, request: Request) -> AsyncGenerator[str, None]:
        queue: asyncio.Queue[str] = asyncio.Queue()
        page = request.query_params.get("page")
        self.queues[queue] = None if page is None else site_file(page)
        try:
            yield "retry: 500\n\n"
            yield "event: ready\ndata: {}\n\n"
            if self.last:
                yield self.last
            while not await request.is_disconnected():
                try:
                    yield await asyncio.wait_for(queue.get(), timeout=15)
                except TimeoutError:
                    yield ": keep-alive\n\n"
        finally:
            del self.queues[queue]


def cache_control(path: str, dev: bool) -> bytes:
    """Vendor files never change under their path; other static files are revalidated (a 304
    when unchanged), which keeps a live-reload cheap; pages are never stored while authoring."""
    if path.startswith("/static/vendor/"):
        return b"public, max-age=31536000, immutable"
    if path.startswith("/static/") or not dev:
        return b"no-cache"
    return b"no-store"


Pages = Callable[[str], Awaitable[bytes | None]]
"""Site file (relative path) → its bytes rendered in memory, or None to serve it from disk."""


class MemoryPages:
    """Answers page requests from `pages` (the dev server's in-memory site) while it has them;
    everything else, and every page once the site on disk has caught up, from `app`."""

    def __init__(self, app: ASGIApp, pages: Pages) -> None:
        self.app, self.pages = app, pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rel = site_file(scope["path"]) if scope["type"] == "http" else None
        if rel is not None and scope["method"] in ("GET", "HEAD"):
            body = await self.pages(rel)
            if body is not None:
                kind = "text/css" if rel.endswith(".css") else "text/html; charset=utf-8"
                status = 404 if rel == "404.html" else 200
                await Response(body, status, media_type=kind)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, dev: bool) -> None:
        self.app, self.dev = app, dev

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                headers.append((b"cache-control", cache_control(scope.get("path", ""), self.dev)))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _report_crash(task: asyncio.Task[None]) -> None:
    """A background task (the watcher) that dies says why, with its traceback, on stderr."""
    if not task.cancelled() and (exc := task.exception()) is not None:
        traceback.print_exception(exc)


def create_app(
    site_dir: Path,
    hub: Hub,
    *,
    dev: bool = True,
    allowed_hosts: Sequence[str] = LOOPBACK_HOSTS,
    pages: Pages | None = None,
    on_startup: list[Callable[[], Coroutine[Any, Any, None]]] | None = None,
) -> ASGIApp:
    async def events(request: Request) -> StreamingResponse:
        return StreamingResponse(hub.stream(request), media_type="text/event-stream")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(fn()) for fn in on_startup or []]
        for task in tasks:
            task.add_done_callback(_report_crash)
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()

    app = Starlette(
        routes=[
            Route("/_cfn/events", events),
            # html=True serves index.html for folders and the site's 404.html for misses
            Mount("/", StaticFiles(directory=site_dir, html=True, check_dir=False)),
        ],
        lifespan=lifespan,
    )
    served: ASGIApp = app if pages is None else MemoryPages(app, pages)
    return SecurityHeaders(TrustedHostMiddleware(served, allowed_hosts=allowed_hosts), dev=dev)
