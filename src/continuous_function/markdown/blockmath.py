"""The `$$ … $$` display-math block rule, with an optional trailing `{#eq-label}`.

mdit-py-plugins' block rule only knows `$$ … $$ (label)`, so this replaces it. It also records
where every TeX line sits in page.md, so a KaTeX error points at the right column.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from continuous_function.markdown.sourcemap import Segment, SourceMap

# A closing `$$` at the end of a line, optionally followed by a `{#label}`.
_CLOSE = re.compile(r"\$\$[ \t]*(?:\{#(?P<label>[^}]*)\}[ \t]*)?$")


def math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # an indented code block
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("$$", begin):
        return False

    # Each entry: (text, absolute offset of the text in state.src, 0-based line).
    pieces: list[tuple[str, int, int]] = []
    label: str | None = None
    label_pos = 0
    line = start_line
    text_start = begin + 2
    while True:
        text = state.src[text_start : state.eMarks[line]]
        close = _CLOSE.search(text)
        if close and (line > start_line or text[: close.start()].strip()):
            body = text[: close.start()]
            if "$$" in body:
                return False  # `$$a$$ + $$b$$`: inline math, not one block
            pieces.append((body, text_start, line))
            label = close.group("label")
            label_pos = text_start + close.start("label") - 2 if label is not None else 0
            break
        if "$$" in text:
            return False  # a closing `$$` followed by text: leave it to the inline rules
        pieces.append((text, text_start, line))
        line += 1
        if line >= end_line or state.isEmpty(line) or state.sCount[line] < state.blkIndent:
            return False  # unclosed: the paragraph's inline rules report it as P003
        text_start = state.bMarks[line] + state.tShift[line]

    if silent:
        return True

    token = state.push("math_block", "math", 0)
    token.block = True
    token.markup = "$$"
    token.map = [start_line, line + 1]
    token.content = "\n".join(text for text, _, _ in pieces)
    token.meta = {
        "label": label,
        "label_line": line + 1,
        "label_col": label_pos - _line_start(state, line) + 1 if label is not None else 0,
        "source_map": _source_map(state, pieces),
    }
    state.line = line + 1
    return True


def _source_map(state: StateBlock, pieces: list[tuple[str, int, int]]) -> SourceMap:
    segments = []
    offset = 0
    for text, absolute, line in pieces:
        col = absolute - _line_start(state, line) + 1
        segments.append(Segment(offset, line + 1, col))
        offset += len(text) + 1
    return SourceMap(tuple(segments))


def _line_start(state: StateBlock, line: int) -> int:
    """Offset of the physical line start (bMarks skips container prefixes such as `> `)."""
    return state.src.rfind("\n", 0, state.bMarks[line]) + 1
