"""The dev server's in-memory site: after a save the open page is rendered on request, equal to
what the whole-site write then puts on disk; a newer save supersedes an older one; a curriculum
that cannot load leaves the last good site in place."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from continuous_function.build import BuildOptions
from continuous_function.cache import BuildCache
from continuous_function.server.live import LiveSite

from .aio import run_async

CASE = Path(__file__).resolve().parents[1] / "site_cases" / "small" / "curriculum"
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "witness"
PAGE = "calculus/derivatives/index.html"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[LiveSite]:
    shutil.copytree(CASE, tmp_path / "curriculum")
    with BuildCache(CACHE) as cache:
        live = LiveSite(
            tmp_path / "curriculum", tmp_path / "site", cache, BuildOptions(dev=True), quiet=0
        )
        written, _ = live.build()
        assert PAGE in written
        yield live


def edit(site: LiveSite, old: str, new: str) -> None:
    page_md = site.root / "calculus/derivatives/page.md"
    text = page_md.read_text()
    assert old in text
    page_md.write_text(text.replace(old, new, 1))


def test_a_saved_page_is_rendered_on_request_as_the_site_write_then_writes_it(
    site: LiveSite,
) -> None:
    async def go() -> tuple[bytes | None, bytes | None]:
        assert await site.page(PAGE) is None  # nothing changed: served from disk
        edit(site, "## Intuition\n", "## Intuition\n\nFreshly edited.\n")
        assert await site.reload() is None
        served = await site.page(PAGE)
        assert b"Freshly edited." not in (site.out / PAGE).read_bytes()  # disk not yet
        written = await site.write_rest()
        assert written is not None and PAGE in written[0]
        return served, await site.page(PAGE)

    served, after = run_async(go())
    assert served is not None and b"Freshly edited." in served
    assert (site.out / PAGE).read_bytes() == served  # on request equals the whole-site write
    assert after is None  # disk caught up: served from there again


def test_a_content_error_shows_on_the_page_rendered_on_request(site: LiveSite) -> None:
    edit(site, "## Intuition\n", "## Intuition\n\nBroken $\\fracc{1}{2}$ math.\n")

    async def go() -> bytes | None:
        assert await site.reload() is None
        return await site.page(PAGE)

    served = run_async(go())
    assert served is not None and b"This page has content errors" in served
    assert b"P004" in served and b"page.md:" in served


def test_a_newer_save_supersedes_an_older_write(site: LiveSite) -> None:
    async def go() -> None:
        edit(site, "## Intuition\n", "## Intuition\n\nFirst save.\n")
        assert await site.reload() is None
        first = site.write_rest()  # the write of the first save, not started yet
        edit(site, "First save.", "Second save.")
        assert await site.reload() is None
        assert await first is None  # it never writes the first save's site
        assert await site.write_rest() is not None

    run_async(go())
    assert b"Second save." in (site.out / PAGE).read_bytes()


def test_a_curriculum_that_cannot_load_keeps_the_last_good_site(site: LiveSite) -> None:
    before = site.current
    (site.root / "curriculum.yaml").write_text("title: [unclosed\n")

    async def go() -> None:
        problems = await site.reload()
        assert problems and any("curriculum.yaml" in d.format() for d in problems)
        assert await site.page(PAGE) is None  # still the last good site, from disk

    run_async(go())
    assert site.current is before
