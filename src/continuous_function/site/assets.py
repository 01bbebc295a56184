"""Static assets: our CSS/JS, KaTeX's stylesheet and fonts, the favicon, security headers."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Theme:
    """Where a build reads its Jinja templates and static files. Read on every build, so a
    long-running `cfn serve` sees edits to either; tests point it at a private copy."""

    templates: Path
    static: Path


BUNDLED_THEME = Theme(PACKAGE / "templates", STATIC)


BUNDLE = ("site", "domains", "code", "finding", "loop", "demo")
"""Stylesheets every page needs, served as one `static/css/bundle.css` (one request, not six)."""


def bundle_css(files: dict[str, bytes]) -> bytes:
    return b"\n".join(files[f"static/css/{name}.css"] for name in BUNDLE)


def static_files(theme: Theme, demos: dict[str, Path]) -> dict[str, bytes]:
    """Every asset file of the site (relative path → bytes), read afresh on every build."""
    from continuous_function.demo import demo_asset_files

    files = {
        f"static/{p.relative_to(theme.static).as_posix()}": p.read_bytes()
        for p in sorted(theme.static.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
    katex = node_modules() / "katex" / "dist"
    files["static/vendor/katex/katex.min.css"] = (katex / "katex.min.css").read_bytes()
    for font in sorted((katex / "fonts").iterdir()):
        if font.suffix not in {".ttf", ".woff"}:
            files[f"static/vendor/katex/fonts/{font.name}"] = font.read_bytes()
    files["favicon.svg"] = FAVICON.encode()
    headers = "\n".join(f"  {k}: {v}" for k, v in SECURITY_HEADERS.items())
    files["_headers"] = f"/*\n{headers}\n".encode()
    return files | demo_asset_files(demos)


def asset_version(files: dict[str, bytes]) -> str:
    """A digest of the static files, in every asset URL (`?v=`): a browser refetches exactly
    when an asset changed."""
    h = hashlib.sha256()
    for rel in sorted(files):
        if rel.startswith("static/"):
            h.update(rel.encode() + b"\0" + files[rel] + b"\0")
    return h.hexdigest()[:10]
