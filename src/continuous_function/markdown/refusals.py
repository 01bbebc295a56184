"""Markup a page may not contain: raw HTML (P005) and math delimiters that never close (P003)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from continuous_function.markdown.context import PageContext, block_line, inline_tokens
from continuous_function.markdown.problems import RAW_HTML, UNBALANCED_MATH

_COMMENT = re.compile(r"<!--(?:(?!-->).)*-->", re.DOTALL)


def is_comment(html: str) -> bool:
    return _COMMENT.fullmatch(html.strip()) is not None


def refuse_raw_html(tokens: Sequence[Token], page: PageContext) -> None:
    """Report HTML (comments excepted); the renderer shows it escaped, never as markup."""
    for token in tokens:
        if token.type == "html_block" and not is_comment(token.content):
            line = block_line(token)
            first = token.content.strip().splitlines()[0]
            col = page.lines[line - 1].find(first) + 1 if line <= len(page.lines) else 1
            page.report(RAW_HTML, line, max(col, 1), _html_message(first))
    for inline in inline_tokens(tokens):
        for child in inline.children or ():
            if child.type == "html_inline" and not is_comment(child.content):
                line, col = page.locate(inline, child.meta.get("offset", 0))
                page.report(RAW_HTML, line, col, _html_message(child.content))


def _html_message(html: str) -> str:
    return (
        f"raw HTML '{_clip(html)}' is not allowed in page.md; write Markdown instead "
        "(emphasis, lists, tables, images), or escape the '<' as '\\<' to show it as text"
    )


def report_stray_dollars(tokens: Sequence[Token], page: PageContext) -> None:
    for inline in inline_tokens(tokens):
        for child in inline.children or ():
            if child.type != "dollar_stray":
                continue
            offset = child.meta["offset"]
            line, col = page.locate(inline, offset)
            if child.content == "$$":
                message = (
                    "'$$' opens display math that is never closed; end it with '$$' (display "
                    "math may not contain blank lines), or write '\\$\\$' for literal dollars"
                )
            else:
                start = _clip(inline.content[offset:].split("\n")[0], 16)
                message = (
                    f"'{start}' looks like inline math but has no closing '$' (or a space sits "
                    "just inside a dollar); write '$x$' with no spaces inside the dollars, or "
                    "'\\$' for a literal dollar sign"
                )
            page.report(UNBALANCED_MATH, line, col, message)


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
