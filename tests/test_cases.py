"""Each folder in tests/cases is a curriculum; expected.txt lists exactly what `cfn check` prints.

Adding a regression is adding a folder. Regenerate after an intended change with
`CFN_REGEN=1 pytest tests/test_cases.py` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from continuous_function.validate.pipeline import check_tree

CASES = Path(__file__).parent / "cases"


def _render(case: Path) -> list[str]:
    lines = []
    for d in check_tree(case):
        rel = d.location.path.relative_to(case.resolve())
        lines.append(f"{rel}:{d.location.line}:{d.location.col}: " + d.format().split(": ", 1)[1])
    return lines


NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("."))


@pytest.mark.parametrize("case", NAMES)
def test_case(case: str) -> None:
    folder = CASES / case
    expected_file = folder / "expected.txt"
    got = _render(folder)
    if os.environ.get("CFN_REGEN"):
        expected_file.write_text("".join(f"{line}\n" for line in got), encoding="utf-8")
    expected = [line for line in expected_file.read_text(encoding="utf-8").splitlines() if line]
    assert got == expected


def test_every_atlas_rule_has_a_case() -> None:
    """A rule no fixture triggers is a rule nobody has seen fire."""
    from continuous_function.validate.registry import CHECKS

    seen = {
        line.split(": ")[1].split()[0]
        for f in CASES.glob("*/expected.txt")
        for line in f.read_text().splitlines()
        if line
    }
    untested = sorted(code for code in CHECKS if code not in seen)
    assert untested == []
