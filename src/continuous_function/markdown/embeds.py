"""`[[witness]]`, `[[witness:<region>]]` and `[[demo]]` paragraphs become placeholders.

The page only marks where the code witness and the demo go; the site fills the placeholders
from the witness results and the demo's first frame, which this stage never sees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from continuous_function.markdown.context import PageContext, block_line
from continuous_function.markdown.problems import UNKNOWN_EMBED

_EMBED = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_VALID = re.compile(r"(?P<kind>witness)(?::(?P<region>[A-Za-z0-9_.-]+))?|(?P<demo>demo)")


def find_embeds(tokens: Sequence[Token], page: PageContext) -> list[Token]:
    """The token stream with each embed paragraph replaced by one `embed` token."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        embed = _embed(tokens, i, page) if token.type == "paragraph_open" else None
        if embed is None:
            out.append(token)
            i += 1
        else:
            out.append(embed)
            i += 3  # paragraph_open, inline, paragraph_close
    return out


def _embed(tokens: Sequence[Token], i: int, page: PageContext) -> Token | None:
    inline = tokens[i + 1]
    match = _EMBED.fullmatch(inline.content.strip())
    if match is None:
        return None
    body = match.group("body").strip()
    valid = _VALID.fullmatch(body)
    if valid is None:
        line = block_line(inline)
        col = page.lines[line - 1].find("[[") + 1
        page.report(
            UNKNOWN_EMBED,
            line,
            max(col, 1),
            f"unknown embed '[[{body}]]'; expected '[[witness]]', '[[witness:<region>]]' (a "
            "'# region: <name>' block of witness.py) or '[[demo]]'",
        )
        return None
    token = Token("embed", "div", 0, block=True, map=tokens[i].map)
    token.meta = {
        "kind": "demo" if valid.group("demo") else "witness",
        "region": valid.group("region"),
    }
    return token
