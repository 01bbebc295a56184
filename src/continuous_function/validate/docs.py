"""docs/rules.md is generated from every stage's code table, so the documentation cannot drift
from the code."""

from __future__ import annotations

from continuous_function.demo.codes import CODES as DEMO_CODES
from continuous_function.diagnostics import Code, CodeTable
from continuous_function.markdown.problems import CODES as PAGE_CODES
from continuous_function.model.codes import CODES as LOAD_CODES
from continuous_function.mutation.codes import CODES as DEEP_CODES
from continuous_function.validate import rules as _rules  # noqa: F401  (registers the rules)
from continuous_function.validate.registry import RULES
from continuous_function.witness.codes import CODES as WITNESS_CODES

TABLES: tuple[CodeTable, ...] = (
    LOAD_CODES,
    RULES,
    PAGE_CODES,
    WITNESS_CODES,
    DEEP_CODES,
    DEMO_CODES,
)
"""Every stage's codes, in pipeline order."""

HEADER = """\
# Check codes

Generated from every stage's code table by `cfn rules --write docs/rules.md`; a test fails
when this page is out of date. Every problem `cfn check` prints has the form
`path:line:col: CODE message (fix)`. Errors fail `cfn check`; warnings fail it only with
`--strict`.

| code | name | severity | what it means |
|---|---|---|---|
"""


def all_codes() -> list[Code]:
    """Every code any stage emits, sorted by code."""
    return sorted((c for table in TABLES for c in table), key=lambda c: c.code)


def rules_markdown() -> str:
    rows = []
    for c in all_codes():
        doc = c.doc.replace("|", "\\|")
        rows.append(f"| `{c.code}` | {c.name} | {c.severity} | {doc} |")
    return HEADER + "\n".join(rows) + "\n"
