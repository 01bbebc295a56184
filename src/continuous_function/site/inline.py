"""Inline Markdown and math for short authored YAML text (summaries, claims, hints, …).

Authors write `$f'(x)$` and `*emphasis*` in concept.yaml as in page.md; this renders one line of
it with the build's KaTeX renderer and sanitises the result like page content. A formula KaTeX
refuses is shown as its source and remembered, so the build reports it at the YAML text that
holds it instead of crashing (which also kept `cfn serve` from starting).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from mdit_py_plugins.dollarmath import dollarmath_plugin

from continuous_function.diagnostics import Diagnostic
from continuous_function.markdown.katex import KatexError
from continuous_function.markdown.problems import LATEX_ERROR
from continuous_function.markdown.sanitize import sanitize
from continuous_function.markdown.typeset import latex_message
from continuous_function.memo import Memo
from continuous_function.model.atlas import Atlas
from continuous_function.model.positions import Positions, YamlPath


class Math(Protocol):
    """What pages need of KaTeX: the build passes a lazily started MathRenderer."""

    def render(self, tex: str, display: bool = False) -> str: ...


class InlineRenderer:
    """The `inline` template filter of one build. `failures` maps each text whose math KaTeX
    refused to the message, for `inline_problems` to place in the YAML files."""

    def __init__(self, math: Math, memo: Memo[str, tuple[str, str | None]] | None = None) -> None:
        """`memo` (the build cache's: text → HTML and KaTeX's message, if any) spares rendering
        a text seen by an earlier build."""
        self._math = math
        self._md = MarkdownIt("commonmark", {"html": False}).use(
            dollarmath_plugin, allow_digits=False, allow_space=False, renderer=self._tex
        )
        self._done: Memo[str, tuple[str, str | None]] = Memo() if memo is None else memo
        self._error: str | None = None
        self.failures: dict[str, str] = {}

    def __call__(self, text: str) -> Markup:
        html, error = self._done.get(text, lambda: self._render(text))
        if error is not None:
            self.failures[text] = error
        return Markup(html)

    def _render(self, text: str) -> tuple[str, str | None]:
        self._error = None
        return sanitize(self._md.renderInline(text)), self._error

    def _tex(self, tex: str, options: dict[str, Any]) -> str:
        try:
            return self._math.render(tex, display=bool(options.get("display_mode")))
        except KatexError as exc:
            self._error = self._error or latex_message(tex, exc, exc.position or 0)
            return f'<code class="math-error">{escape(tex)}</code>'


def inline_problems(atlas: Atlas, failures: dict[str, str]) -> list[Diagnostic]:
    """A P004 at every YAML text (curriculum, domain or concept file) whose math failed."""
    if not failures:
        return []
    files: list[tuple[Positions, Any]] = [(atlas.positions, atlas.meta)]
    files += [(d.positions, d.meta) for d in atlas.domains]
    files += [(c.positions, c.meta) for d in atlas.domains for c in d.concepts]
    return [
        LATEX_ERROR.at(positions.of(loc), failures[text])
        for positions, meta in files
        for loc, text in _texts(meta.model_dump(by_alias=True), ())
        if text in failures
    ]


def _texts(value: object, loc: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, str(key)))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))


def plain(text: str) -> str:
    """The same text with markup stripped, for meta descriptions."""
    return nh3.clean(MarkdownIt("commonmark").renderInline(text), tags=set()).replace("$", "")
