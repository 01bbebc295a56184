"""Map positions inside parsed text back to line and column in page.md.

markdown-it gives block tokens line ranges but inline text loses its columns (container prefixes
and indentation are stripped), so problems inside a paragraph, a heading or a formula would
otherwise point at the wrong place.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    offset: int
    """Where this line starts in the mapped text."""
    line: int
    """1-based line in page.md."""
    col: int
    """1-based column in page.md of the character at `offset`."""


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Positions of a text's lines in page.md; built once per paragraph or formula."""

    segments: tuple[Segment, ...]

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, col) in page.md of `offset` in the mapped text."""
        starts = [s.offset for s in self.segments]
        seg = self.segments[max(bisect_right(starts, offset) - 1, 0)]
        return seg.line, seg.col + max(offset - seg.offset, 0)

    def shifted(self, start: int) -> SourceMap:
        """The map of `text[start:]`, e.g. a formula's TeX inside its paragraph."""
        segs = []
        for i, seg in enumerate(self.segments):
            end = self.segments[i + 1].offset if i + 1 < len(self.segments) else None
            if end is not None and end <= start:
                continue
            if seg.offset >= start:
                segs.append(Segment(seg.offset - start, seg.line, seg.col))
            else:
                segs.append(Segment(0, seg.line, seg.col + start - seg.offset))
        return SourceMap(tuple(segs))


def map_inline(content: str, first_line: int, source_lines: list[str]) -> SourceMap:
    """Map an inline token's `content` whose first line is page.md line `first_line` (1-based).

    Each content line is found in its source line, which skips list markers, `>` prefixes and
    indentation without re-implementing the block parser.
    """
    segments: list[Segment] = []
    offset = 0
    for k, text in enumerate(content.split("\n")):
        line = first_line + k
        source = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
        stripped = text.lstrip(" \t")  # what markdown strips; str.lstrip() also eats U+2028
        lead = len(text) - len(stripped)
        found = source.find(stripped) if stripped else -1
        if found >= 0:
            segments.append(Segment(offset + lead, line, found + 1))
        else:
            segments.append(Segment(offset, line, 1))
        offset += len(text) + 1
    return SourceMap(tuple(segments))
