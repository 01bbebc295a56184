"""Measure the Derivatives demo in headless Chromium (DESIGN.md §6 budgets).

Prints: gzip bytes of the demo runtime; time until interactive (cold, no cache); main-thread long
tasks during start-up; per-input time in Python and per update; input -> next frame over 100
slider moves. Both engine placements are measured: a Web Worker (the default) and the main
thread. Run:  .venv/bin/python bench/demo_bench.py [--runs 5] [--moves 100]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import expect, sync_playwright

from continuous_function.chromium import ARGS, CHROMIUM
from continuous_function.demo.preview import serve, write_preview

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "curriculum" / "calculus" / "derivatives" / "demo.py"
OWN_JS = ("js/demo.js", "js/demo-engine.js", "js/demo-worker.js")
RUNTIME = (
    "vendor/micropython/micropython.mjs",
    "vendor/micropython/micropython.wasm",
    "demos/cfdemo.py",
    "demos/calculus/derivatives/demo.py",
)

OBSERVE = """
window.cfnLongTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.cfnLongTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""

START = """() => {
  const ready = performance.getEntriesByName("cfn:demo-ready")[0].startTime;
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return { ready, load: nav.loadEventEnd, fcp: paint ? paint.startTime : 0,
           longTasks: window.cfnLongTasks.filter(([start]) => start <= ready + 50) };
}"""

MOVES = """async (moves) => {
  const input = document.querySelector("#demo-c-x");
  const root = document.querySelector("section.demo");
  const frames = [];
  performance.clearMeasures("cfn:demo-update");
  for (let i = 0; i < moves; i++) {
    const t0 = performance.now();
    const updated = new Promise((resolve) =>
      root.addEventListener("cfn:demo-state", resolve, { once: true }));
    input.value = String(-2.5 + (5 * i) / moves);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await updated;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frames.push(performance.now() - t0);
  }
  const updates = performance.getEntriesByName("cfn:demo-update");
  return { frames, update: updates.map((m) => m.duration),
           python: updates.map((m) => m.detail.python) };
}"""


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"median {statistics.median(ordered):6.2f} ms  p95 {p95:6.2f} ms  max {ordered[-1]:6.2f} ms"
    )


def measure(browser: Any, url: str, runs: int, moves: int) -> None:
    starts = []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(OBSERVE)
        page = context.new_page()
        page.goto(url)
        expect(page.locator("section.demo")).to_have_attribute(
            "data-demo-status", "ready", timeout=30_000
        )
        page.wait_for_timeout(300)
        starts.append(page.evaluate(START))
        if len(starts) == runs:
            result = page.evaluate(MOVES, moves)
        context.close()
    ready = [s["ready"] for s in starts]
    after_load = [s["ready"] - s["load"] for s in starts]
    tasks = [len(s["longTasks"]) for s in starts]
    task_ms = [sum(d for _, d in s["longTasks"]) for s in starts]
    fcp = statistics.median(s["fcp"] for s in starts)
    print(f"  first contentful paint     median {fcp:6.1f} ms")
    print(
        f"  interactive (from nav)     median {statistics.median(ready):6.1f} ms  "
        f"(runs: {', '.join(f'{r:.0f}' for r in ready)})"
    )
    print(f"  interactive after load     median {statistics.median(after_load):6.1f} ms")
    print(f"  long tasks until ready     {tasks} per run, total ms {[round(t) for t in task_ms]}")
    print(f"  python per input           {summary(result['python'])}")
    print(f"  update round trip          {summary(result['update'])}")
    print(f"  input -> next frame        {summary(result['frames'])}  ({moves} slider moves)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold page loads per mode")
    parser.add_argument("--moves", type=int, default=100, help="slider moves measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        write_preview(site, DEMO)
        write_preview(site / "main", DEMO, thread="main")
        static = site / "static"
        own = sum(gzip_size(static / name) for name in OWN_JS)
        print("Demo runtime bytes (gzip -9):")
        for name in OWN_JS + RUNTIME:
            print(f"  {name:42s} {gzip_size(static / name):8,d}")
        runtime = sum(gzip_size(static / name) for name in RUNTIME)
        print(f"  our JS total {own:,d} B; loaded after first paint in all {own + runtime:,d} B")
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for label, url in (("worker", base + "/"), ("main thread", base + "/main/")):
                print(f"Engine in {label}:")
                measure(browser, url, args.runs, args.moves)
            browser.close()


if __name__ == "__main__":
    main()
