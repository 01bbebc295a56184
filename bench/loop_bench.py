"""Measure the learner loop's JavaScript (DESIGN.md §6 budgets).

Prints: gzip bytes of each module the learner loop adds (store.js, loop.js, loop-*.js) and of
loop.css; then, on the Derivatives page in headless Chromium under the site's CSP (cold cache):
whether Chromium counted any loop script as render-blocking, first contentful paint, which of our
own scripts loaded up to the load event (gzip total, the ≤ 30 KiB budget), when the loop was
ready, and what loads later as the learner scrolls to the panels. Run:
    .venv/bin/python bench/loop_bench.py [--site DIR] [--runs 3]
Without --site the bundled curriculum is built into a temporary folder first.
"""

from __future__ import annotations

import argparse
import gzip
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright

from continuous_function.build import build
from continuous_function.chromium import ARGS, CHROMIUM
from continuous_function.server.app import Hub, create_app

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "continuous_function" / "static"
PAGE = "calculus/derivatives/"
PANELS = ("#inquiry", "#practice", "#research", "#learner-memory")

TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName("cfn:loop-ready")[0];
  const res = performance.getEntriesByType("resource")
    .filter((r) => new URL(r.name).pathname.startsWith("/static/js/"))
    .map((r) => ({ name: new URL(r.name).pathname, blocking: r.renderBlockingStatus,
                   beforeLoad: r.responseEnd <= nav.loadEventStart }));
  return { fcp: paint ? paint.startTime : null, load: nav.loadEventStart,
           ready: ready ? ready.startTime : null, res };
}"""


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def loop_files() -> list[Path]:
    js = STATIC / "js"
    return [js / "store.js", js / "loop.js", *sorted(js.glob("loop-*.js"))]


def js_gzip(names: set[str]) -> int:
    paths = (STATIC / n.removeprefix("/static/") for n in names)
    return sum(gz(p) for p in paths if p.exists())


@contextmanager
def serve(site: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(site, Hub(), dev=False), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def visit_panels(page: Page) -> None:
    for panel in PANELS:
        page.locator(panel).scroll_into_view_if_needed()
        page.wait_for_selector(f"{panel}[data-loop-ready]", state="attached")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    names = {f.name for f in loop_files()}

    print("Learner-loop files (gzip -9 bytes):")
    for path in loop_files():
        print(f"  {path.name:<20} {path.stat().st_size:>6} raw  {gz(path):>5} gzip")
    total = sum(gz(p) for p in loop_files())
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
            fcps, loads, readies = [], [], []
            blocking: set[str] = set()
            before: set[str] = set()
            after: set[str] = set()
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                page = context.new_page()
                page.goto(base + PAGE, wait_until="load")
                page.wait_for_selector("html[data-loop='ready']", state="attached")
                t = page.evaluate(TIMINGS)
                fcps.append(t["fcp"])
                loads.append(t["load"])
                readies.append(t["ready"])
                blocking |= {r["name"] for r in t["res"] if r["blocking"] == "blocking"}
                before |= {r["name"] for r in t["res"] if r["beforeLoad"]}
                visit_panels(page)
                after |= {r["name"] for r in page.evaluate(TIMINGS)["res"]}
                context.close()
            browser.close()
    later = after - before
    print(f"\nOn {PAGE} ({args.runs} cold loads, median):")
    print(
        f"  render-blocking loop scripts: "
        f"{sorted(n for n in blocking if n.rsplit('/', 1)[1] in names) or 'none'}"
    )
    print(
        f"  first contentful paint {statistics.median(fcps):.0f} ms, load event "
        f"{statistics.median(loads):.0f} ms, learner loop ready "
        f"{statistics.median(readies):.0f} ms (after load, when idle)"
    )
    mine = {n for n in before if n.rsplit("/", 1)[1] in names}
    print(
        f"  our JS up to load: {len(before)} files, {js_gzip(before) / 1024:.1f} KiB gzip "
        f"(of the 30 KiB budget); the loop's share: {js_gzip(mine)} B "
        f"({', '.join(sorted(n.rsplit('/', 1)[1] for n in mine)) or 'none'})"
    )
    later_names = ", ".join(sorted(n.rsplit("/", 1)[1] for n in later))
    print(
        f"  loaded later, as the panels come near: {len(later)} files, "
        f"{js_gzip(later) / 1024:.1f} KiB gzip ({later_names})"
    )
    print(f"  everything, after visiting every panel: {js_gzip(after) / 1024:.1f} KiB gzip")


if __name__ == "__main__":
    main()
