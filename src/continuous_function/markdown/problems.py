"""Problems found while rendering a page, and the stable codes that name them.

Codes are stable so that the rule registry, the docs and `--ignore` lists can refer to them;
each message names the bad value, the expected form and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProblemCode:
    code: str
    """Stable identifier, e.g. ``P003``; never reused for another rule."""
    name: str
    """Short kebab-case name shown next to the code."""
    summary: str
    """One line for the rule reference."""


MISSING_SECTION = ProblemCode(
    "P001",
    "missing-section",
    "A required `##` section (Intuition, Math, Code, Interactive Demo) is absent.",
)
UNKNOWN_SECTION = ProblemCode(
    "P002",
    "unknown-section",
    "A `##` heading that is not one of the four sections, or text before the first section.",
)
UNBALANCED_MATH = ProblemCode(
    "P003",
    "unbalanced-math",
    "A `$` or `$$` that opens math but is never closed (money like `$5` is fine).",
)
LATEX_ERROR = ProblemCode(
    "P004",
    "latex-error",
    "KaTeX cannot parse a formula; the position points at the offending token in page.md.",
)
RAW_HTML = ProblemCode(
    "P005",
    "raw-html",
    "Raw HTML in page.md; pages are Markdown only (HTML comments are allowed and dropped).",
)
UNKNOWN_EQUATION_REF = ProblemCode(
    "P006",
    "unknown-equation-ref",
    "A link to `#eq-…` names no labelled equation on the page.",
)
DUPLICATE_EQUATION_LABEL = ProblemCode(
    "P007",
    "duplicate-equation-label",
    "Two display equations carry the same `{#eq-…}` label.",
)
SECTION_ORDER = ProblemCode(
    "P008",
    "section-order",
    "Sections are out of order or repeated; the order is Intuition, Math, Code, Interactive Demo.",
)
BAD_EQUATION_LABEL = ProblemCode(
    "P010",
    "bad-equation-label",
    "An equation label that is not `{#eq-<name>}` with lower-case letters, digits and hyphens.",
)
UNKNOWN_EMBED = ProblemCode(
    "P011",
    "unknown-embed",
    "A `[[…]]` paragraph that is not `[[witness]]`, `[[witness:<region>]]` or `[[demo]]`.",
)

PROBLEM_CODES: tuple[ProblemCode, ...] = (
    MISSING_SECTION,
    UNKNOWN_SECTION,
    UNBALANCED_MATH,
    LATEX_ERROR,
    RAW_HTML,
    UNKNOWN_EQUATION_REF,
    DUPLICATE_EQUATION_LABEL,
    SECTION_ORDER,
    BAD_EQUATION_LABEL,
    UNKNOWN_EMBED,
)
"""Every code this package emits, in code order. P009 (unknown-region) is not here: the site
emits it when `extract_region` raises `RegionError`."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a page.md, located so an editor can jump to it."""

    line: int
    """1-based line in page.md."""
    col: int
    """1-based column in page.md (1 when only the line is known)."""
    code: str
    """A `ProblemCode.code`, e.g. ``P004``."""
    message: str


def problem(kind: ProblemCode, line: int, col: int, message: str) -> Problem:
    return Problem(line=line, col=col, code=kind.code, message=message)
