"""The dev server's site in memory: the loaded curriculum and the build cache, kept between saves.

After a save, `reload` loads the curriculum again (the `BuildCache` makes that cheap: only what
changed is parsed, run or rendered again), and from then on a page is rendered when a browser
asks for it (`page`), from memory. `write_rest` renders the rest of the site in the background
and writes it to `out`, so the folder on disk catches up and every link works; until it has,
pages come from memory.

Each load is a `Generation`. A newer save supersedes an older one: its pages are served from
then on, and the older background write stops at its next page and never writes.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path

from continuous_function.build import BuildOptions, LoadedSite, load_site
from continuous_function.cache import BuildCache
from continuous_function.diagnostics import Diagnostic, sort_key
from continuous_function.site.write import sync_site

QUIET_S = 0.3
"""How long the curriculum must be left alone before the whole site is written again (the
writing competes with rendering the next save for the CPU)."""


@dataclass
class Generation:
    """One loaded state of the curriculum and the files rendered from it so far."""

    loaded: LoadedSite
    rendered: dict[str, bytes] = field(default_factory=dict)
    found: dict[str, list[Diagnostic]] = field(default_factory=dict)
    """Problems rendering found, by page path."""
    found_elsewhere: list[Diagnostic] = field(default_factory=list)
    """Problems rendering the rest of the site found (math in YAML on the finding pages)."""
    rendering: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    """Renders asked for from the event loop (by a request, or ahead of one), by page path."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """One render of this state at a time (a request's and the background write's threads
    share its renderer)."""

    def start(self, path: str) -> asyncio.Task[None]:
        """Render `path` off the event loop, once however many ask at the same time."""
        if path not in self.rendering:
            self.rendering[path] = asyncio.create_task(asyncio.to_thread(self.render, path))
        return self.rendering[path]

    def render(self, path: str) -> None:
        """Render the page at URL path `path` (see `LoadedSite.render_page`) unless done."""
        with self.lock:
            if path not in self.found and (page := self.loaded.render_page(path)) is not None:
                self.rendered |= page[0]
                self.found[path] = page[1]

    def render_rest(self) -> dict[str, bytes]:
        """Every file of the site: the pages rendered so far and the rest (see `render_rest`)."""
        with self.lock:
            files, self.found_elsewhere = self.loaded.render_rest()
            return files | self.rendered

    def problems(self) -> list[Diagnostic]:
        found = [d for diags in self.found.values() for d in diags] + self.found_elsewhere
        return sorted(set(self.loaded.diagnostics + found), key=sort_key)


def page_path(site_file: str) -> str:
    """The URL path of the page that writes `site_file` ("calculus/derivatives/page.css" →
    "calculus/derivatives/")."""
    if site_file == "404.html":
        return site_file
    return site_file.removesuffix("page.css").removesuffix("index.html")


class LiveSite:
    """`cfn serve`'s site: the current `Generation`, and `out` kept in step with it."""

    def __init__(
        self,
        root: Path,
        out: Path,
        cache: BuildCache,
        options: BuildOptions,
        *,
        quiet: float = QUIET_S,
    ) -> None:
        self.root, self.out, self.cache, self.options = root, out, cache, options
        self.quiet = quiet
        self.current: Generation | None = None
        self.stale = False
        """Whether `out` is behind `current` (its pages are then served from memory)."""
        self._lock = threading.Lock()  # `current`, `stale` and the files in `out` change together

    def _load(self) -> list[Diagnostic] | None:
        loaded, problems = load_site(self.root, self.cache, self.options)
        if loaded is None:
            return problems  # the curriculum cannot load at all: keep serving the last one
        with self._lock:
            self.current, self.stale = Generation(loaded), True
        return None

    def _write(self, generation: Generation) -> tuple[list[str], list[Diagnostic]] | None:
        for path in generation.loaded.page_paths():
            if generation is not self.current:
                return None
            generation.render(path)
        files = generation.render_rest()
        with self._lock:
            if generation is not self.current:
                return None
            changed = sync_site(self.out, files)
            self.stale = False
        return changed, generation.problems()

    def build(self) -> tuple[list[str], list[Diagnostic]]:
        """Load and write everything now (the first build, before serving): the files written
        and every problem; `current` stays None when the curriculum cannot load."""
        problems = self._load()
        if problems is not None or self.current is None:
            return [], problems or []
        return self._write(self.current) or ([], [])

    async def reload(self) -> list[Diagnostic] | None:
        """Load the curriculum again; the problems if it cannot load at all, else None."""
        return await asyncio.to_thread(self._load)

    async def page(self, site_file: str) -> bytes | None:
        """Site file `site_file` (a page's index.html or page.css, "404.html") rendered from
        memory while `out` is behind, or None: serve it from `out`."""
        generation = self.current
        if not self.stale or generation is None:
            return None
        if site_file not in generation.rendered:
            await asyncio.shield(generation.start(page_path(site_file)))
        return generation.rendered.get(site_file)

    def render_ahead(self, site_files: set[str]) -> None:
        """Start rendering these pages now (the open ones), before their browsers ask."""
        if self.current is not None:
            for site_file in site_files:
                self.current.start(page_path(site_file))

    def write_rest(self) -> Coroutine[None, None, tuple[list[str], list[Diagnostic]] | None]:
        """Once the open pages are rendered and no save came for `quiet` seconds, render every
        page not rendered yet and write the whole site: the files that changed on disk and every
        problem, or None if a newer save superseded the state loaded when this was called."""
        return self._write_rest(self.current)

    async def _write_rest(
        self, generation: Generation | None
    ) -> tuple[list[str], list[Diagnostic]] | None:
        if generation is None:
            return None
        await asyncio.gather(*generation.rendering.values())  # the open pages come first
        await asyncio.sleep(self.quiet)  # a debounce: saves in a burst do not each write the site
        if generation is not self.current:
            return None
        return await asyncio.to_thread(self._write, generation)
