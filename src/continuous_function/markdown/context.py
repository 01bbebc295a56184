"""State shared by the rendering passes of one page: its lines and the problems found so far."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from continuous_function.diagnostics import Code
from continuous_function.markdown.problems import Problem, problem
from continuous_function.markdown.sourcemap import SourceMap, map_inline


@dataclass
class PageContext:
    lines: list[str]
    problems: list[Problem] = field(default_factory=list)

    def report(self, kind: Code, line: int, col: int, message: str) -> None:
        self.problems.append(problem(kind, line, col, message))

    def inline_map(self, inline: Token) -> SourceMap:
        """Where an inline token's content lies in page.md (computed once, kept on the token)."""
        cached = inline.meta.get("source_map")
        if isinstance(cached, SourceMap):
            return cached
        first = inline.map[0] + 1 if inline.map else 1
        source_map = inline.meta["source_map"] = map_inline(inline.content, first, self.lines)
        return source_map

    def locate(self, inline: Token, offset: int) -> tuple[int, int]:
        """(line, col) in page.md of `offset` in an inline token's content."""
        return self.inline_map(inline).locate(offset)


def block_line(token: Token) -> int:
    """1-based first line of a block token."""
    return token.map[0] + 1 if token.map else 1


def inline_tokens(tokens: Sequence[Token]) -> Iterator[Token]:
    return (token for token in tokens if token.type == "inline")
