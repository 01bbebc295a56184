"""Syntax highlighting with Pygments CSS classes (never inline styles, for a strict CSP).

The two themes declare the same properties for the same token classes, so the dark rules fully
override the light ones and no light colour leaks onto a dark background. Both styles pass
WCAG AA contrast for the token classes Python code produces (tested).
"""

from __future__ import annotations

import html
from functools import cache
from typing import Literal

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from pygments.token import STANDARD_TYPES, Token, _TokenType, is_token_subtype
from pygments.util import ClassNotFound

Theme = Literal["light", "dark"]

STYLES: dict[Theme, str] = {"light": "default", "dark": "github-dark"}
"""Pygments styles per site theme; both meet 4.5:1 contrast on their own background."""

_TEXT_FALLBACK: dict[Theme, str] = {"light": "#000000", "dark": "#ffffff"}

# Pygments style key → (CSS property, value when set, value when unset).
_PROPERTIES: dict[str, tuple[str, str, str]] = {
    "color": ("color", "#{}", "inherit"),
    "bgcolor": ("background-color", "#{}", "transparent"),
    "bold": ("font-weight", "bold", "normal"),
    "italic": ("font-style", "italic", "normal"),
    "underline": ("text-decoration", "underline", "none"),
    "border": ("border", "1px solid #{}", "none"),
}

_FORMATTER = HtmlFormatter(nowrap=True)


def highlight_code(code: str, language: str | None) -> str:
    """`<pre class="highlight">` HTML for `code`; an unknown or absent language stays plain."""
    lexer = None
    if language:
        try:
            lexer = get_lexer_by_name(language)
        except ClassNotFound:
            lexer = None
    body = pygments_highlight(code, lexer, _FORMATTER) if lexer else html.escape(code)
    lang = f' class="language-{html.escape(language, quote=True)}"' if language else ""
    # tabindex: a horizontally scrolling <pre> must be reachable by keyboard (axe rule).
    return f'<pre class="highlight" tabindex="0"><code{lang}>{body}</code></pre>\n'


def pygments_css(theme: Theme) -> str:
    """The stylesheet for one theme; the dark one applies under `[data-theme="dark"]` and, when
    no theme is chosen, under the system's dark preference."""
    rules = _rules(theme)
    if theme == "light":
        return "".join(f".highlight{sel} {{ {decl} }}\n" for sel, decl in rules)
    chosen = "".join(f'[data-theme="dark"] .highlight{sel} {{ {decl} }}\n' for sel, decl in rules)
    system = "".join(
        f'  :root:not([data-theme="light"]) .highlight{sel} {{ {decl} }}\n' for sel, decl in rules
    )
    return f"{chosen}@media (prefers-color-scheme: dark) {{\n{system}}}\n"


def _rules(theme: Theme) -> list[tuple[str, str]]:
    style = get_style_by_name(STYLES[theme])
    root = style.style_for_token(Token)
    text = f"#{root['color']}" if root["color"] else _TEXT_FALLBACK[theme]
    rules = [("", f"background-color: {style.background_color}; color: {text}")]
    for token_type, cls in sorted(STANDARD_TYPES.items(), key=lambda item: item[1]):
        keys = _keys_in_use().get(cls)
        if keys:
            rules.append((f" .{cls}", _declarations(_resolved(style, token_type), keys)))
    return rules


@cache
def _keys_in_use() -> dict[str, tuple[str, ...]]:
    """Per token class, the style keys that either theme sets (so both themes declare them)."""
    used: dict[str, tuple[str, ...]] = {}
    styles = [get_style_by_name(name) for name in STYLES.values()]
    for token_type, cls in STANDARD_TYPES.items():
        if not cls or is_token_subtype(token_type, Token.Text.Whitespace):
            continue  # whitespace has no glyphs to colour (and would fail a naive contrast check)
        keys = tuple(
            key for key in _PROPERTIES if any(_resolved(style, token_type)[key] for style in styles)
        )
        if keys:
            used[cls] = keys
    return used


def _resolved(style: StyleMeta, token_type: _TokenType) -> dict[str, object]:
    """The token's style after inheritance, as a plain mapping keyed like `_PROPERTIES`."""
    return dict(style.style_for_token(token_type))


def _declarations(resolved: dict[str, object], keys: tuple[str, ...]) -> str:
    parts = []
    for key in keys:
        prop, when_set, when_unset = _PROPERTIES[key]
        value = resolved[key]
        parts.append(f"{prop}: {when_set.format(value) if value else when_unset}")
    return "; ".join(parts)
