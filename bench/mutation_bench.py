"""How long mutation testing of the bundled atlas takes (`cfn check --deep`). Prints numbers;
asserts nothing. The machine's load average is printed too: on a shared machine it dominates.

    .venv/bin/python bench/mutation_bench.py [--workers 2]

Rows:
  cold          every witness's mutants run (an empty report cache), warm worker included
  warm          the same call again: every report from the cache, nothing runs
  per concept   mutants, seconds and mutants per second of each witness in the cold run
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from continuous_function.execute import execute, witness_jobs
from continuous_function.model.loader import load_atlas
from continuous_function.mutation.analyse import analyse
from continuous_function.witness import WitnessWorker

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    witnesses, _ = execute(atlas, ROOT / ".cache" / "witness")
    jobs = witness_jobs(atlas)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp, WitnessWorker(workers=args.workers) as worker:
        per_concept = []
        start = time.perf_counter()
        for job in jobs:  # one at a time, to time each; a build sends them all in one batch
            t = time.perf_counter()
            report = analyse([job], witnesses, Path(tmp), worker=worker)[job.key]
            per_concept.append((job.key, len(report.mutants), time.perf_counter() - t))
        cold = time.perf_counter() - start
        start = time.perf_counter()
        analyse(jobs, witnesses, Path(tmp), worker=worker)
        warm = time.perf_counter() - start
    total = sum(n for _, n, _ in per_concept)
    print(f"cold: {total} mutants in {cold:.1f} s ({total / cold:.1f} mutants/s)")
    print(f"warm: {warm * 1000:.0f} ms (reports from the cache)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    for key, n, seconds in per_concept:
        print(f"  {key:<40} {n:>4} mutants {seconds:>7.1f} s {n / seconds:>6.1f}/s")


if __name__ == "__main__":
    main()
