"""Problems found while rendering a page, and the stable codes that name them.

This table is the one source of the P-codes: the rule reference (docs/rules.md) is generated
from it. Codes are stable so that docs and `--ignore` lists can refer to them; each message
names the bad value, the expected form and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from continuous_function.diagnostics import Code, CodeTable

CODES = CodeTable("markdown")

MISSING_SECTION = CODES.declare(
    "P001",
    "missing-section",
    "`page.md` lacks one of the four sections: `## Intuition`, `## Math`, `## Code`, "
    "`## Interactive Demo`.",
)
UNKNOWN_SECTION = CODES.declare(
    "P002",
    "unknown-section",
    "`page.md` has a `##` section outside the four of the contract (use `###` for sub-sections), "
    "or text before the first section.",
)
UNBALANCED_MATH = CODES.declare(
    "P003",
    "unbalanced-math",
    "A `$` or `$$` that opens math but is never closed (money like `$5` is fine).",
)
LATEX_ERROR = CODES.declare(
    "P004",
    "latex-error",
    "KaTeX cannot parse a formula; the position points at the offending token in page.md, or "
    "at the YAML text (a summary, claim, hint, …) that holds it.",
)
RAW_HTML = CODES.declare(
    "P005",
    "raw-html",
    "Raw HTML in page.md is refused: it would bypass sanitising and the "
    "Content-Security-Policy. Use Markdown instead (HTML comments are allowed and dropped).",
)
UNKNOWN_EQUATION_REF = CODES.declare(
    "P006",
    "unknown-equation-ref",
    "A link `[](#eq-…)` names no labelled equation on the page.",
)
DUPLICATE_EQUATION_LABEL = CODES.declare(
    "P007",
    "duplicate-equation-label",
    "Two display equations carry the same `{#eq-…}` label.",
)
SECTION_ORDER = CODES.declare(
    "P008",
    "section-order",
    "The four sections are not in the order Intuition, Math, Code, Interactive Demo, or one "
    "appears twice.",
)
UNKNOWN_REGION = CODES.declare(
    "P009",
    "unknown-region",
    "`[[witness:name]]` names a region that witness.py does not delimit with "
    "`# region: name` … `# endregion`.",
)
"""Raised as `RegionError` by `extract_region`; the site reports it where it embeds the code."""
BAD_EQUATION_LABEL = CODES.declare(
    "P010",
    "bad-equation-label",
    "An equation label is not of the form `{#eq-[a-z0-9-]}`, or a `{#eq-…}` follows inline "
    "`$$…$$` in the middle of a paragraph, where it does nothing.",
)
UNKNOWN_EMBED = CODES.declare(
    "P011",
    "unknown-embed",
    "A `[[…]]` paragraph is not `[[witness]]`, `[[witness:<region>]]` or `[[demo]]`.",
)
MATH_BUDGET = CODES.declare(
    "P012",
    "too-much-math",
    "A page has more math than one page may typeset (500 formulas or 20,000 characters of TeX, "
    "about ten times the largest bundled page); the formulas past the limit are left as source. "
    "Split the concept.",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a page.md, located so an editor can jump to it."""

    line: int
    """1-based line in page.md."""
    col: int
    """1-based column in page.md (1 when only the line is known)."""
    code: str
    """A code of `CODES`, e.g. ``P004``."""
    message: str


def problem(kind: Code, line: int, col: int, message: str) -> Problem:
    return Problem(line=line, col=col, code=kind.code, message=message)
