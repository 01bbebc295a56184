"""Rebuild on every change to the curriculum and tell open pages to reload."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from watchfiles import awatch

from continuous_function.server.app import Hub
from continuous_function.site.build import BuildResult


async def watch_and_rebuild(
    root: Path, rebuild: Callable[[], BuildResult], hub: Hub, log: Callable[[str], None]
) -> None:
    async for changes in awatch(root, debounce=30, step=10):
        started = time.perf_counter()
        changed = sorted({Path(p).name for _, p in changes})
        try:
            result = await asyncio.to_thread(rebuild)
        except Exception as exc:  # a programming error: keep serving the last good site
            hub.publish("build-error", {"message": f"build crashed: {exc!r}"})
            log(f"[red]build crashed[/]: {exc!r}")
            continue
        ms = (time.perf_counter() - started) * 1000
        errors = [d.format() for d in result.diagnostics if d.severity == "error"]
        if result.written:
            hub.publish("reload", {"rendered": result.rendered, "ms": round(ms)})
            log(
                f"rebuilt {', '.join(result.rendered) or 'nothing'} after {', '.join(changed)} "
                f"in {ms:.0f} ms" + (f" ({len(errors)} error(s) shown on pages)" if errors else "")
            )
        else:
            hub.publish("build-error", {"message": "\n".join(errors) or "build failed"})
            log(f"[red]build failed[/] ({len(errors)} error(s)); still serving the last good site")
