"""Watch the curriculum, rebuild on every change and tell open pages what changed.

The watch is set up when `FileWatcher` is constructed, not when it is first iterated: `cfn serve`
starts it before the first build, so no save is lost while the server starts, and a test can edit
a file as soon as the constructor returns instead of sleeping "to let the watcher start".
"""

from __future__ import annotations

import asyncio
import threading
import time
import traceback
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import TracebackType

from watchfiles import Change, DefaultFilter

# watchfiles' own `awatch` builds this object lazily on first iteration; using it directly is
# what makes "the watch is live" an event we can name (documented in its _rust_notify.pyi).
from watchfiles._rust_notify import RustNotify

from continuous_function.diagnostics import Severity
from continuous_function.server.app import Hub
from continuous_function.server.live import LiveSite


class FileWatcher:
    """Changed paths under `root`, in batches (saves within `debounce_ms` form one batch)."""

    def __init__(self, root: Path, *, debounce_ms: int = 30, step_ms: int = 10) -> None:
        self._notify = RustNotify([str(root)], False, False, 300, True, False)
        self._stop = threading.Event()
        self._filter = DefaultFilter()
        self._debounce, self._step = debounce_ms, step_ms

    async def changes(self) -> AsyncIterator[set[str]]:
        while not self._stop.is_set():
            try:
                raw = await asyncio.to_thread(
                    self._notify.watch, self._debounce, self._step, 5_000, self._stop
                )
            except asyncio.CancelledError:
                self._stop.set()  # lets the watching thread return within one step
                raise
            if isinstance(raw, str):  # "timeout", "stop" or "signal"
                continue
            paths = {path for kind, path in raw if self._filter(Change(kind), path)}
            if paths:
                yield paths

    def close(self) -> None:
        self._stop.set()
        self._notify.close()

    def __enter__(self) -> FileWatcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


async def watch_and_rebuild(
    changes: AsyncIterator[set[str]], site: LiveSite, hub: Hub, log: Callable[[str], None]
) -> None:
    """After each batch of changes: load the curriculum again, tell open pages to fetch
    themselves (rendered on request), then write the rest of the site in the background and
    tell them which files changed. A content error is shown on its page; a programming error is
    logged with its full traceback, reported to open pages, and serving and watching go on."""
    writing: set[asyncio.Task[None]] = set()
    async for paths in changes:
        started = time.perf_counter()
        names = ", ".join(sorted({Path(p).name for p in paths}))
        try:
            problems = await site.reload()
        except Exception as exc:
            _crashed(exc, names, hub, log)
            continue
        if problems is not None:
            errors = [d.format() for d in problems if d.severity is Severity.error]
            hub.publish("build-error", {"message": "\n".join(errors) or "build failed"})
            log(f"build failed ({len(errors)} error(s)); still serving the last good site")
            continue
        site.render_ahead(hub.open_pages())
        hub.publish("update", {"changed": None})
        task = asyncio.create_task(_write(site, hub, log, names, started))
        writing.add(task)
        task.add_done_callback(writing.discard)
    await asyncio.gather(*writing)  # the watch ended (only a test's does): finish writing


async def _write(
    site: LiveSite, hub: Hub, log: Callable[[str], None], names: str, started: float
) -> None:
    loaded = (time.perf_counter() - started) * 1000
    try:
        written = await site.write_rest()
    except Exception as exc:
        _crashed(exc, names, hub, log)
        return
    if written is None:
        return  # a newer save took over
    changed, problems = written
    hub.publish("update", {"changed": changed})
    errors = sum(d.severity is Severity.error for d in problems)
    log(
        f"reloaded after {names} in {loaded:.0f} ms (pages render on request); wrote "
        f"{len(changed)} changed file(s) in {(time.perf_counter() - started) * 1000:.0f} ms"
        + (f" ({errors} error(s) shown on pages)" if errors else "")
    )


def _crashed(exc: Exception, names: str, hub: Hub, log: Callable[[str], None]) -> None:
    hub.publish("build-error", {"message": f"build crashed: {exc!r} (see the terminal)"})
    log(f"build crashed after {names}; still serving the last good site\n")
    log("".join(traceback.format_exception(exc)))
