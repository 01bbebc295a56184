"""The one call the build makes: cached results where they exist, a warm worker for the rest."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from continuous_function.witness import cache
from continuous_function.witness.job import WitnessJob, WitnessResult
from continuous_function.witness.pool import WitnessWorker


def run_witnesses(
    jobs: Iterable[WitnessJob],
    cache_dir: Path,
    *,
    workers: int = 2,
    worker: WitnessWorker | None = None,
) -> dict[str, WitnessResult]:
    """Results by job key, in job order. Never raises for a failing witness.

    Only jobs without a cache entry run; if there are none, no worker process is started.
    Pass `worker` to reuse one across calls (the dev server's rebuild loop); otherwise one is
    started for this call and stopped before returning.
    """
    jobs = list(jobs)
    keys = [job.key for job in jobs]
    if len(set(keys)) != len(keys):
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        raise ValueError(f"witness job keys must be unique; repeated: {', '.join(duplicates)}")
    results: dict[str, WitnessResult] = {}
    cache_keys = {job.key: cache.cache_key(job) for job in jobs}
    missing = []
    for job in jobs:
        hit = cache.load(cache_dir, cache_keys[job.key])
        if hit is None:
            missing.append(job)
        else:
            results[job.key] = hit.model_copy(update={"key": job.key, "cached": True})
    if missing:
        own = worker is None
        active = worker or WitnessWorker(workers=min(workers, len(missing)))
        try:
            for result in active.run(missing):
                cache.store(cache_dir, cache_keys[result.key], result)
                results[result.key] = result
        finally:
            if own:
                active.close()
    return {key: results[key] for key in keys}
