"""The dev server in-process (Starlette's TestClient): headers, caching, 404s, the Host check and
the update stream."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from starlette.requests import Request
from starlette.testclient import TestClient

from continuous_function.server.app import LOOPBACK_HOSTS, Hub, create_app

from .aio import run_async


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for rel, text in {
        "index.html": "<h1>home</h1>",
        "calculus/derivatives/index.html": "<h1>Derivatives</h1>",
        "404.html": "<h1>not here</h1>",
        "static/css/bundle.css": "body{}",
        "static/vendor/katex/katex.min.css": ".katex{}",
    }.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return tmp_path


@pytest.fixture
def client(site: Path) -> TestClient:
    return TestClient(create_app(site, Hub()), base_url="http://127.0.0.1:8000")


@pytest.mark.parametrize(
    ("path", "status", "cache"),
    [
        ("/", 200, "no-store"),
        ("/calculus/derivatives/", 200, "no-store"),
        ("/calculus/derivatives", 200, "no-store"),  # redirected to the folder
        ("/no-such-page/", 404, "no-store"),
        ("/static/css/bundle.css", 200, "no-cache"),
        ("/static/vendor/katex/katex.min.css", 200, "public, max-age=31536000, immutable"),
    ],
)
def test_pages_and_assets_carry_status_cache_and_security_headers(
    client: TestClient, path: str, status: int, cache: str
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["cache-control"] == cache
    assert "script-src 'self'" in response.headers["content-security-policy"]
    if status == 404:
        assert "not here" in response.text


def test_a_built_site_is_served_with_revalidation_outside_dev(site: Path) -> None:
    client = TestClient(create_app(site, Hub(), dev=False), base_url="http://localhost")
    assert client.get("/").headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("LOCALHOST", True),
        ("[::1]:8000", True),
        ("attacker.example", False),  # DNS rebinding: a hostile name that resolves to us
        ("attacker.example:8000", False),
        ("127.0.0.1.attacker.example", False),
        ("", False),
    ],
)
def test_only_loopback_host_names_are_answered(
    client: TestClient, host: str, allowed: bool
) -> None:
    response = client.get("/", headers={"host": host})
    assert response.status_code == (200 if allowed else 400), response.text
    assert "content-security-policy" in response.headers  # refusals get the headers too


def test_more_host_names_can_be_allowed(site: Path) -> None:
    app = create_app(site, Hub(), allowed_hosts=[*LOOPBACK_HOSTS, "laptop.lan"])
    client = TestClient(app, base_url="http://laptop.lan:8000")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "other.lan"}).status_code == 400


class OpenRequest(Request):
    """A request whose client never goes away (the stream is read a few messages at a time)."""

    def __init__(self, query: bytes = b"") -> None:
        scope = {"type": "http", "method": "GET", "path": "/_cfn/events", "headers": []}
        super().__init__(scope | {"query_string": query})

    async def is_disconnected(self) -> bool:
        return False


def read(hub: Hub, publish: list[tuple[str, object]], count: int) -> list[str]:
    """The first `count` messages of a new stream; `publish` is sent once it is subscribed."""

    async def go() -> list[str]:
        stream = hub.stream(OpenRequest())
        messages = [await anext(stream) for _ in range(2)]  # retry, then ready: subscribed
        for event, data in publish:
            hub.publish(event, data)
        messages += [await anext(stream) for _ in range(count - 2)]
        await stream.aclose()
        return messages

    return run_async(asyncio.wait_for(go(), timeout=10))


def test_a_stream_says_ready_once_subscribed_then_carries_updates() -> None:
    hub = Hub()
    messages = read(hub, [("update", {"changed": ["index.html"]})], 3)
    assert messages == [
        "retry: 500\n\n",
        "event: ready\ndata: {}\n\n",
        'event: update\ndata: {"changed": ["index.html"]}\n\n',
    ]
    assert hub.queues == {}  # a closed stream unsubscribes


def test_a_page_names_itself_when_it_subscribes() -> None:
    hub = Hub()

    async def go() -> set[str]:
        stream = hub.stream(OpenRequest(b"page=calculus%2Fderivatives%2F"))
        await anext(stream)
        open_now = hub.open_pages()
        await stream.aclose()
        return open_now

    assert run_async(go()) == {"calculus/derivatives/index.html"}
    assert hub.open_pages() == set()


def test_a_page_opened_after_a_failed_build_is_told_at_once() -> None:
    hub = Hub()
    hub.publish("build-error", {"message": "E001 broken"})
    assert read(hub, [], 3)[2] == 'event: build-error\ndata: {"message": "E001 broken"}\n\n'
    hub.publish("update", {"changed": []})  # a good build: the failure is not replayed
    assert read(hub, [("update", {"changed": ["x"]})], 3)[2].startswith("event: update")


def test_pages_in_memory_are_served_before_the_files_on_disk(site: Path) -> None:
    asked: list[str] = []

    async def pages(rel: str) -> bytes | None:
        asked.append(rel)
        return b"<h1>from memory</h1>" if rel == "calculus/derivatives/index.html" else None

    client = TestClient(create_app(site, Hub(), pages=pages), base_url="http://127.0.0.1:8000")
    page = client.get("/calculus/derivatives/")
    assert page.text == "<h1>from memory</h1>" and page.headers["cache-control"] == "no-store"
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert client.get("/").text == "<h1>home</h1>"  # not in memory: from disk
    assert client.get("/static/css/bundle.css").text == "body{}"  # assets never asked for
    assert asked == ["calculus/derivatives/index.html", "index.html"]
