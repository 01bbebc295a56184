"""The cache: what a warm build skips, what it recomputes, and what it never trusts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

import continuous_function.witness.run as run_module
from continuous_function.witness import (
    DemoRequest,
    WitnessJob,
    WitnessResult,
    WitnessWorker,
    cache_key,
    run_witnesses,
)
from continuous_function.witness.cache import imported_modules, library_versions


class _Counter:
    """How many jobs reached the worker, i.e. really ran (the jail keeps witnesses from leaving
    a mark outside, so the count is taken at the worker's door)."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(
        self, original: Callable[[Sequence[WitnessJob]], Iterator[WitnessResult]]
    ) -> Callable[[Sequence[WitnessJob]], Iterator[WitnessResult]]:
        def counted(jobs: Sequence[WitnessJob]) -> Iterator[WitnessResult]:
            self.n += len(jobs)
            return original(jobs)

        return counted


@pytest.fixture
def counter(worker: WitnessWorker, monkeypatch: pytest.MonkeyPatch) -> _Counter:
    counting = _Counter()
    monkeypatch.setattr(worker, "run", counting(worker.run))
    return counting


def _counting(
    counter: _Counter,
    key: str,
    body: str = "print('hello')\n",
    *,
    timeout: float = 5.0,
    checks: tuple[str, ...] = (),
) -> WitnessJob:
    path = Path(f"{key}/witness.py")
    return WitnessJob(key=key, path=path, source=body, timeout=timeout, checks=checks)


def _runs(counter: _Counter) -> int:
    return counter.n


def _no_worker(*args: object, **kwargs: object) -> WitnessWorker:
    raise AssertionError("a fully cached run must not start a worker")


def test_warm_run_executes_nothing(
    tmp_path: Path, worker: WitnessWorker, monkeypatch: pytest.MonkeyPatch, counter: _Counter
) -> None:
    jobs = [
        _counting(counter, "ok", checks=("check_a",), body="def check_a():\n    assert True\n"),
        _counting(counter, "fails", body="raise ValueError('same input, same failure')\n"),
    ]
    cold = run_witnesses(jobs, tmp_path / "cache", worker=worker)
    assert _runs(counter) == 2
    assert not any(r.cached for r in cold.values())
    monkeypatch.setattr(run_module, "WitnessWorker", _no_worker)
    warm = run_witnesses(jobs, tmp_path / "cache")
    assert _runs(counter) == 2
    assert all(r.cached for r in warm.values())
    assert list(warm) == ["ok", "fails"]
    for key in warm:
        assert warm[key].model_dump(exclude={"cached"}) == cold[key].model_dump(exclude={"cached"})


def test_changed_source_reruns_only_that_witness(
    tmp_path: Path, worker: WitnessWorker, counter: _Counter
) -> None:
    a, b = _counting(counter, "a"), _counting(counter, "b")
    run_witnesses([a, b], tmp_path / "cache", worker=worker)
    edited = b.model_copy(update={"source": b.source + "print('edited')\n"})
    results = run_witnesses([a, edited], tmp_path / "cache", worker=worker)
    assert _runs(counter) == 3
    assert results["a"].cached and not results["b"].cached
    assert results["b"].stdout == "hello\nedited\n"


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b'{"format": 1}', b'{"format": 999, "result": {}}', b"\xff\xfe"]
)
def test_corrupt_entry_is_recomputed(
    tmp_path: Path, worker: WitnessWorker, garbage: bytes, counter: _Counter
) -> None:
    job = _counting(counter, "w")
    entry = tmp_path / "cache" / f"{cache_key(job)}.json"
    entry.parent.mkdir()
    entry.write_bytes(garbage)
    result = run_witnesses([job], tmp_path / "cache", worker=worker)["w"]
    assert result.status == "ok" and not result.cached
    assert _runs(counter) == 1
    assert json.loads(entry.read_text())["result"]["stdout"] == "hello\n"  # repaired in place
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no temp files left


def test_entry_from_an_older_format_is_ignored(
    tmp_path: Path, worker: WitnessWorker, counter: _Counter
) -> None:
    job = _counting(counter, "w")
    run_witnesses([job], tmp_path / "cache", worker=worker)
    entry = tmp_path / "cache" / f"{cache_key(job)}.json"
    data = json.loads(entry.read_text())
    entry.write_text(json.dumps({**data, "format": 0}))
    assert not run_witnesses([job], tmp_path / "cache", worker=worker)["w"].cached
    assert _runs(counter) == 2


def test_timeouts_are_not_cached(tmp_path: Path, worker: WitnessWorker, counter: _Counter) -> None:
    job = _counting(counter, "slow", body="while True:\n    pass\n", timeout=0.3)
    for _ in range(2):
        result = run_witnesses([job], tmp_path / "cache", worker=worker)["slow"]
        assert result.status == "timeout" and not result.cached
    assert _runs(counter) == 2


def test_unwritable_cache_costs_time_not_the_build(tmp_path: Path, worker: WitnessWorker) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    job = WitnessJob(key="w", path=Path("w/witness.py"), source="print('hello')\n")
    result = run_witnesses([job], blocker, worker=worker)["w"]
    assert result.status == "ok"


def test_duplicate_keys_are_a_programming_error(tmp_path: Path) -> None:
    job = WitnessJob(key="same", path=Path("w.py"), source="")
    with pytest.raises(ValueError, match="repeated: same"):
        run_witnesses([job, job], tmp_path)


def test_key_covers_every_input() -> None:
    base = WitnessJob(key="k", path=Path("a/witness.py"), source="import numpy\n")
    variants = [
        base.model_copy(update={"source": "import numpy \n"}),
        base.model_copy(update={"checks": ("check_a",)}),
        base.model_copy(update={"timeout": 6.0}),
        base.model_copy(update={"memory_mb": 256}),
        base.model_copy(update={"max_output": 1}),
        base.model_copy(update={"wall_timeout": 99.0}),
        base.model_copy(update={"disk_mb": 1}),
        base.model_copy(update={"processes": 2}),
        base.model_copy(update={"demo": DemoRequest()}),
        base.model_copy(update={"demo": DemoRequest(frames=(({"h": 0.5}, "a frame"),))}),
        base.model_copy(update={"demo": DemoRequest(kernel=True)}),
        base.model_copy(update={"path": Path("b/witness.py")}),
    ]
    keys = {cache_key(v) for v in variants}
    assert cache_key(base) not in keys and len(keys) == len(variants)
    assert cache_key(base.model_copy(update={"key": "renamed"})) == cache_key(base)


def test_library_versions_follow_third_party_imports() -> None:
    source = (
        "import os, json\nfrom pydantic import BaseModel\nimport numpy.linalg\nfrom . import x\n"
    )
    assert imported_modules(source) == {"os", "json", "pydantic", "numpy"}
    versions = library_versions(source)
    assert set(versions) == {"numpy", "matplotlib", "pydantic"}
    assert versions["numpy"].startswith("numpy==")
    assert library_versions("import not_a_real_module_xyz\n")["not_a_real_module_xyz"] == "missing"
    assert set(library_versions("this is not python")) == {"numpy", "matplotlib"}
