"""Edit → reload: how long after saving page.md the open page shows the edit, under `cfn serve`.

    .venv/bin/python bench/reload_bench.py [--edits 10]

Starts the real `cfn serve` on a private copy of the curriculum, opens the Derivatives page in
headless Chromium, then appends a marker to page.md and times until the reloaded page's load
event (and checks the page shows the marker).
Prints each edit's time and the median. The budget (DESIGN.md §6) is 150 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from continuous_function.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
PORT = 8931


def wait_for_server(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server at {url} did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=10)
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
            wait_for_server(url)
            page_md = root / "calculus" / "derivatives" / "page.md"
            original = page_md.read_text()
            times = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page()
                page.goto(url, wait_until="load")
                time.sleep(1.0)
                for i in range(args.edits):
                    marker = f"Reload marker {i} for the bench."
                    with page.expect_event("load", timeout=30_000):  # the reloaded page
                        start = time.perf_counter()
                        page_md.write_text(original + f"\n{marker}\n")
                    times.append((time.perf_counter() - start) * 1000)
                    assert marker in page.content(), "the reloaded page lacks the edit"
                    print(f"edit {i + 1:2d}: {times[-1]:6.0f} ms")
                    time.sleep(0.3)
                browser.close()
            print(
                f"edit → reloaded page: median {statistics.median(times):.0f} ms, "
                f"min {min(times):.0f} ms, max {max(times):.0f} ms over {len(times)} edits"
            )
        finally:
            server.terminate()
            _, err = server.communicate(timeout=10)
            rebuilds = [line for line in err.decode().splitlines() if "rebuilt" in line]
            print("server log:", *rebuilds[-3:], sep="\n  ")


if __name__ == "__main__":
    main()
