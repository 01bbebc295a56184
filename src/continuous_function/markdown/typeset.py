"""Typeset every formula with KaTeX before rendering, turning parse errors into P004 problems.

Typesetting happens in a pass (not inside the HTML renderer) so problems carry positions and the
renderer stays a pure function of the tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from continuous_function.markdown.context import PageContext, inline_tokens
from continuous_function.markdown.katex import KatexError, TexRenderer
from continuous_function.markdown.problems import LATEX_ERROR, MATH_BUDGET
from continuous_function.markdown.sourcemap import SourceMap

SUPPORTED_URL = "https://katex.org/docs/supported.html"
MAX_FORMULAS = 500
MAX_TEX_CHARS = 20_000
"""Per page: KaTeX takes about 1–3 ms per formula, so these keep any page to a few seconds."""


def typeset_math(tokens: Sequence[Token], page: PageContext, math: TexRenderer) -> None:
    """Store KaTeX HTML in `meta["html"]` of every math token; failures keep no HTML, and so
    do the formulas past the page's math budget (reported once, at the first of them)."""
    formulas = [(t, t.meta["source_map"], True) for t in tokens if t.type == "math_block"]
    for inline in inline_tokens(tokens):
        for child in inline.children or ():
            if child.type in ("math_inline", "math_inline_double"):
                delimiter = 1 if child.type == "math_inline" else 2
                start = child.meta.get("offset", 0) + delimiter
                source_map = page.inline_map(inline).shifted(start)
                formulas.append((child, source_map, child.type != "math_inline"))
    chars = 0
    for n, (token, source_map, display) in enumerate(formulas):
        chars += len(token.content)
        if n >= MAX_FORMULAS or chars > MAX_TEX_CHARS:
            line, col = source_map.locate(0)
            page.report(
                MATH_BUDGET,
                line,
                col,
                f"page.md has {len(formulas):,} formulas and "
                f"{sum(len(t.content) for t, _, _ in formulas):,} characters of TeX; a page may "
                f"typeset {MAX_FORMULAS:,} formulas or {MAX_TEX_CHARS:,} characters, and this "
                "one and the rest stay as source (split the concept)",
            )
            return
        _typeset(token, source_map, display, page, math)


def _typeset(
    token: Token, source_map: SourceMap, display: bool, page: PageContext, math: TexRenderer
) -> None:
    tex = token.content.strip()
    try:
        token.meta["html"] = math.render(tex, display)
    except KatexError as error:
        position = error.position or 0
        lead = len(token.content) - len(token.content.lstrip())
        line, col = source_map.locate(lead + position)
        page.report(LATEX_ERROR, line, col, latex_message(tex, error, position))


def latex_message(tex: str, error: KatexError, position: int) -> str:
    formula = " ".join(tex.split())
    if len(formula) > 60:
        formula = formula[:59] + "…"
    near = ""
    if error.position is not None and error.length:
        near = f" at '{tex[position : position + error.length].strip()}'"
    return (
        f"KaTeX cannot typeset '{formula}': {error.message}{near}; fix the TeX using commands "
        f"KaTeX supports ({SUPPORTED_URL})"
    )
