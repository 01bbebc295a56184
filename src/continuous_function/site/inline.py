"""Inline Markdown and math for short authored YAML text (summaries, claims, hints, …).

Authors write `$f'(x)$` and `*emphasis*` in concept.yaml as in page.md; this renders one line of
it with the build's KaTeX renderer and sanitises the result like page content.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.dollarmath import dollarmath_plugin

from continuous_function.markdown.sanitize import sanitize


class Math(Protocol):
    """What pages need of KaTeX: the build passes a lazily started MathRenderer."""

    def render(self, tex: str, display: bool = False) -> str: ...


def inline_renderer(math: Math) -> Callable[[str], Markup]:
    md = MarkdownIt("commonmark", {"html": False}).use(
        dollarmath_plugin,
        allow_digits=False,
        allow_space=False,
        renderer=lambda tex, opts: math.render(tex, display=bool(opts.get("display_mode"))),
    )

    @lru_cache(maxsize=4096)
    def render(text: str) -> Markup:
        return Markup(sanitize(md.renderInline(text)))

    return render


def plain(text: str) -> str:
    """The same text with markup stripped, for meta descriptions."""
    return nh3.clean(MarkdownIt("commonmark").renderInline(text), tags=set()).replace("$", "")
