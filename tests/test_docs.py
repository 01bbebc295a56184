"""Reference docs are generated from code; these tests fail when they drift."""

from __future__ import annotations

from pathlib import Path

from continuous_function.validate.docs import TABLES, all_codes, rules_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_rules_doc_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `cfn rules --write docs/rules.md`"
    )


def test_every_rule_is_documented() -> None:
    undocumented = [c.code for c in all_codes() if len(c.doc) < 20]
    assert undocumented == []


def test_no_code_is_declared_by_two_stages() -> None:
    owners: dict[str, list[str]] = {}
    for table in TABLES:
        for c in table:
            owners.setdefault(c.code, []).append(table.stage)
    assert {code: stages for code, stages in owners.items() if len(stages) > 1} == {}


def test_content_reference_is_current() -> None:
    from continuous_function.model.docs import MARKER, schema_markdown

    text = (ROOT / "docs" / "content.md").read_text(encoding="utf-8")
    assert text.split(MARKER, 1)[1].strip() == schema_markdown().strip(), (
        "docs/content.md is stale: run `cfn schema --write docs/content.md`"
    )


def test_every_schema_field_is_documented() -> None:
    from pydantic import BaseModel

    from continuous_function.model import schema

    models = [
        m
        for m in vars(schema).values()
        if isinstance(m, type)
        and issubclass(m, BaseModel)
        and m is not schema.Strict
        and m is not BaseModel
    ]
    missing = [
        f"{m.__name__}.{n}" for m in models for n, f in m.model_fields.items() if not f.description
    ]
    assert missing == []
