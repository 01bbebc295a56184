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

from continuous_function.build import BuildResult
from continuous_function.server.app import Hub


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
    changes: AsyncIterator[set[str]],
    rebuild: Callable[[], BuildResult],
    hub: Hub,
    log: Callable[[str], None],
) -> None:
    """Rebuild after each batch of changes. A content error is shown on its page; a programming
    error (an exception out of `rebuild`) is logged with its full traceback, reported to open
    pages, and the server keeps serving the last good site and keeps watching."""
    async for paths in changes:
        started = time.perf_counter()
        names = ", ".join(sorted({Path(p).name for p in paths}))
        try:
            result = await asyncio.to_thread(rebuild)
        except Exception as exc:
            hub.publish("build-error", {"message": f"build crashed: {exc!r} (see the terminal)"})
            log(f"build crashed after {names}; still serving the last good site\n")
            log(traceback.format_exc())
            continue
        ms = (time.perf_counter() - started) * 1000
        errors = [d.format() for d in result.diagnostics if d.severity == "error"]
        if result.written:
            hub.publish("update", {"changed": result.changed, "ms": round(ms)})
            log(
                f"rebuilt {', '.join(result.rendered) or 'nothing'} after {names} "
                f"in {ms:.0f} ms" + (f" ({len(errors)} error(s) shown on pages)" if errors else "")
            )
        else:
            hub.publish("build-error", {"message": "\n".join(errors) or "build failed"})
            log(f"build failed ({len(errors)} error(s)); still serving the last good site")
