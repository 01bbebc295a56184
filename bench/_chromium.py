"""Shared by the bench scripts: Debian's Chromium with the flags this machine needs."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CFN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
