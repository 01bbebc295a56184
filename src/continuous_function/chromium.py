"""How tests, benches and screenshots launch Debian's Chromium (never a Playwright download).

The flags keep headless Chromium from reaching for Google's services, which a closed network
refuses many times a second. `CFN_CHROMIUM` points at another binary (e.g. on a laptop).
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CFN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
