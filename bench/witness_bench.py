"""How much a witness costs to run: the forking worker against a fresh interpreter per witness,
and a warm (fully cached) build. Prints numbers; asserts nothing.

    .venv/bin/python bench/witness_bench.py [--n 20]

Rows:
  worker start        start the warm worker and get the first (empty) witness back
  fork  (w=1, w=2)    N witnesses through the warm worker, 1 or 2 at a time (start excluded)
  fork, no jail       the same without the bubblewrap jail and per-witness namespaces (what
                      a machine without bwrap runs; the jail's cost is the difference)
  spawn (w=1, w=2)    the same sandbox, but a fresh `python` (numpy + pyplot imports) per witness
  bare python         `python witness.py` per witness, no sandbox at all: the naive baseline
  run_witnesses cold  the build's call with an empty cache (worker start included)
  run_witnesses warm  the same call again: every result from the cache, nothing runs
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from continuous_function.witness import WitnessJob, WitnessResult, WitnessWorker, run_witnesses

WITNESS = """\
import numpy as np

# witness {i}: finite differences against the exact derivative
x = np.linspace(0.0, 2.0 * np.pi, 200)
h = 1e-5
forward = (np.sin(x + h) - np.sin(x)) / h
error = np.max(np.abs(forward - np.cos(x)))
print("witness {i}: max error", f"{{error:.2e}}")


def check_error_small():
    assert error < 1e-4, error
"""


def jobs(n: int, root: Path) -> list[WitnessJob]:
    out = []
    for i in range(n):
        path = root / f"w{i:03d}" / "witness.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        source = WITNESS.format(i=i)
        path.write_text(source)
        # A long timeout: in spawn mode the clock includes interpreter start-up, which on a
        # loaded 2-core machine can alone exceed the default 5 s.
        checks = ("check_error_small",)
        out.append(WitnessJob(key=f"w{i}", path=path, source=source, checks=checks, timeout=60))
    return out


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def through_worker(batch: list[WitnessJob], **options: object) -> tuple[float, float, list[float]]:
    """(start-up s, batch s, per-witness durations measured by the worker)."""
    results: list[WitnessResult] = []
    started = time.perf_counter()
    with WitnessWorker(**options) as worker:  # type: ignore[arg-type]
        warmup = WitnessJob(key="warmup", path=Path("warmup.py"), source="pass\n")
        list(worker.run([warmup]))
        ready = time.perf_counter()
        results = list(worker.run(batch))
        done = time.perf_counter()
    bad = [f"{r.key}: {r.status} {r.error}" for r in results if not r.passed]
    if bad:
        sys.exit(f"witnesses failed in {options}:\n" + "\n".join(bad))
    return ready - started, done - ready, [r.duration_s for r in results]


def bare_python(batch: list[WitnessJob]) -> float:
    def run_all() -> None:
        for job in batch:
            subprocess.run([sys.executable, str(job.path)], check=True, capture_output=True)

    return timed(run_all)


def row(name: str, total: float, n: int, note: str = "") -> None:
    per = total / n * 1000
    print(f"  {name:<22} {total:8.3f} s   {per:8.1f} ms/witness   {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="number of witnesses (default 20)")
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        batch = jobs(n, Path(tmp))
        print(
            f"{n} small numpy witnesses (module + one check each), Python {sys.version.split()[0]}"
        )

        start, total, durations = through_worker(batch, workers=1)
        print(f"  {'worker start':<22} {start:8.3f} s")
        row("fork  (w=1)", total, n, f"child median {statistics.median(durations) * 1000:.1f} ms")
        _, total, _ = through_worker(batch, workers=2)
        row("fork  (w=2)", total, n)
        start, total, durations = through_worker(batch, workers=1, jail=False)
        note = f"child median {statistics.median(durations) * 1000:.1f} ms, start {start:.3f} s"
        row("fork, no jail (w=1)", total, n, note)
        _, total, durations = through_worker(batch, workers=1, mode="spawn")
        row("spawn (w=1)", total, n, f"child median {statistics.median(durations) * 1000:.1f} ms")
        _, total, _ = through_worker(batch, workers=2, mode="spawn")
        row("spawn (w=2)", total, n)
        row("bare python (serial)", bare_python(batch), n, "no sandbox, no capture of figures")

        cache_dir = Path(tmp) / "cache"
        cold = timed(lambda: run_witnesses(batch, cache_dir, workers=2))
        row("run_witnesses cold", cold, n, "workers=2, includes worker start")
        results: dict[str, WitnessResult] = {}
        warm = timed(lambda: results.update(run_witnesses(batch, cache_dir, workers=2)))
        assert all(r.cached for r in results.values())
        row("run_witnesses warm", warm, n, "all cached, no worker started")


if __name__ == "__main__":
    main()
