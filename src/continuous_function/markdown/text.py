"""Plain text of a token stream, for headings, search and read-time estimates."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

_SKIPPED_BLOCKS = {"math_block", "fence", "code_block", "embed", "html_block"}


def inline_text(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline", "dollar_stray", "image"):
            parts.append(child.content)
        elif child.type in ("math_inline", "math_inline_double"):
            parts.append(child.content.strip())
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "eq_ref" and child.meta.get("number") is not None:
            parts.append(f"({child.meta['number']})")
    return "".join(parts)


def plain_text(tokens: Sequence[Token]) -> str:
    """One line per block of prose; display math, code and raw HTML are left out."""
    lines = []
    for token in tokens:
        if token.type == "inline":
            text = inline_text(token.children or ())
            if text.strip():
                lines.append(text.strip())
        elif token.type in _SKIPPED_BLOCKS:
            continue
    return "\n".join(lines)
