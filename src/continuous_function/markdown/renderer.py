"""HTML for the token types this package adds or changes: one small function per token type.

Every function reads only its token (the passes have already typeset math, numbered equations
and resolved references), so rendering cannot report problems or depend on order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from continuous_function.markdown.highlight import highlight_code
from continuous_function.markdown.refusals import is_comment


def _math_inline(tokens: Sequence[Token], idx: int) -> str:
    token = tokens[idx]
    if "html" in token.meta:
        return str(token.meta["html"])
    written = token.markup + token.content + token.markup
    return f'<code class="math-error">{escapeHtml(written)}</code>'


def _math_block(tokens: Sequence[Token], idx: int) -> str:
    token = tokens[idx]
    body = token.meta.get("html")
    if body is None:
        body = f'<pre class="math-error"><code>{escapeHtml(token.content.strip())}</code></pre>'
    label = token.meta.get("label")
    # The body scrolls sideways on narrow screens, so keyboard users must be able to reach it.
    name = "Display equation" if label is None else f"Equation ({token.meta['number']})"
    scroller = f'<div class="equation-body" tabindex="0" role="group" aria-label="{name}">'
    if label is None:
        return f'<div class="equation">{scroller}{body}</div></div>\n'
    return (
        f'<div class="equation" id="{escapeHtml(label)}">{scroller}{body}</div>'
        f'<span class="equation-number">({token.meta["number"]})</span></div>\n'
    )


def _eq_ref(tokens: Sequence[Token], idx: int) -> str:
    token = tokens[idx]
    number = token.meta["number"]
    shown = "?" if number is None else str(number)
    return f'<a href="#{escapeHtml(token.meta["label"])}" class="eq-ref">({shown})</a>'


def _embed(tokens: Sequence[Token], idx: int) -> str:
    token = tokens[idx]
    if token.meta["kind"] == "demo":
        return '<div class="embed" data-embed="demo"></div>\n'
    region = escapeHtml(token.meta["region"] or "")
    return f'<div class="embed" data-embed="witness" data-region="{region}"></div>\n'


def _fence(tokens: Sequence[Token], idx: int) -> str:
    token = tokens[idx]
    language = token.info.strip().split()[0] if token.info.strip() else None
    return highlight_code(token.content, language)


def _code_block(tokens: Sequence[Token], idx: int) -> str:
    return highlight_code(tokens[idx].content, None)


def _refused_html(tokens: Sequence[Token], idx: int) -> str:
    """Raw HTML was reported (P005); show it as text so the author sees what was refused."""
    token = tokens[idx]
    if is_comment(token.content):
        return ""
    return escapeHtml(token.content)


def _dollar_stray(tokens: Sequence[Token], idx: int) -> str:
    return escapeHtml(tokens[idx].content)


def _cell_open(tokens: Sequence[Token], idx: int) -> str:
    """Table alignment as a class, since the site's CSP forbids our own style attributes."""
    token = tokens[idx]
    style = str(token.attrs.get("style", ""))
    align = style.removeprefix("text-align:") if style.startswith("text-align:") else ""
    return f'<{token.tag} class="align-{align}">' if align else f"<{token.tag}>"


TokenRule = Callable[[Sequence[Token], int], str]

_RULES: dict[str, TokenRule] = {
    "math_inline": _math_inline,
    "math_inline_double": _math_inline,
    "math_block": _math_block,
    "eq_ref": _eq_ref,
    "embed": _embed,
    "fence": _fence,
    "code_block": _code_block,
    "html_block": _refused_html,
    "html_inline": _refused_html,
    "dollar_stray": _dollar_stray,
    "th_open": _cell_open,
    "td_open": _cell_open,
}


def install_rules(md: MarkdownIt) -> None:
    for name, rule in _RULES.items():
        md.add_render_rule(name, _adapt(rule))


def _adapt(rule: TokenRule) -> Callable[..., str]:
    """markdown-it's rule signature, of which our rules need only the tokens and the index."""

    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return rule(tokens, idx)

    return render
