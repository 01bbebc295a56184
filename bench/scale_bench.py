"""The build at scale: cold, warm and one-edit builds of a synthetic 1,000-concept atlas, with
the peak memory of the whole process tree (issue 11).

    .venv/bin/python bench/scale_bench.py [--concepts 1000] [--shared-witnesses]

The atlas comes from `bench/synth_atlas.py` (every concept written: page, witness, demo, no two
files alike). The three builds run one after another in one child process, the way an author's
session would, with one BuildCache: cold (empty witness cache, no previous site), warm (the same
inputs again) and one edit (a sentence appended to one page.md); then "new cache", the same
inputs with a fresh BuildCache (what a second one-shot `cfn build` pays: only witness results
persist on disk). Meanwhile this process
samples the resident memory of that child and every process under it (the witness worker and its
forked children, graphviz) every 20 ms, and reports the largest sums seen in each phase, of RSS
and of PSS (shared pages split between the processes sharing them).

Targets on the 2-core machine (issue 11): cold ≤ 90 s, warm ≤ 6 s, one edit ≤ 1 s, peak RSS ≤
600 MB. Prints numbers; asserts nothing. Stage times come from `build()`'s progress messages.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth_atlas import synthesize  # bench/ is on sys.path when this script runs

SAMPLE_S = 0.02

CHILD = r"""
import json, sys, time
from pathlib import Path
from continuous_function.build import build
from continuous_function.cache import BuildCache

root, out, cache, edit = (Path(p) for p in sys.argv[1:5])

def say(event, **data):
    print(json.dumps({"event": event, "t": time.perf_counter(), **data}), flush=True)

def run(phase, memo):
    say("start", phase=phase)
    result = build(root, out, cache=memo, progress=lambda stage: say("stage", stage=stage))
    errors = [str(d) for d in result.diagnostics if d.severity.value == "error"]
    say("end", phase=phase, rendered=len(result.rendered), witnesses=result.witnesses_run,
        written=result.written, errors=errors[:3], n_errors=len(errors))

# One BuildCache for the three builds, as a long-running process (cfn serve) keeps it.
with BuildCache(cache) as memo:
    run("cold", memo)
    run("warm", memo)
    edit.write_text(edit.read_text() + "\nAn edit.\n")
    run("one edit", memo)
# A one-shot `cfn build` of the same inputs: a fresh BuildCache, only the witness results on disk.
with BuildCache(cache) as fresh:
    run("new cache", fresh)
"""


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of `pid` and all its descendants, summed. RSS counts a page shared by
    several processes (a forked worker's copy-on-write memory, shared libraries) once per
    process; PSS splits it between them, so the PSS sum is what the tree really holds."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    name, _, value = line.partition(":")
                    if name in ("Rss", "Pss"):
                        kib = int(value.split()[0]) * 1024
                        rss, pss = (rss + kib, pss) if name == "Rss" else (rss, pss + kib)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return rss, pss


def run_builds(root: Path, work: Path) -> list[dict[str, object]]:
    edit = sorted(root.glob("*/*/page.md"))[0]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root), str(work / "site"), str(work / "cache"), edit],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    phases: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    stage: tuple[str, float] | None = None
    peak = (0, 0)
    while True:
        for _ in selector.select(SAMPLE_S):
            line = child.stdout.readline()
            if not line:
                child.wait()
                return phases
            event = json.loads(line)
            if event["event"] == "start":
                current = {"phase": event["phase"], "start": event["t"], "stages": {}}
                peak, stage = (0, 0), None
            elif current is not None:
                stages: dict[str, float] = current["stages"]  # type: ignore[assignment]
                if stage is not None:
                    stages[stage[0]] = event["t"] - stage[1]
                stage = (event["stage"], event["t"]) if event["event"] == "stage" else None
                if event["event"] == "end":
                    current |= {k: v for k, v in event.items() if k not in {"event", "t"}}
                    current["seconds"] = event["t"] - float(current["start"])  # type: ignore[arg-type]
                    current["peak"] = _max(peak, tree_memory(child.pid))
                    phases.append(current)
                    current = None
        peak = _max(peak, tree_memory(child.pid))


def _max(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return max(a[0], b[0]), max(a[1], b[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--shared-witnesses", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        synthesize(work / "curriculum", args.concepts, shared_witnesses=args.shared_witnesses)
        print(f"synthetic atlas: {args.concepts} concepts in {time.perf_counter() - t:.1f} s")
        phases = run_builds(work / "curriculum", work)
    print(f"load average {os.getloadavg()[0]:.2f} (the machine is shared: numbers are under load)")
    print(
        f"{'':9} {'seconds':>8} {'peak RSS':>9} {'PSS':>7} {'rendered':>8} {'witnesses':>9}"
        "   stages (s)"
    )
    for p in phases:
        stages = "  ".join(f"{k} {v:.2f}" for k, v in p["stages"].items())  # type: ignore[attr-defined]
        print(
            f"{p['phase']:9} {p['seconds']:8.2f} {p['peak'][0] / 2**20:7.0f}MB "  # type: ignore[index]
            f"{p['peak'][1] / 2**20:5.0f}MB "  # type: ignore[index]
            f"{p['rendered']:8} {p['witnesses']:9}   {stages}"
        )
        if p["n_errors"]:
            print(f"          {p['n_errors']} errors, e.g. {p['errors']}")


if __name__ == "__main__":
    main()
