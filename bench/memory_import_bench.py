"""Time an import of a large learning-memory file (issue 13, item 8) in headless Chromium.

Prints, for a file of --records small records (default 40,000, about 4.5 MB) imported on the
Derivatives page: the file size, how long the import took from choosing the file to the
summary, how many progress updates the bar showed, the longest stretch the event loop was
blocked (the largest gap between two turns of a MessageChannel probe) and the summary line.
Run (numbers measured on a shared machine are under load; say so beside them):
    .venv/bin/python bench/memory_import_bench.py [--site DIR] [--records 40000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from loop_bench import ROOT, serve, visit_panels  # bench/ is on sys.path when this script runs
from playwright.sync_api import sync_playwright

from continuous_function.build import build
from continuous_function.chromium import ARGS, CHROMIUM

PROBE = """() => {
  const probe = (window.__probe = { last: performance.now(), gap: 0, updates: 0, running: true });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    probe.gap = Math.max(probe.gap, now - probe.last);
    probe.last = now;
    if (probe.running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  const bar = document.querySelector("[data-import-progress] progress");
  new MutationObserver(() => (probe.updates += 1)).observe(bar, { attributeFilter: ["value"] });
}"""


def memory_file(path: Path, n: int) -> Path:
    kinds = ["practice", "research", "demo", "inquiry"]
    records = [
        {
            "kind": kinds[i % 4],
            "key": f"concept:d{i % 97}/c{i}#r",
            "schema": 1,
            "updatedAt": 1764203210123 + i,
            "value": {"answer": "a"},
        }
        for i in range(n)
    ]
    data = {"format": "continuous-function-learner-memory", "schema": 1, "records": records}
    path.write_text(json.dumps(data, separators=(",", ":")))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--records", type=int, default=40_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(ROOT / "curriculum", site)
        file = memory_file(Path(tmp) / "memory.json", args.records)
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(base + "calculus/derivatives/")
            page.wait_for_selector("html[data-loop='ready']", state="attached")
            visit_panels(page)
            page.evaluate(PROBE)
            start = time.perf_counter()
            page.locator("[data-import-file]").set_input_files(file)
            status = page.locator("[data-memory-status] p").first
            status.filter(has_text="Imported").wait_for(timeout=600_000)
            seconds = time.perf_counter() - start
            probe = page.evaluate(
                "() => { window.__probe.running = false; return window.__probe; }"
            )
            print(f"file: {args.records:,} records, {file.stat().st_size / 1e6:.2f} MB")
            print(f"import: {seconds:.2f} s to the summary, {probe['updates']} progress updates")
            print(f"longest event-loop block: {probe['gap']:.0f} ms")
            print(f"summary: {status.inner_text()}")
            browser.close()


if __name__ == "__main__":
    main()
