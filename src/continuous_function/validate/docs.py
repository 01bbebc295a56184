"""docs/rules.md is generated from the registry so the documentation cannot drift from the code."""

from __future__ import annotations

from continuous_function.validate import codes as _codes  # noqa: F401
from continuous_function.validate import rules as _rules  # noqa: F401
from continuous_function.validate.registry import RULES

HEADER = """\
# Check codes

Generated from the rule registry by `cfn rules --write docs/rules.md`; a test fails when this
page is out of date. Every problem `cfn check` prints has the form
`path:line:col: CODE message (fix)`. Errors fail `cfn check`; warnings fail it only with
`--strict`.

| code | name | severity | what it means |
|---|---|---|---|
"""


def rules_markdown() -> str:
    rows = []
    for r in sorted(RULES.values(), key=lambda r: r.code):
        doc = r.doc.replace("|", "\\|")
        rows.append(f"| `{r.code}` | {r.name} | {r.severity} | {doc} |")
    return HEADER + "\n".join(rows) + "\n"
