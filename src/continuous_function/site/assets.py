"""Static assets: our CSS/JS, KaTeX's stylesheet and fonts, the favicon, security headers."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
STATIC = PACKAGE / "static"

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
"""The Content-Security-Policy every page works under (no inline script or style)."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}

FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="7" fill="#1d4ed8"/>'
    '<path d="M5 23 C 11 23, 12 9, 16 9 S 21 23, 27 23" fill="none" stroke="#fff" '
    'stroke-width="3" stroke-linecap="round"/></svg>\n'
)


def node_modules() -> Path:
    """The project's node_modules (override with CFN_NODE_MODULES)."""
    if env := os.environ.get("CFN_NODE_MODULES"):
        return Path(env)
    for parent in PACKAGE.parents:
        if (parent / "node_modules").is_dir():
            return parent / "node_modules"
    raise FileNotFoundError("node_modules not found: run `npm ci` in the project root")


@cache
def package_digest() -> str:
    """Hash of the package's code, templates and static files: any change re-renders pages."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(PACKAGE)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


BUNDLE = ("site", "domains", "code", "finding", "loop", "demo")
"""Stylesheets every page needs, served as one `static/css/bundle.css` (one request, not six)."""


def bundle_css(files: dict[str, bytes]) -> bytes:
    return b"\n".join(files[f"static/css/{name}.css"] for name in BUNDLE)


def static_files(demos: dict[str, Path]) -> dict[str, bytes]:
    """Every asset file of the site (relative path → bytes), read once per set of demos."""
    key = tuple(sorted((k, p.read_bytes()) for k, p in demos.items()))
    if key not in _STATIC_MEMO:
        _STATIC_MEMO.clear()
        _STATIC_MEMO[key] = _collect(demos)
    return dict(_STATIC_MEMO[key])


_STATIC_MEMO: dict[tuple[tuple[str, bytes], ...], dict[str, bytes]] = {}


def _collect(demos: dict[str, Path]) -> dict[str, bytes]:
    from continuous_function.demo import write_demo_assets

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        shutil.copytree(STATIC, out / "static", ignore=shutil.ignore_patterns("__pycache__"))
        katex = node_modules() / "katex" / "dist"
        vendor = out / "static" / "vendor" / "katex"
        vendor.mkdir(parents=True, exist_ok=True)
        shutil.copy2(katex / "katex.min.css", vendor / "katex.min.css")
        shutil.copytree(
            katex / "fonts", vendor / "fonts", ignore=shutil.ignore_patterns("*.ttf", "*.woff")
        )
        (out / "favicon.svg").write_text(FAVICON, encoding="utf-8")
        headers = "\n".join(f"  {k}: {v}" for k, v in SECURITY_HEADERS.items())
        (out / "_headers").write_text(f"/*\n{headers}\n", encoding="utf-8")
        write_demo_assets(out, demos)
        return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
