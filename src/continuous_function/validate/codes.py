"""Codes emitted by stages other than the atlas rules (loading, markdown, demos, witnesses).

Declared here so the registry, and therefore docs/rules.md, is complete.
"""

from continuous_function.validate.diagnostics import Severity
from continuous_function.validate.registry import declare

# Reading files
declare("Y001", "yaml-syntax", "A YAML file does not parse. The message gives the parser's reason.")
declare(
    "Y002",
    "missing-file",
    "A required file is missing: `curriculum.yaml`, a domain's "
    "`domain.yaml`, a concept's `concept.yaml`, or `references.bib`.",
)
declare(
    "Y003",
    "bad-folder-name",
    "A domain or concept folder name is not a valid id "
    "(`[a-z0-9]` words joined by single hyphens); the folder name is the id.",
)

# Shape of each file (schema)
declare(
    "S001",
    "unknown-key",
    "A key the content contract does not define (often a typo). "
    "Unknown keys are errors so nothing is silently ignored.",
)
declare("S002", "missing-field", "A required key is missing.")
declare(
    "S003",
    "bad-enum",
    "A value outside its allowed set (status, importance, math_level, "
    "review state, practice kind).",
)
declare("S004", "bad-id", "An id is not `[a-z0-9]` words joined by single hyphens.")
declare("S005", "bad-date", "A date is not an ISO date (YYYY-MM-DD).")
declare("S006", "bad-color", "A colour is not `#rrggbb`.")
declare(
    "S007",
    "out-of-range",
    "A number or a list length is outside its allowed range "
    "(difficulty 1–5, exactly three hints, at least two inquiry options, …).",
)
declare("S008", "wrong-type", "A value has the wrong type (a list where text is expected, …).")
declare(
    "S009",
    "bad-format",
    "A text value does not have the required form (object refs "
    "`#eq-…`, check names `check_…`, review fingerprints).",
)

# Bibliography
declare("B003", "bib-syntax", "`references.bib` does not parse as BibTeX, or repeats a key.")

# page.md (emitted by the markdown stage)
declare(
    "P001",
    "missing-section",
    "`page.md` lacks one of the four sections: `## Intuition`, "
    "`## Math`, `## Code`, `## Interactive Demo`.",
)
declare(
    "P002",
    "unknown-section",
    "`page.md` has a `##` section outside the four of the contract (use `###` for sub-sections), "
    "or text before the first section.",
)
declare("P003", "unbalanced-math", "A `$` or `$$` math delimiter is not closed.")
declare("P004", "latex-error", "KaTeX cannot parse a formula; the position points into page.md.")
declare(
    "P005",
    "raw-html",
    "Raw HTML in content is refused: it would bypass sanitising and the "
    "Content-Security-Policy. Use Markdown instead.",
)
declare(
    "P006", "unknown-equation-ref", "A link `[](#eq-…)` names no labelled equation on the page."
)
declare("P007", "duplicate-equation-label", "Two display equations carry the same `{#eq-…}` label.")
declare(
    "P008",
    "section-order",
    "The four sections are not in the order Intuition, Math, Code, Interactive Demo, or one "
    "appears twice.",
)

# Code witnesses (emitted by the execute stage)
declare(
    "W001",
    "witness-failed",
    "witness.py raised an exception at build time; the location is the failing line in witness.py.",
)
declare(
    "W002",
    "check-failed",
    "A claim's `check_*` function failed: the claim and its code "
    "witness disagree. The message gives the assertion and the line in witness.py.",
)
declare(
    "W003",
    "witness-limit",
    "witness.py exceeded a limit: the time limit, the memory "
    "limit, the output cap, or it tried to reach the network (witnesses run offline).",
)
declare(
    "P010",
    "bad-equation-label",
    "An equation label is not of the form `{#eq-[a-z0-9-]}`, "
    "or a `{#eq-…}` follows inline `$$…$$` in the middle of a paragraph, where it does nothing.",
)
declare(
    "P011",
    "unknown-embed",
    "A `[[…]]` paragraph is not `[[witness]]`, `[[witness:region]]` or `[[demo]]`.",
)
declare(
    "P009",
    "unknown-region",
    "`[[witness:name]]` names a region that witness.py does not "
    "delimit with `# region: name` … `# endregion`.",
)

# Demos (emitted by the demo stage; D001… are the portability lint of demo/lint.py)
declare(
    "D100",
    "demo-load-error",
    "demo.py does not import, or its declaration is inconsistent (see docs/demos.md).",
)
declare(
    "D101",
    "bad-storyboard-state",
    "A storyboard frame's `state` names a control the demo "
    "does not have, or a value outside the control's range or options.",
)


def _declare_demo_lint() -> None:
    from continuous_function.demo.lint import LINT_CODES

    for code, (name, severity, doc) in LINT_CODES.items():
        declare(code, name, doc, Severity(severity))


_declare_demo_lint()
