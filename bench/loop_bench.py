"""Measure the learner loop's JavaScript (DESIGN.md §6 budgets).

Prints: gzip bytes of each module the learner loop adds (store.js, loop.js, loop-*.js) and of
loop.css; then, on the Derivatives page in headless Chromium under the site's CSP (cold cache),
which of them loaded, whether Chromium counted any as render-blocking, when first contentful
paint happened and when the loop was ready, and the gzip total of all our own JavaScript the page
loaded (the ≤ 30 KiB budget). Run:
    .venv/bin/python bench/loop_bench.py [--site DIR] [--runs 3]
Without --site the bundled curriculum is built into a temporary folder first.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from _chromium import ARGS, CHROMIUM
from continuous_function.server.app import Hub, create_app
from continuous_function.site.build import build

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "continuous_function" / "static"
PAGE = "calculus/derivatives/"

TIMINGS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName("cfn:loop-ready")[0];
  const res = performance.getEntriesByType("resource")
    .filter((r) => r.name.includes("/static/"))
    .map((r) => ({ name: new URL(r.name).pathname, blocking: r.renderBlockingStatus,
                   end: r.responseEnd, size: r.encodedBodySize }));
  return { fcp: paint ? paint.startTime : null, ready: ready ? ready.startTime : null, res };
}"""


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def loop_files() -> list[Path]:
    js = STATIC / "js"
    return [js / "store.js", js / "loop.js", *sorted(js.glob("loop-*.js"))]


@contextmanager
def serve(site: Path) -> Iterator[str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(site, Hub(), dev=False), host="127.0.0.1",
                                          port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    print("Learner-loop files (gzip -9 bytes):")
    total = 0
    for path in loop_files():
        total += gz(path)
        print(f"  {path.name:<20} {path.stat().st_size:>6} raw  {gz(path):>5} gzip")
    print(f"  {'total JS':<20} {'':>10} {total:>5} gzip  ({total / 1024:.1f} KiB)")
    css = STATIC / "css" / "loop.css"
    print(f"  {'loop.css':<20} {css.stat().st_size:>6} raw  {gz(css):>5} gzip")

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(ROOT / "curriculum", site)
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            fcps, readies, blocking, loaded = [], [], set(), {}
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                page = context.new_page()
                page.goto(base + PAGE, wait_until="load")
                page.wait_for_selector("html[data-loop='ready']", state="attached")
                t = page.evaluate(TIMINGS)
                fcps.append(t["fcp"])
                readies.append(t["ready"])
                for r in t["res"]:
                    if r["blocking"] == "blocking" and r["name"].endswith(".js"):
                        blocking.add(r["name"])
                    loaded[r["name"]] = r
                context.close()
            browser.close()
        own = sorted(n for n in loaded if n.startswith("/static/js/") and n.endswith(".js"))
        ours = [n for n in own if Path(n).name in {f.name for f in loop_files()}]
        print(f"\nOn {PAGE} ({args.runs} cold loads):")
        print(f"  loop modules loaded: {', '.join(Path(n).name for n in ours)}")
        loop_blocking = sorted(n for n in blocking if Path(n).name in {f.name for f in loop_files()})
        print(f"  render-blocking loop scripts: {loop_blocking or 'none'}"
              f" (all page JS counted blocking: {sorted(blocking) or 'none'})")
        print(f"  first contentful paint: median {statistics.median(fcps):.0f} ms")
        print(f"  learner loop ready:     median {statistics.median(readies):.0f} ms"
              " (after first paint: modules are deferred)")
        own_gz = sum(gz(STATIC / n.removeprefix("/static/")) for n in own
                     if (STATIC / n.removeprefix("/static/")).exists())
        print(f"  all our own JS the page loaded: {len(own)} files, {own_gz} gzip bytes"
              f" ({own_gz / 1024:.1f} KiB of the 30 KiB budget)")


if __name__ == "__main__":
    main()
