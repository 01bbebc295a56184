"""The states where a demo once contradicted the math (issue 12), replayed through `handle`:
the learner's prediction, whether it must be marked right, and words the explanation must (or
must not) contain. The sweep test covers every state; these name the ones that were reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest

from continuous_function.demo import load_demo

ROOT = Path(__file__).resolve().parents[2]


class Case(NamedTuple):
    concept: str
    values: dict[str, Any]
    predict: str
    right: bool
    says: tuple[str, ...] = ()
    never: tuple[str, ...] = ()


CASES = {
    # a true sign is right even when the slopes are also nearly equal
    "derivatives-square-lower": Case(
        "calculus/derivatives",
        {"fn": "square", "x": 1.0, "h": 0.02},
        "lower",
        True,
        ("tangent is lower than the secant by 0.020", "are nearly equal"),
    ),
    "derivatives-square-equal": Case(
        "calculus/derivatives", {"fn": "square", "x": 1.0, "h": 0.02}, "equal", True
    ),
    "derivatives-square-higher": Case(
        "calculus/derivatives", {"fn": "square", "x": 1.0, "h": 0.02}, "higher", False
    ),
    "derivatives-sin-higher": Case(
        "calculus/derivatives", {"fn": "sin", "x": 1.0, "h": 0.01}, "higher", True
    ),
    "derivatives-sin-higher-0.03": Case(
        "calculus/derivatives", {"fn": "sin", "x": 1.0, "h": 0.03}, "higher", True
    ),
    # |f′| = 2 doubles the outer slope however small it is: no absolute floor
    "chain-rule-double-small-outer": Case(
        "calculus/chain-rule",
        {"inner": "double", "outer": "sin", "x": 0.79},
        "larger",
        True,
        ("|f′(x)| = 2.000 times", "above 1"),
    ),
    "chain-rule-double-small-outer-same": Case(
        "calculus/chain-rule", {"inner": "double", "outer": "sin", "x": 0.79}, "same", False
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_reported_state(name: str) -> None:
    case = CASES[name]
    demo = load_demo(ROOT / "curriculum" / case.concept / "demo.py")
    state, _ = demo.start(case.values)
    assert state["values"] == {**demo.spec.defaults(), **case.values}
    state, _ = demo.handle(state, "predict", case.predict)
    _, scene = demo.handle(state, "reveal")
    answer = scene["answer"]
    assert answer["correct"] is case.right, answer["verdict"]
    text = " ".join(answer["lines"])
    for words in case.says:
        assert words in text
    for words in case.never:
        assert words not in text
