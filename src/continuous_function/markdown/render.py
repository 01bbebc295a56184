"""page.md → `RenderedPage`: parse once, run the passes in order, render each section.

Each pass is a small function over the token stream that either annotates tokens or reports
problems; the HTML renderer then only formats what the passes decided.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from continuous_function.markdown.context import PageContext, block_line
from continuous_function.markdown.embeds import find_embeds
from continuous_function.markdown.equations import link_equation_refs, number_equations
from continuous_function.markdown.headings import name_headings
from continuous_function.markdown.katex import TexRenderer
from continuous_function.markdown.page import Embed, RenderedPage, Section
from continuous_function.markdown.parser import parser
from continuous_function.markdown.refusals import refuse_raw_html, report_stray_dollars
from continuous_function.markdown.sanitize import sanitize
from continuous_function.markdown.sections import Span, kept, split_sections
from continuous_function.markdown.text import plain_text
from continuous_function.markdown.typeset import typeset_math


def render_page(source: str, *, math: TexRenderer) -> RenderedPage:
    """Render a concept's page.md. Never raises for content errors: they come back as problems."""
    md = parser()
    # Split as markdown-it does: str.splitlines() also breaks at \f, \v and U+2028, which
    # would shift every line number after them.
    page = PageContext(lines=source.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    tokens = md.parse(source)

    refuse_raw_html(tokens, page)
    report_stray_dollars(tokens, page)
    typeset_math(tokens, page, math)
    equations = number_equations(tokens, page)
    link_equation_refs(tokens, equations, page)
    tokens = find_embeds(tokens, page)
    spans = split_sections(tokens, page)
    headings = name_headings(tokens, spans)

    sections = kept(spans)
    return RenderedPage(
        sections=tuple(_section(span, tokens) for span in sections),
        equations=equations,
        embeds=_embeds(tokens, spans),
        problems=tuple(sorted(page.problems, key=lambda p: (p.line, p.col, p.code))),
        plain_text="\n".join(_section_text(span, tokens) for span in sections),
        headings=headings,
    )


def _section(span: Span, tokens: Sequence[Token]) -> Section:
    assert span.id is not None and span.title is not None
    md = parser()
    html = md.renderer.render(list(tokens[span.start : span.end]), md.options, {})
    return Section(id=span.id, title=span.title, html=sanitize(html), line=span.line)


def _section_text(span: Span, tokens: Sequence[Token]) -> str:
    body = plain_text(tokens[span.start : span.end])
    return f"{span.title}\n{body}" if body else str(span.title)


def _embeds(tokens: Sequence[Token], spans: Sequence[Span]) -> tuple[Embed, ...]:
    found = []
    for span in spans:
        for token in tokens[span.start : span.end]:
            if token.type == "embed":
                meta = token.meta
                found.append(Embed(meta["kind"], meta["region"], block_line(token), span.id))
    return tuple(found)
