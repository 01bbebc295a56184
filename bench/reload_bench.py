"""Save → updated page: how long after saving page.md the open page shows it, under `cfn serve`.

    .venv/bin/python bench/reload_bench.py [--edits 20]

Starts the real `cfn serve` on a private copy of the whole bundled curriculum, opens the
Derivatives page in headless Chromium, waits for its update stream to say `ready`, then appends
a marker to page.md and times until the open page, updated in place, shows it: the page notes
the wall-clock time of the first update whose `<main>` holds the marker (page and bench share
the machine's clock), so the test driver's polling is not counted. It checks the page did not
reload. Prints each edit's time, then the min and the median. The budget (DESIGN.md §6) is
150 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from continuous_function.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
PORT = 8931
SEEN = """() => {
  window.cfnSamePage = true;
  document.addEventListener("cfn:updated", () => {
    const main = document.getElementById("main").textContent;
    if (!window.cfnSeenAt && main.includes(window.cfnMarker)) window.cfnSeenAt = Date.now();
  });
}"""


def wait_until_serving(server: subprocess.Popen[bytes]) -> None:
    """`cfn serve` says "serving" on stderr once the first build is written and it listens."""
    assert server.stderr is not None
    for line in server.stderr:
        if b"serving" in line:
            return
    raise SystemExit("cfn serve exited before serving")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "curriculum"
        shutil.copytree(ROOT / "curriculum", root)
        server = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/cfn"),
                "serve",
                str(root),
                "--out",
                f"{tmp}/site",
                "--port",
                str(PORT),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            url = f"http://127.0.0.1:{PORT}/calculus/derivatives/"
            wait_until_serving(server)
            page_md = root / "calculus" / "derivatives" / "page.md"
            original = page_md.read_text()
            times = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page()
                page.goto(url, wait_until="load")
                page.locator("html[data-cfn-live=ready]").wait_for(state="attached")
                page.evaluate(SEEN)
                for i in range(args.edits):
                    marker = f"Reload marker {i} for the bench."
                    page.evaluate("(m) => { window.cfnMarker = m; window.cfnSeenAt = 0; }", marker)
                    start = time.time()
                    page_md.write_text(original + f"\n{marker}\n")
                    page.get_by_text(marker).wait_for(state="attached", timeout=30_000)
                    times.append(page.evaluate("() => window.cfnSeenAt") - start * 1000)
                    assert page.evaluate("() => window.cfnSamePage"), "the page reloaded"
                    print(f"edit {i + 1:2d}: {times[-1]:6.0f} ms")
                browser.close()
            print(
                f"save → updated page: median {statistics.median(times):.0f} ms, "
                f"min {min(times):.0f} ms, max {max(times):.0f} ms over {len(times)} edits"
            )
        finally:
            server.terminate()
            _, err = server.communicate(timeout=10)
            rebuilds = [line for line in err.decode().splitlines() if "reloaded" in line]
            print("server log:", *rebuilds[-3:], sep="\n  ")


if __name__ == "__main__":
    main()
