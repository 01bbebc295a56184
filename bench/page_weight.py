"""Page weight of a concept page in headless Chromium (DESIGN.md §6 budgets).

    .venv/bin/python bench/page_weight.py [calculus/derivatives]

Builds the bundled atlas, serves it with the project's server (gzip on, as a static host
would), loads the page and prints: bytes transferred up to the load event, by type; gzip bytes
of our own JavaScript loaded up to load; bytes of the demo runtime fetched after first paint;
main-thread long tasks during load; whether any animation runs while idle.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright
from starlette.middleware.gzip import GZipMiddleware

from continuous_function.build import build
from continuous_function.chromium import ARGS, CHROMIUM
from continuous_function.server.app import Hub, create_app

ROOT = Path(__file__).resolve().parents[1]
PORT = 8932


def main() -> None:
    concept = sys.argv[1] if len(sys.argv) > 1 else "calculus/derivatives"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        assert build(ROOT / "curriculum", out).written
        app = GZipMiddleware(create_app(out, Hub(), dev=False), minimum_size=500)
        server = uvicorn.Server(uvicorn.Config(app, port=PORT, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        measure(f"http://127.0.0.1:{PORT}/{concept}/", out)
        server.should_exit = True


def measure(url: str, site: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, int] = {}
        kinds: dict[str, str] = {}
        urls: dict[str, str] = {}
        loaded_at: dict[str, float] = {}
        cdp.on(
            "Network.responseReceived",
            lambda e: (
                kinds.__setitem__(e["requestId"], e["type"]),
                urls.__setitem__(e["requestId"], e["response"]["url"]),
            ),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: (
                sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
                loaded_at.__setitem__(e["requestId"], time.perf_counter()),
            ),
        )
        page.add_init_script("""
            window.__longTasks = [];
            new PerformanceObserver((l) => l.getEntries().forEach(
                (e) => window.__longTasks.push(e.duration))
            ).observe({type: "longtask", buffered: true});
        """)
        page.goto(url, wait_until="load")
        load_time = time.perf_counter()
        at_load = {rid: n for rid, n in sizes.items() if loaded_at[rid] <= load_time}
        page.wait_for_timeout(3000)
        by_kind: dict[str, int] = defaultdict(int)
        for rid, n in at_load.items():
            by_kind[kinds.get(rid, "?")] += n
        total = sum(at_load.values())
        print(f"page: {url}")
        print(
            f"transferred up to load: {total / 1024:.1f} KiB "
            f"({', '.join(f'{k} {v / 1024:.1f}' for k, v in sorted(by_kind.items()))})"
        )
        ours = [u for rid, u in urls.items() if rid in at_load and "/static/js/" in u]
        js_gzip = sum(
            len(gzip.compress((site / u.split(f":{PORT}/", 1)[1].split("?")[0]).read_bytes()))
            for u in ours
        )
        print(f"our JavaScript up to load: {len(ours)} file(s), {js_gzip / 1024:.1f} KiB gzip")
        after = {rid: n for rid, n in sizes.items() if rid not in at_load}
        print(
            f"fetched after load (demo runtime, lazily): {sum(after.values()) / 1024:.1f} KiB "
            f"in {len(after)} request(s)"
        )
        long_tasks = page.evaluate("window.__longTasks")
        print(
            f"main-thread long tasks during load: {len(long_tasks)} "
            f"({', '.join(f'{t:.0f} ms' for t in long_tasks) or 'none'})"
        )
        animations = page.evaluate("document.getAnimations().length")
        print(f"animations running while idle: {animations}")
        browser.close()


if __name__ == "__main__":
    main()
