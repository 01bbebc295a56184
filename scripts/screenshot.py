"""Screenshot a page in headless Chromium: `python scripts/screenshot.py URL OUT.png`.

Options: --width 1366|390, --dark, --full. Used to look at pages as a learner would.
"""

from __future__ import annotations

import argparse

from playwright.sync_api import sync_playwright

from continuous_function.chromium import ARGS, CHROMIUM


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--selector")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height},
            color_scheme="dark" if args.dark else "light",
        )
        page.goto(args.url, wait_until="load")
        page.wait_for_timeout(300)
        if args.selector:
            page.locator(args.selector).first.screenshot(path=args.out)
        else:
            page.screenshot(path=args.out, full_page=args.full)
        browser.close()


if __name__ == "__main__":
    main()
