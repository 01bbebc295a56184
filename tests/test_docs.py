"""Reference docs are generated from code; these tests fail when they drift."""

from __future__ import annotations

from pathlib import Path

from continuous_function.validate.docs import rules_markdown
from continuous_function.validate.registry import RULES

ROOT = Path(__file__).resolve().parents[1]


def test_rules_doc_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `cfn rules --write docs/rules.md`"
    )


def test_every_rule_is_documented() -> None:
    undocumented = [code for code, rule in RULES.items() if len(rule.doc) < 20]
    assert undocumented == []
