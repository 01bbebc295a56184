"""The watcher and the rebuild loop: a save made right after the watch is set up is seen, a
content error reaches open pages, and a programming error is logged with its traceback while the
loop keeps serving later saves."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from continuous_function.build import BuildResult
from continuous_function.diagnostics import Diagnostic, Location, Severity
from continuous_function.server.app import Hub
from continuous_function.server.watch import FileWatcher, watch_and_rebuild


def test_a_save_right_after_the_watch_is_set_up_is_seen(tmp_path: Path) -> None:
    async def first_batch() -> set[str]:
        with FileWatcher(tmp_path) as watcher:
            (tmp_path / "page.md").write_text("edited")  # no sleep: the watch is already live
            return await anext(watcher.changes())

    assert str(tmp_path / "page.md") in asyncio.run(asyncio.wait_for(first_batch(), 20))


async def batches(*names: str) -> AsyncIterator[set[str]]:
    for name in names:
        yield {f"/curriculum/calculus/derivatives/{name}"}


def run(rebuilds: list[Callable[[], BuildResult]]) -> tuple[list[tuple[str, str]], list[str]]:
    """Feed one batch of changes per rebuild; return what open pages and the terminal got."""
    hub, log = Hub(), list[str]()
    queue: asyncio.Queue[str] = asyncio.Queue()
    hub.queues.add(queue)
    steps = iter(rebuilds)

    async def go() -> None:
        await watch_and_rebuild(
            batches(*(f"page{i}.md" for i in range(len(rebuilds)))),
            lambda: next(steps)(),
            hub,
            log.append,
        )

    asyncio.run(asyncio.wait_for(go(), 20))
    events = []
    while not queue.empty():
        event, data = queue.get_nowait().split("\n")[:2]
        events.append((event.removeprefix("event: "), data.removeprefix("data: ")))
    return events, log


def crash() -> BuildResult:
    raise KeyError("missing-view-field")


def good() -> BuildResult:
    return BuildResult(written=True, rendered=["calculus/derivatives"], changed=["a/index.html"])


def content_error() -> BuildResult:
    where = Location(Path("curriculum/calculus/derivatives/concept.yaml"), line=3, col=1)
    bad = Diagnostic(code="E101", message="bad title", location=where, severity=Severity.error)
    return BuildResult(diagnostics=[bad], written=False)


def test_a_programming_error_is_logged_with_its_traceback_and_serving_goes_on() -> None:
    events, log = run([crash, good])
    text = "".join(log)
    assert "Traceback (most recent call last)" in text
    assert "in crash" in text and "KeyError: 'missing-view-field'" in text
    assert events[0][0] == "build-error" and "missing-view-field" in events[0][1]
    assert events[1][0] == "update" and json.loads(events[1][1])["changed"] == ["a/index.html"]


def test_a_build_that_cannot_be_written_sends_its_errors_to_open_pages() -> None:
    events, log = run([content_error])
    assert events[0][0] == "build-error"
    assert "concept.yaml:3:1: E101 bad title" in events[0][1]
    assert "Traceback" not in "".join(log)
