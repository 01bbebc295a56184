"""The bundled atlas under mutation: every check of every published concept is proven able to
fail, and a check that cannot fail costs its claim the witness-verified badge."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from continuous_function.build import build
from continuous_function.cli import app
from continuous_function.execute import execute, witness_jobs
from continuous_function.model.loader import load_atlas
from continuous_function.model.schema import Status
from continuous_function.mutation import deep_check

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "witness"
runner = CliRunner()


def test_every_published_check_can_fail() -> None:
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    witnesses, _ = execute(atlas, CACHE)
    reports, diags = deep_check(atlas, witnesses, CACHE)
    published = {c.key for c in atlas.concepts() if c.meta.status is Status.published}
    for job in witness_jobs(atlas):
        if job.key in published:
            analysed = {s.name for s in reports[job.key].checks}
            assert analysed == set(job.checks), f"{job.key}: no mutation result for some checks"
    unproven = [
        d.format() for d in diags if d.code == "W004" and _concept(d.location.path) in published
    ]
    assert unproven == []


def _concept(witness: Path) -> str:
    return f"{witness.parent.parent.name}/{witness.parent.name}"


def test_a_claim_whose_check_cannot_fail_is_not_witness_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "curriculum"
    shutil.copytree(ROOT / "curriculum", tree)
    folder = tree / "calculus/derivatives"
    meta = (folder / "concept.yaml").read_text()
    claimed = re.search(r"check: (check_\w+)", meta)
    assert claimed is not None
    meta = meta.replace(claimed[0], "check: check_two_is_two", 1)
    (folder / "concept.yaml").write_text(meta)
    witness = folder / "witness.py"
    lines = witness.read_text().splitlines()
    witness.write_text(
        "\n".join([*lines, "", "", "def check_two_is_two():", "    assert 1 + 1 == 2", ""])
    )
    out = tmp_path / "site"
    result = build(tree, out, dev=True, cache_dir=CACHE, deep=True)
    [problem] = [d for d in result.diagnostics if d.code == "W004"]
    assert problem.severity == "error"  # it backs a claim on a published page
    assert problem.location.path == witness and problem.location.line == len(lines) + 3
    assert "check_two_is_two cannot fail" in problem.message
    html = (out / "calculus/derivatives/index.html").read_text()
    assert "<code>check_two_is_two</code> cannot fail" in html
    assert "Witness-verified: <code>check_two_is_two</code>" not in html
    # the same verdict from the command line (reports come from the cache now)
    monkeypatch.setenv("CFN_CACHE", str(CACHE.parent))
    deep = runner.invoke(app, ["check", "--deep", str(tree)])
    assert deep.exit_code == 1
    assert "check_two_is_two: CANNOT FAIL, killed 0 of 0 mutants" in deep.output
    assert "W004 check_two_is_two cannot fail" in deep.output
    claims = json.loads(runner.invoke(app, ["claims", "--format", "json", str(tree)]).output)
    [row] = [r for r in claims["mutation_scores"] if r["concept"] == "calculus/derivatives"]
    assert row["cannot_fail"] == ["check_two_is_two"] and row["killed"] > 0
    [item] = [i for i in claims["claims"] if "check cannot fail" in i["issues"]]
    assert item["concept"] == "calculus/derivatives"
