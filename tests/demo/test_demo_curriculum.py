"""Every demo of the bundled curriculum, in CPython: it loads, lints clean, gates the reveal,
computes an answer from its state, hides it when a control moves, and its storyboard is valid.

The flagship demos also have their own numeric tests (test_demo_derivatives.py, …); this file
holds the contract every demo must meet, so a new demo is covered by adding its folder.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from continuous_function.demo import Demo, check_storyboard, lint_demo, load_demo
from continuous_function.model.loader import load_atlas

from .conftest import random_values

ROOT = Path(__file__).resolve().parents[2]
DEMOS = sorted(ROOT.glob("curriculum/*/*/demo.py"))
IDS = [f"{p.parent.parent.name}/{p.parent.name}" for p in DEMOS]


@pytest.fixture(scope="module")
def storyboards() -> dict[str, list[tuple[dict[str, Any], str]]]:
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    return {c.key: [(f.state, f.caption) for f in c.meta.storyboard] for c in atlas.concepts()}


def _other_value(demo: Demo, state: dict[str, Any]) -> tuple[str, Any]:
    """A control and a different valid value for it."""
    for control in demo.controls:
        current = state["values"][control.id]
        if control.kind == "select":
            return control.id, next(o.id for o in control.options if o.id != current)
        if control.kind == "toggle":
            return control.id, not current
        assert control.lo is not None and control.hi is not None
        mid = (control.lo + control.hi) / 2
        return control.id, control.lo if abs(current - control.lo) > abs(
            current - mid
        ) / 2 else control.hi
    raise AssertionError("a demo needs at least one control")


@pytest.mark.parametrize("path", DEMOS, ids=IDS)
def test_demo_contract(
    path: Path,
    storyboards: dict[str, list[tuple[dict[str, Any], str]]],
) -> None:
    assert [p for p in lint_demo(path) if p.severity == "error"] == []
    demo = load_demo(path)
    assert demo.task and len(demo.options) >= 2
    state, scene = demo.start()
    assert state["prediction"] is None and not state["revealed"] and scene["answer"] is None
    assert scene["shapes"], "the first frame draws something"

    refused, scene = demo.handle(state, "reveal")
    assert refused["revealed"] is False and scene["answer"] is None and scene["message"]

    computed = demo.spec.answer_for(state["values"], demo.spec.derived(state["values"])).option
    assert computed in {o.id for o in demo.options}
    wrong = next(o.id for o in demo.options if o.id != computed)
    for choice, correct in ((computed, True), (wrong, False)):
        s, _ = demo.handle(state, "predict", choice)
        s, scene = demo.handle(s, "reveal")
        assert s["revealed"] and scene["answer"]["option"] == computed
        assert scene["answer"]["correct"] is correct

    control, value = _other_value(demo, state)
    moved, scene = demo.handle(s, control, value)
    assert moved["revealed"] is False and scene["answer"] is None

    frames = storyboards[demo.key]
    assert len(frames) >= 3 and check_storyboard(demo, frames) == []


@pytest.mark.parametrize("path", DEMOS, ids=IDS)
def test_answers_vary_with_the_state(path: Path) -> None:
    """Over random states the computed answer takes at least two options: it is not canned."""
    demo = load_demo(path)
    rng = random.Random(0)
    seen = set()
    for _ in range(300):
        state, _ = demo.start(random_values(demo, rng))
        seen.add(demo.spec.answer_for(state["values"], demo.spec.derived(state["values"])).option)
    assert len(seen) >= 2, seen
