"""The watcher and the update loop: a save made right after the watch is set up is seen; after a
save open pages are told to update at once and again once the site is written; a curriculum that
cannot load reaches open pages as located errors; a programming error is logged with its
traceback and the loop keeps serving later saves."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from continuous_function.build import BuildOptions
from continuous_function.cache import BuildCache
from continuous_function.diagnostics import Diagnostic
from continuous_function.server.app import Hub
from continuous_function.server.live import LiveSite
from continuous_function.server.watch import FileWatcher, watch_and_rebuild

from .aio import run_async
from .test_live import CACHE, CASE, PAGE


def test_a_save_right_after_the_watch_is_set_up_is_seen(tmp_path: Path) -> None:
    async def first_batch() -> set[str]:
        with FileWatcher(tmp_path) as watcher:
            (tmp_path / "page.md").write_text("edited")  # no sleep: the watch is already live
            return await anext(watcher.changes())

    assert str(tmp_path / "page.md") in run_async(asyncio.wait_for(first_batch(), 20))


class CrashingOnce(LiveSite):
    """A site whose first reload hits a programming error."""

    crashed = False

    def _load(self) -> list[Diagnostic] | None:
        if not self.crashed:
            self.crashed = True
            raise KeyError("missing-view-field")
        return super()._load()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(CASE, tmp_path / "curriculum")
    return tmp_path / "curriculum"


@pytest.fixture
def cache() -> Iterator[BuildCache]:
    with BuildCache(CACHE) as cache:
        yield cache


def run(site: LiveSite, saves: int) -> tuple[list[tuple[str, object]], str]:
    """Feed `saves` batches of changes to a built `site`; what its open page and the terminal
    were told."""
    hub, log = Hub(), list[str]()
    queue: asyncio.Queue[str] = asyncio.Queue()
    hub.queues[queue] = PAGE

    async def batches() -> AsyncIterator[set[str]]:
        for _ in range(saves):
            yield {str(site.root / "calculus/derivatives/page.md")}

    async def go() -> None:
        await watch_and_rebuild(batches(), site, hub, log.append)

    run_async(asyncio.wait_for(go(), 60))
    events = []
    while not queue.empty():
        event, data = queue.get_nowait().split("\n")[:2]
        events.append((event.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return events, "".join(log)


def test_open_pages_update_at_once_then_again_when_the_site_is_written(
    root: Path, cache: BuildCache
) -> None:
    (root / "calculus/derivatives/page.md").write_text(
        (root / "calculus/derivatives/page.md").read_text() + "\nSaved.\n"
    )
    events, log = run(
        LiveSite(root, root.parent / "site", cache, BuildOptions(dev=True), quiet=0), 1
    )
    assert events[0] == ("update", {"changed": None})  # fetch yourself: rendered on request
    assert events[1][0] == "update"
    assert PAGE in events[1][1]["changed"]  # type: ignore[index]
    assert "reloaded after page.md" in log


def test_a_programming_error_is_logged_with_its_traceback_and_serving_goes_on(
    root: Path, cache: BuildCache
) -> None:
    site = CrashingOnce(root, root.parent / "site", cache, BuildOptions(dev=True), quiet=0)
    site.crashed = True  # the first build works
    site.build()
    site.crashed = False
    events, log = run(site, 2)
    assert "Traceback (most recent call last)" in log
    assert "in _load" in log and "KeyError: 'missing-view-field'" in log
    assert events[0][0] == "build-error" and "missing-view-field" in str(events[0][1])
    assert events[1] == ("update", {"changed": None})  # the next save is served


def test_a_curriculum_that_cannot_load_sends_its_errors_to_open_pages(
    root: Path, cache: BuildCache
) -> None:
    site = LiveSite(root, root.parent / "site", cache, BuildOptions(dev=True), quiet=0)
    site.build()
    (root / "curriculum.yaml").write_text("title: [unclosed\n")
    events, log = run(site, 1)
    assert [e for e, _ in events] == ["build-error"]
    assert "curriculum.yaml:" in str(events[0][1])
    assert "Traceback" not in log
