"""Each folder in cases/ is a witness.py and what mutation analysis must find (expected.json).

expected.json: `checks` maps a check to `can_fail` and optional bounds (`mutants`, `mutants_min`,
`crashed_min`, `score_min`); top level: `pruned`, `score_min` (the witness's score),
`statuses_include` (how some mutant ended) and `not_analysed` (checks left out because they
fail unmutated). Adding a regression is adding a folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from continuous_function.mutation import MutationReport
from continuous_function.mutation.analyse import analyse
from continuous_function.witness import WitnessJob, WitnessWorker

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.json").is_file())


def _job(name: str) -> WitnessJob:
    source = (CASES / name / "witness.py").read_text()
    checks = tuple(
        line.split("(")[0].removeprefix("def ")
        for line in source.splitlines()
        if line.startswith("def check_")
    )
    return WitnessJob(key=name, path=Path(name) / "witness.py", source=source, checks=checks)


@pytest.fixture(scope="module")
def reports(
    worker: WitnessWorker, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, MutationReport]:
    """Every case in one batch through one worker, the way `cfn check --deep` runs them."""
    jobs = [_job(n) for n in NAMES]
    baselines = {r.key: r for r in worker.run(jobs)}
    return analyse(jobs, baselines, tmp_path_factory.mktemp("cache"), worker=worker)


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str, reports: dict[str, MutationReport]) -> None:
    spec: dict[str, Any] = json.loads((CASES / name / "expected.json").read_text())
    report = reports[name]
    if "pruned" in spec:
        assert report.pruned is spec["pruned"]
    if "score_min" in spec:
        assert report.score is not None and report.score >= spec["score_min"]
    statuses = {m.status for m in report.mutants}
    assert set(spec.get("statuses_include", [])) <= statuses, statuses
    analysed = {c.name for c in report.checks}
    assert analysed.isdisjoint(spec.get("not_analysed", [])), analysed
    for check, want in spec["checks"].items():
        score = report.check(check)
        assert score is not None, f"{check} not analysed: {analysed}"
        assert score.can_fail is want["can_fail"], score
        if "mutants" in want:
            assert score.mutants == want["mutants"], score
        assert score.mutants >= want.get("mutants_min", 0), score
        assert score.crashed >= want.get("crashed_min", 0), score
        if "score_min" in want:
            assert score.score is not None and score.score >= want["score_min"], score


def test_second_run_comes_from_the_cache(worker: WitnessWorker, tmp_path: Path) -> None:
    jobs = [_job("real_check")]
    baselines = {r.key: r for r in worker.run(jobs)}
    first = analyse(jobs, baselines, tmp_path, worker=worker)
    assert list((tmp_path / "mutation").glob("*.json"))
    again = analyse(jobs, {}, tmp_path, worker=worker)  # no baseline needed: nothing runs
    assert again == first
