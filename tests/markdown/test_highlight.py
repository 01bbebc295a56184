from __future__ import annotations

import re

import pytest

from continuous_function.markdown import highlight_code, pygments_css
from continuous_function.markdown.highlight import Theme

SAMPLE = '''\
"""A module docstring."""
import numpy as np
from math import *  # noqa

@decorator
class Model(Base):
    scale: float = 1.5e-3

    def forward(self, x, *, eps=0x1F, name="w", raw=rb"\\d+", fmt=f"{x!r:>4}"):
        """Docstring."""
        if x is None or not x and True:
            raise ValueError(f"bad {x}") from None
        return [np.exp(-v) ** 2 for v in x if v != ...]  # comment
'''

_RULE = re.compile(r"(?m)^\s*(?P<selector>[^{}\n]+?)\s*\{\s*(?P<body>[^}]*)\}")


def rules(css: str) -> dict[str, dict[str, str]]:
    """selector → {property: value}."""
    found: dict[str, dict[str, str]] = {}
    for match in _RULE.finditer(css):
        if match.group("selector").startswith("@media"):
            continue
        declarations = (d.split(":", 1) for d in match.group("body").split(";") if d.strip())
        found[match.group("selector")] = {k.strip(): v.strip() for k, v in declarations}
    return found


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def used_classes() -> set[str]:
    html = highlight_code(SAMPLE, "python")
    return {c for group in re.findall(r'<span class="([^"]+)"', html) for c in group.split()}


def test_highlighting_uses_classes_never_inline_styles() -> None:
    html = highlight_code(SAMPLE, "python")
    assert "style=" not in html
    assert html.startswith('<pre class="highlight" tabindex="0"><code class="language-python">')
    assert '<span class="k">def</span>' in html
    assert len(used_classes()) >= 15


def test_unknown_or_absent_language_is_escaped_plain_text() -> None:
    assert highlight_code("<b>&</b>\n", "no-such-lexer") == (
        '<pre class="highlight" tabindex="0"><code class="language-no-such-lexer">'
        "&lt;b&gt;&amp;&lt;/b&gt;\n</code></pre>\n"
    )
    assert "<span" not in highlight_code("x = 1\n", None)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_token_in_python_code_meets_wcag_aa(theme: Theme) -> None:
    prefix = '[data-theme="dark"] ' if theme == "dark" else ""
    found = rules(pygments_css(theme))
    base = found[f"{prefix}.highlight"]
    background = base["background-color"]
    for cls in used_classes():
        colour = found.get(f"{prefix}.highlight .{cls}", {}).get("color", "inherit")
        colour = base["color"] if colour == "inherit" else colour
        ratio = contrast(colour, background)
        assert ratio >= 4.5, f"{theme} .{cls}: {colour} on {background} is {ratio:.2f}:1"


def test_dark_theme_overrides_every_light_declaration() -> None:
    """Otherwise a light colour would leak onto the dark background."""
    light = rules(pygments_css("light"))
    dark = rules(pygments_css("dark"))
    assert light, "no rules parsed"
    for selector, declarations in light.items():
        assert selector.startswith(".highlight")
        override = dark[f'[data-theme="dark"] {selector}']
        assert set(override) == set(declarations), selector


def test_dark_theme_follows_the_system_unless_light_is_chosen() -> None:
    css = pygments_css("dark")
    media = css[css.index("@media (prefers-color-scheme: dark) {") :]
    chosen = css[: css.index("@media")]
    assert chosen.count("{") == media.count("{") - 1
    for line in media.splitlines()[1:-1]:
        assert line.startswith('  :root:not([data-theme="light"]) .highlight')
    assert not any(line.startswith(".highlight") for line in css.splitlines()), (
        "dark rules must never apply unscoped"
    )
