"""Each folder in cases/ is a witness.py and the result it must produce (expected.json).

expected.json: optional job fields (`checks`, `timeout`, `wall_timeout`, `memory_mb`, `max_output`,
`disk_mb`) and an
`expect` object. Plain keys must equal the result's field; `*_contains` / `*_excludes` are
substrings, `*_in` alternatives, `*_length` string lengths; `figures` counts figures;
`max_duration_s` bounds how long the call took. Adding a regression is adding a folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from continuous_function.witness import WitnessJob, WitnessResult, WitnessWorker, run_witnesses

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.json").is_file())
JOB_FIELDS = ("checks", "timeout", "wall_timeout", "memory_mb", "max_output", "disk_mb")


def _spec(name: str) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads((CASES / name / "expected.json").read_text())
    return spec


def _job(name: str) -> WitnessJob:
    spec = _spec(name)
    fields = {k: spec[k] for k in JOB_FIELDS if k in spec}
    path = Path("cases") / name / "witness.py"
    return WitnessJob(
        key=name, path=path, source=(CASES / name / "witness.py").read_text(), **fields
    )


@pytest.fixture(scope="module")
def results(
    worker: WitnessWorker, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, WitnessResult]:
    """All cases in one batch through one worker, the way a build runs them."""
    cache_dir = tmp_path_factory.mktemp("witness-cache")
    return run_witnesses([_job(n) for n in NAMES], cache_dir, worker=worker)


def _match(actual: Any, expected: dict[str, Any], where: str) -> None:
    for key, want in expected.items():
        if key.endswith("_contains"):
            got = actual[key.removesuffix("_contains")]
            for part in [want] if isinstance(want, str) else want:
                assert part in got, f"{where}.{key}: {part!r} not in {got!r}"
        elif key.endswith("_excludes"):
            got = actual[key.removesuffix("_excludes")]
            for part in want:
                assert part not in got, f"{where}.{key}: {part!r} in {got!r}"
        elif key.endswith("_in"):
            got = actual[key.removesuffix("_in")]
            assert got in want, f"{where}.{key}: {got!r} not one of {want!r}"
        elif key.endswith("_length"):
            got = actual[key.removesuffix("_length")]
            assert len(got) == want, f"{where}.{key}: {len(got)} != {want}"
        elif isinstance(want, dict):
            assert actual[key] is not None, f"{where}.{key} is None"
            _match(actual[key], want, f"{where}.{key}")
        elif isinstance(want, list) and key == "checks":
            assert [c["name"] for c in actual[key]] == [c["name"] for c in want]
            for got_check, want_check in zip(actual[key], want, strict=True):
                _match(got_check, want_check, f"{where}.{got_check['name']}")
        else:
            assert actual[key] == want, f"{where}.{key}: {actual[key]!r} != {want!r}"


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str, results: dict[str, WitnessResult]) -> None:
    expect = dict(_spec(name)["expect"])
    result = results[name]
    actual = result.model_dump(mode="json")
    if "figures" in expect:
        assert len(result.figures) == expect.pop("figures")
    for key in ("figure_contains", "figure_excludes"):
        if key in expect:
            _match({"figure": "".join(result.figures)}, {key: expect.pop(key)}, name)
    if "max_duration_s" in expect:
        assert result.duration_s <= expect.pop("max_duration_s")
    _match(actual, expect, name)
    assert not result.cached
    assert result.isolation in ("jail", "netns", "userns", "guard")


def test_every_case_has_expectations() -> None:
    folders = sorted(p.name for p in CASES.iterdir() if p.is_dir())
    assert folders == NAMES, "a case folder without expected.json is never run"
