"""A standalone preview page for one demo, served with the site's strict CSP.

Authors use it to try a demo without building the site; the browser tests and the benchmark use
it as their page. The page is what the site's concept page will hold around a demo: the demo
section, its storyboard, demo.css and demo.js, nothing inline.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

from continuous_function.demo.assets import demo_url, write_demo_assets
from continuous_function.demo.loader import load_demo
from continuous_function.demo.render import render_demo_html, render_storyboard_html

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
)
"""The Content-Security-Policy the site is served with (DESIGN.md §6)."""

PREVIEW_CSS = """:root { --fg: #16181d; --bg: #ffffff; --muted: #5b6270; --accent: #1a5fb4;
  --accent-2: #b5400a; --border: #d5d9e0; --surface: #f7f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaee; --bg: #14161a; --muted: #a3aab6;
  --accent: #7cb3ff; --accent-2: #ffa36b; --border: #3a404b; --surface: #1b1e24; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
"""


def write_preview(
    out_dir: Path,
    demo_path: Path,
    *,
    thread: Literal["worker", "main"] = "worker",
    storyboard: list[tuple[dict[str, Any], str]] | None = None,
) -> Path:
    """Write `out_dir/index.html` plus assets for the demo at `demo_path`; return the page.

    `thread="main"` runs MicroPython on the main thread instead of a worker (for measuring)."""
    demo = load_demo(demo_path)
    write_demo_assets(out_dir, {demo.key: demo_path})
    (out_dir / "static" / "css" / "preview.css").write_text(PREVIEW_CSS, encoding="utf-8")
    section = render_demo_html(demo, src_url=demo_url(demo.key), thread=thread)
    frames = render_storyboard_html(demo, storyboard) if storyboard else ""
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(demo.title)} — demo preview</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="/static/css/preview.css">'
        '<link rel="stylesheet" href="/static/css/demo.css">'
        '<script type="module" src="/static/js/demo.js"></script>'
        f"</head><body><main><h1>{escape(demo.title)}</h1><h2>Interactive Demo</h2>{section}"
        + (f"<h2>Mechanism storyboard</h2>{frames}" if frames else "")
        + "</main></body></html>"
    )
    index = out_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


class _Handler(SimpleHTTPRequestHandler):
    """Static files with the site's CSP and no request logging on stderr."""

    extensions_map = {  # noqa: RUF012 - the base class's attribute, extended
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".py": "text/plain; charset=utf-8",
    }

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `root` on a free loopback port for the duration of the block; yields the base URL."""
    handler = functools.partial(_Handler, directory=str(root))
    server = ThreadingHTTPServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
