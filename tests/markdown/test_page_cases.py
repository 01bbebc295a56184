"""Data-driven page tests: each folder in cases/ holds a page.md and what rendering it must give.

Adding a regression is adding a folder. `expected.json` keys (all optional except problems):
problems, sections, equations, embeds, headings (compared exactly); html_contains /
html_excludes (section id → substrings); plain_text_contains / plain_text_excludes.
Run with CFN_REGENERATE=1 to rewrite the `problems` lists from the current output, then review
the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from continuous_function.markdown import MathRenderer, RenderedPage, render_page

CASES = Path(__file__).parent / "cases"
CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "page.md").is_file())


def load(case: Path) -> dict[str, Any]:
    path = case / "expected.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"problems": []}


def dump(value: Any, depth: int = 0) -> str:
    """JSON with each flat object on one line, so a fixture diff shows one problem per line."""
    inner = "  " * (depth + 1)
    if (
        isinstance(value, dict)
        and value
        and any(isinstance(v, dict | list) for v in value.values())
    ):
        items = [f"{inner}{json.dumps(k)}: {dump(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}" + ("\n" if not depth else "")
    if isinstance(value, list) and value:
        items = [f"{inner}{dump(v, depth + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"
    return json.dumps(value, ensure_ascii=False)


def problems_of(page: RenderedPage) -> list[dict[str, Any]]:
    return [{"code": p.code, "line": p.line, "col": p.col} for p in page.problems]


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case: Path, math: MathRenderer) -> None:
    page = render_page((case / "page.md").read_text(encoding="utf-8"), math=math)
    expected = load(case)

    if os.environ.get("CFN_REGENERATE"):
        says = {(p["code"], p["line"], p["col"]): p.get("says") for p in expected["problems"]}
        expected["problems"] = [
            {**p, "says": says[at]} if says.get(at := (p["code"], p["line"], p["col"])) else p
            for p in problems_of(page)
        ]
        (case / "expected.json").write_text(dump(expected), encoding="utf-8")

    assert problems_of(page) == [
        {k: p[k] for k in ("code", "line", "col")} for p in expected["problems"]
    ]
    for want, got in zip(expected["problems"], page.problems, strict=True):
        for fragment in [want["says"]] if "says" in want else []:
            assert fragment in got.message, got
    for key in ("sections", "equations", "embeds", "headings"):
        if key in expected:
            got_items = [dataclasses.asdict(item) for item in getattr(page, key)]
            if key == "sections":
                got_items = [{k: s[k] for k in ("id", "title", "line")} for s in got_items]
            assert got_items == expected[key]
    html = {section.id: section.html for section in page.sections}
    for section_id, fragments in expected.get("html_contains", {}).items():
        for fragment in fragments:
            assert fragment in html[section_id], f"{section_id}: missing {fragment!r}"
    for section_id, fragments in expected.get("html_excludes", {}).items():
        for fragment in fragments:
            assert fragment not in html[section_id], f"{section_id}: unexpected {fragment!r}"
    for fragment in expected.get("plain_text_contains", []):
        assert fragment in page.plain_text
    for fragment in expected.get("plain_text_excludes", []):
        assert fragment not in page.plain_text


def test_every_problem_code_has_a_case() -> None:
    from continuous_function.markdown.problems import CODES, UNKNOWN_REGION

    covered = {p["code"] for case in CASE_DIRS for p in load(case)["problems"]}
    assert covered == {code.code for code in CODES if code is not UNKNOWN_REGION}


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_html_is_safe(
    case: Path, math: MathRenderer, unsafe_parts: Callable[[str], list[str]]
) -> None:
    """Whatever the page says, no section can carry script, handlers, unsafe URLs, or style
    attributes of our own (only KaTeX's layout may use them)."""
    page = render_page((case / "page.md").read_text(encoding="utf-8"), math=math)
    for section in page.sections:
        assert unsafe_parts(section.html) == [], f"{case.name}/{section.id}"
