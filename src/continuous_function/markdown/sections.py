"""Split a page at its `##` headings and check them against the learning contract.

Every page has the same four sections in the same order (DESIGN.md §1), so the site can lay
pages out identically and claims can point at `#code` or `#demo`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from continuous_function.markdown.context import PageContext, block_line
from continuous_function.markdown.page import SECTION_IDS
from continuous_function.markdown.problems import MISSING_SECTION, SECTION_ORDER, UNKNOWN_SECTION

TITLES = tuple(SECTION_IDS)
_EXPECTED = ", ".join(f"'## {title}'" for title in TITLES)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of tokens under one `##` heading (or before the first one, with no title)."""

    title: str | None
    line: int
    start: int
    end: int

    @property
    def id(self) -> str | None:
        return SECTION_IDS.get(self.title) if self.title is not None else None


def split_sections(tokens: Sequence[Token], page: PageContext) -> list[Span]:
    """All spans in document order; problems for anything that breaks the contract."""
    spans: list[Span] = []
    title: str | None = None
    line, start = 1, 0
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            spans.append(Span(title, line, start, i))
            title, line, start = tokens[i + 1].content.strip(), block_line(token), i + 3
    spans.append(Span(title, line, start, len(tokens)))
    _check(spans, tokens, page)
    return spans


def kept(spans: Sequence[Span]) -> list[Span]:
    """The spans that become sections: the first of each known title."""
    seen: set[str] = set()
    result = []
    for span in spans:
        if span.id is not None and span.id not in seen:
            seen.add(span.id)
            result.append(span)
    return result


def _check(spans: list[Span], tokens: Sequence[Token], page: PageContext) -> None:
    preamble = spans[0]
    if preamble.end > preamble.start:
        page.report(
            UNKNOWN_SECTION,
            block_line(tokens[preamble.start]),
            1,
            f"text before the first section is not shown; move it under '## {TITLES[0]}'",
        )
    first_line: dict[str, int] = {}
    latest = -1
    for span in spans[1:]:
        assert span.title is not None
        if span.id is None:
            page.report(UNKNOWN_SECTION, span.line, 1, _unknown_message(span.title))
            continue
        if span.title in first_line:
            page.report(
                SECTION_ORDER,
                span.line,
                1,
                f"section '## {span.title}' appears again (first on line "
                f"{first_line[span.title]}); merge the two into one section",
            )
            continue
        first_line[span.title] = span.line
        index = TITLES.index(span.title)
        if index < latest:
            page.report(
                SECTION_ORDER,
                span.line,
                1,
                f"section '## {span.title}' comes after '## {TITLES[latest]}'; the sections "
                f"must be in the order {_EXPECTED}",
            )
        latest = max(latest, index)
    _check_missing(first_line, page)


def _check_missing(first_line: dict[str, int], page: PageContext) -> None:
    lines = page.lines
    end_line = max(len(lines) - (1 if len(lines) > 1 and lines[-1] == "" else 0), 1)
    for index, title in enumerate(TITLES):
        if title in first_line:
            continue
        later = [first_line[t] for t in TITLES[index + 1 :] if t in first_line]
        line = min(later) if later else end_line
        where = "before the next section" if later else "at the end of the page"
        page.report(
            MISSING_SECTION,
            line,
            1,
            f"missing section '## {title}'; every page has {_EXPECTED} — add '## {title}' {where}",
        )


def _unknown_message(title: str) -> str:
    lowered = {t.lower(): t for t in TITLES}
    close = difflib.get_close_matches(title.lower(), lowered, n=1, cutoff=0.6)
    hint = f" (did you mean '## {lowered[close[0]]}'?)" if close else ""
    return (
        f"unknown section '## {title}'{hint}; the sections are {_EXPECTED}. Rename it, or make "
        f"it a subsection '### {title}' inside one of them"
    )
