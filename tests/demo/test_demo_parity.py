"""The same demo modules under MicroPython (WebAssembly, in Node) and CPython agree exactly.

Random states (controls, out-of-range and malformed values, predictions, reveals) go through
each demo's `handle` in both interpreters; the JSON of every (state, scene) must be identical.
This is what makes the server-rendered first frame and the browser's frames the same picture.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from continuous_function.demo import LIB_PATH, Demo, find_micropython, load_demo
from continuous_function.demo.loader import cfdemo

from .conftest import random_values

RUNNER = Path(__file__).with_name("mp_run.mjs")
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed (needed to run MicroPython)"
)

Event = list[Any]


def random_cases(demo: Demo, count: int, seed: int) -> list[list[Event]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        values = random_values(demo, rng)
        case: list[Event] = [["init", values]]
        for _ in range(rng.randint(0, 4)):
            c = rng.choice(demo.controls)
            roll = rng.random()
            if c.kind == "select":
                value: Any = rng.choice(c.options).id
            elif c.kind == "toggle":
                value = rng.choice([True, False, "on", None])
            elif roll < 0.5:  # what a range input sends: text
                value = str(round(rng.uniform(c.lo or 0.0, c.hi or 1.0), 2))
            elif roll < 0.8:
                value = rng.uniform((c.lo or 0.0) - 1, (c.hi or 1.0) + 1)  # clamped
            else:
                value = rng.choice(["abc", "", None, "1e999", True])  # refused
            case.append([c.id, value])
        if rng.random() < 0.8:
            case.append(["predict", rng.choice(demo.options).id])
        if rng.random() < 0.8:
            case.append(["reveal", None])
        cases.append(case)
    return cases


def cpython_results(demo: Demo, cases: list[list[Event]]) -> list[Any]:
    out = []
    for case in cases:
        state = scene = None
        for event, value in case:
            state, scene = demo.handle(state, event, value)
        out.append(json.loads(json.dumps({"state": state, "scene": scene})))
    return out


def cpython_steps(demo: Demo, cases: list[list[Event]]) -> list[Any]:
    lib = cfdemo()
    sys.modules["parity_step"] = demo.module
    out = []
    try:
        for case in cases:
            lib._LIVE.clear()
            lib._SENT.clear()
            out.append(json.loads(lib.step("parity_step", json.dumps(case))))
    finally:
        del sys.modules["parity_step"]
        lib._LIVE.clear()
        lib._SENT.clear()
    return out


def run_micropython(demos: dict[str, Demo], cases: dict[str, Any]) -> dict[str, Any]:
    runtime = find_micropython() / "micropython.mjs"
    args = [str(NODE), str(RUNNER), str(runtime), str(LIB_PATH)]
    args += [f"{name}={demo.path}" for name, demo in demos.items()]
    run = subprocess.run(
        args, input=json.dumps(cases), capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def first_difference(a: Any, b: Any, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
    return f"{path}: CPython {a!r} != MicroPython {b!r}"


ROOT = Path(__file__).resolve().parents[2]
CURRICULUM_DEMOS = sorted(ROOT.glob("curriculum/*/*/demo.py"))


def test_micropython_matches_cpython() -> None:
    """Every demo of the bundled curriculum: 300 random states for the flagship, 40 for others."""
    demos = {
        f"{p.parent.parent.name}__{p.parent.name}".replace("-", "_"): load_demo(p)
        for p in CURRICULUM_DEMOS
    }
    cases = {
        name: random_cases(demo, 300 if name == "calculus__derivatives" else 40, seed)
        for seed, (name, demo) in enumerate(demos.items())
    }
    steps = {name: cases[name][:25] for name in demos}
    got = run_micropython(demos, {"handle": cases, "step": steps})
    for name, demo in demos.items():
        expected = cpython_results(demo, cases[name])
        mismatches = [
            i for i, (e, g) in enumerate(zip(expected, got["handle"][name], strict=True)) if e != g
        ]
        if mismatches:
            i = mismatches[0]
            pytest.fail(
                f"{name}: {len(mismatches)} of {len(expected)} states differ; first, case "
                f"{cases[name][i]}: {first_difference(expected[i], got['handle'][name][i])}"
            )
        assert cpython_steps(demo, steps[name]) == got["step"][name]
