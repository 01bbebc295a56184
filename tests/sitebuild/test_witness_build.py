"""Witnesses in the build: real output on the page, checks that fail the build, and witnesses
that misbehave failing cleanly with the file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from continuous_function.build import build

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "witness"
WITNESS = "calculus/derivatives/witness.py"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(ROOT / "curriculum", root)
    return root


def _errors(root: Path) -> list[str]:
    return [
        d.format() for d in build(root, None, cache_dir=CACHE).diagnostics if d.severity == "error"
    ]


def test_page_shows_the_witness_output_it_really_printed(built_site: Path) -> None:
    html = (built_site / "calculus/derivatives/index.html").read_text()
    output = re.search(r'<pre class="witness-output"[^>]*><samp>(.*?)</samp>', html, re.S)
    assert output is not None
    assert "0.540302" in output.group(1)  # cos(1), the true slope the table converges to


def test_wrong_check_fails_with_claim_message_and_line(tree: Path) -> None:
    witness = tree / WITNESS
    source = witness.read_text()
    lines = source.splitlines()
    target = next(i for i, line in enumerate(lines) if "def check_secant_slope_converges" in line)
    lines.insert(target + 1, '    assert False, "secant should equal 2*cos(x0)"')
    witness.write_text("\n".join(lines) + "\n")
    [error] = _errors(tree)
    assert " W002 " in error and "secant should equal 2*cos(x0)" in error
    assert f"witness.py:{target + 2}" in error
    assert re.search(r"claim '[a-z-]+'", error)
    witness.write_text(source)
    assert _errors(tree) == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("while True:\n    pass\n", "W003"),
        ("import sys\nsys.stdout.write('x' * 100_000_000)\n", "W003"),
        ("import socket\nsocket.create_connection(('93.184.216.34', 80), timeout=2)\n", "network"),
    ],
)
def test_misbehaving_witness_fails_cleanly(tree: Path, code: str, expected: str) -> None:
    witness = tree / "calculus/functions/witness.py"
    witness.write_text(witness.read_text() + "\n" + code)
    errors = _errors(tree)
    assert errors and all("calculus/functions/" in e for e in errors)
    assert any(expected in e for e in errors), errors


def test_serve_shows_the_traceback_on_the_page(tree: Path, tmp_path: Path) -> None:
    witness = tree / WITNESS
    witness.write_text(witness.read_text() + "\nraise RuntimeError('deliberate failure')\n")
    out = tmp_path / "site"
    assert build(tree, out, dev=True, cache_dir=CACHE).written
    html = (out / "calculus/derivatives/index.html").read_text()
    assert "This page has content errors" in html and "W001" in html
    assert 'class="witness-error"' in html and "deliberate failure" in html
