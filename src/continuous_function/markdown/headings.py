"""Stable anchor ids for `###`-and-deeper headings, so subsections can be linked and listed.

Ids are prefixed with their section id (`math-the-limit`), which keeps them clear of the ids the
site and the equations use (`code`, `demo`, `eq-…`, `claim-…`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from markdown_it.token import Token

from continuous_function.markdown.context import block_line
from continuous_function.markdown.page import Heading
from continuous_function.markdown.sections import Span
from continuous_function.markdown.text import inline_text


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "heading"


def name_headings(tokens: Sequence[Token], spans: Sequence[Span]) -> tuple[Heading, ...]:
    """Set an `id` on every heading below `##` and list them in document order."""
    headings: list[Heading] = []
    used: set[str] = set()
    for span in spans:
        for i in range(span.start, span.end):
            token = tokens[i]
            if token.type != "heading_open" or token.tag in ("h1", "h2"):
                continue
            title = inline_text(tokens[i + 1].children or ()).strip()
            base = f"{span.id}-{slugify(title)}" if span.id else slugify(title)
            anchor, n = base, 1
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            used.add(anchor)
            token.attrSet("id", anchor)
            headings.append(Heading(anchor, title, int(token.tag[1]), block_line(token), span.id))
    return tuple(headings)
