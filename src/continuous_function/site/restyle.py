"""Move inline `style` attributes (KaTeX emits them) into a generated stylesheet.

The site runs under `style-src 'self'`, which blocks style attributes; since math is rendered at
build time, the set of styles is finite, so each distinct one becomes a class in
the page's own `page.css`.
"""

from __future__ import annotations

import hashlib
import re

_TAG = re.compile(r"<([a-zA-Z][\w:-]*)(\s[^<>]*?)?\sstyle=\"([^\"]*)\"([^<>]*)>")
_CLASS = re.compile(r"\sclass=\"([^\"]*)\"")


def class_for(style: str) -> str:
    return "s-" + hashlib.sha256(style.encode()).hexdigest()[:10]


def restyle(html: str, styles: dict[str, str]) -> str:
    """Replace style attributes by classes, recording class → declaration in `styles`."""

    def swap(match: re.Match[str]) -> str:
        tag, before, style, after = (
            match.group(1),
            match.group(2) or "",
            match.group(3),
            match.group(4),
        )
        name = class_for(style)
        styles[name] = style
        attrs = before + after
        if _CLASS.search(attrs):
            attrs = _CLASS.sub(lambda m: f' class="{m.group(1)} {name}"', attrs, count=1)
        else:
            attrs = f' class="{name}"' + attrs
        return f"<{tag}{attrs}>"

    return _TAG.sub(swap, html)


def stylesheet(styles: dict[str, str]) -> str:
    rules = (f".{name}{{{styles[name]}}}" for name in sorted(styles))
    return (
        "/* generated from KaTeX inline styles; see site/restyle.py */\n" + "\n".join(rules) + "\n"
    )
