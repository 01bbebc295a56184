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
    # v₁ ∥ v₂ with v₃ off their line: rank 2, not 1
    "linear-independence-parallel-plus-third": Case(
        "linear-algebra/linear-independence",
        {"ang1": 20.0, "ang2": -160.0, "len2": 2.0, "third": True, "ang3": 160.0},
        "dependent",
        True,
        ("so the rank is 2",),
        ("rank is 1",),
    ),
    # "settles" means inside for good, not inside at step 60
    "sgd-momentum-0.95-0.05": Case(
        "optimization/sgd-momentum",
        {"beta": 0.95, "eta": 0.05},
        "more",
        True,
        ("for good at step 74", "leaves it again"),
    ),
    "sgd-momentum-0.95-0.055": Case(
        "optimization/sgd-momentum", {"beta": 0.95, "eta": 0.055}, "more", True, ("step 82",)
    ),
    "sgd-momentum-0.95-0.08": Case(
        "optimization/sgd-momentum", {"beta": 0.95, "eta": 0.08}, "more", True, ("step 79",)
    ),
    # with a floor, linear decay ends above 1/√t
    "learning-rate-schedules-rsqrt-floor": Case(
        "optimization/learning-rate-schedules",
        {"shape": "rsqrt", "warmup": 10.0, "floor": 0.5, "t": 900.0},
        "lower",
        True,
        ("gives 0.105 of the peak, linear 0.551", "(below it)"),
        ("sits above",),
    ),
    # at b = 2 a direction 40° from the x-axis still curves up
    "loss-landscapes-b2-40deg": Case(
        "optimization/loss-landscapes",
        {"point": "saddle", "b": 2.0, "angle": 40.0},
        "up",
        True,
        ("at a = 40° it curves up",),
        ("closer to the x-axis",),
    ),
    # found by the sweep: a tolerance band marked the true side wrong
    "functions-square-just-lower": Case(
        "calculus/functions",
        {"fn": "square", "x": 1.0, "a": 0.01},
        "lower",
        True,
        ("g(x) is lower than f(x) by 0.020",),
    ),
    "basis-and-span-small-positive-c1": Case(
        "linear-algebra/basis-and-span",
        {"ang1": 0.0, "ang2": 60.0, "x1": 1.0, "x2": 1.7},
        "positive",
        True,
        ("c₁ is positive (c₁ = +0.0093)",),
    ),
    "gradient-descent-just-past-one-step": Case(
        "optimization/gradient-descent",
        {"lam": 1.0, "eta": 1.01},
        "oscillate",
        True,
        ("r < 0: each step overshoots",),
    ),
    "backpropagation-saturated-decrease": Case(
        "calculus/backpropagation",
        {"w1": 3.0, "w2": -1.0, "x": 2.0, "t": 1.0, "weight": "w1"},
        "decrease",
        True,
        ("“stay” counts as well as “decrease”",),
    ),
    "reverse-mode-exact-zero": Case(
        "calculus/reverse-mode-autodiff",
        {"x1": 1.0, "x2": 0.0, "step": 6.0},
        "positive",
        False,
        ("x̄₂ is exactly 0 here",),
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
