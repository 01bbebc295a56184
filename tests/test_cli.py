"""The `cfn` command as an author meets it: exit codes, formats, scaffolding, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from continuous_function.cli import app

CASES = Path(__file__).parent / "cases"
runner = CliRunner()


def test_check_reports_every_problem_without_traceback() -> None:
    result = runner.invoke(app, ["check", str(CASES / "objects")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.count(" O00") == 6
    assert "6 error(s), 0 warning(s)." in result.output, result.output


def test_check_clean_tree_exits_zero() -> None:
    result = runner.invoke(app, ["check", str(CASES / "valid")])
    assert result.exit_code == 0, result.output
    assert "No problems found." in result.output


def test_strict_fails_on_warnings() -> None:
    warn_only = CASES / "unused-reference"
    relaxed = runner.invoke(app, ["check", str(warn_only)])
    assert relaxed.exit_code == 0 and "0 error(s), 1 warning(s)." in relaxed.output
    assert runner.invoke(app, ["check", "--strict", str(warn_only)]).exit_code == 1


def test_json_format_is_machine_readable() -> None:
    result = runner.invoke(app, ["check", "--format", "json", str(CASES / "unknown-key")])
    data = json.loads(result.output)
    codes = [d["code"] for d in data["diagnostics"]]
    assert codes == ["S001", "S002", "S001"]
    assert data["diagnostics"][0]["hint"] == "did you mean 'prerequisites'?"


def test_missing_curriculum_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "Y002 missing curriculum.yaml" in result.output


def test_new_concept_passes_check(tmp_path: Path) -> None:
    tree = tmp_path / "curriculum"
    shutil.copytree(CASES / "valid", tree)
    result = runner.invoke(app, ["new", "calculus/taylor-series", str(tree)])
    assert result.exit_code == 0, result.output
    for name in ("concept.yaml", "page.md", "witness.py", "demo.py"):
        assert (tree / "calculus" / "taylor-series" / name).exists()
    check = runner.invoke(app, ["check", str(tree)])
    assert check.exit_code == 0, check.output
    again = runner.invoke(app, ["new", "calculus/taylor-series", str(tree)])
    assert again.exit_code == 1 and "already exists" in again.output


def test_new_refuses_unknown_domain(tmp_path: Path) -> None:
    tree = tmp_path / "curriculum"
    shutil.copytree(CASES / "valid", tree)
    result = runner.invoke(app, ["new", "calculs/taylor-series", str(tree)])
    assert result.exit_code == 1 and "no domain 'calculs'" in result.output


def test_module_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "continuous_function", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "check" in out.stdout
