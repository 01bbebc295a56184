"""The Derivatives demo: its numbers, its answer and its reveal, in CPython."""

from __future__ import annotations

import math
from typing import Any

import pytest

from continuous_function.demo import Demo


def shape_ids(scene: dict[str, Any]) -> set[str]:
    return {shape[0] for shape in scene["shapes"]}


def test_declaration(derivatives: Demo) -> None:
    assert [c.id for c in derivatives.controls] == ["fn", "x", "h"]
    fn, x, h = derivatives.controls
    assert [o.id for o in fn.options] == ["square", "sin", "exp"]
    assert (x.lo, x.hi, x.default) == (-2.8, 2.8, 1.0)
    assert (h.lo, h.hi, h.default) == (0.01, 2.0, 0.6)
    assert derivatives.task.startswith("Compared with the secant slope")
    assert [o.label for o in derivatives.options] == ["lower", "nearly equal", "higher"]


def test_default_state_answer_is_lower(derivatives: Demo) -> None:
    state, scene = derivatives.start()
    assert state == {
        "values": {"fn": "square", "x": 1.0, "h": 0.6},
        "prediction": None,
        "revealed": False,
    }
    readouts = {rid: text for rid, _, text in scene["readouts"]}
    assert readouts == {"xh": "1.60", "fx": "1.00", "fxh": "2.56", "secant": "2.60"}
    d = derivatives.spec.derived(state["values"])
    assert d["secant"] == pytest.approx(2.6)
    assert d["tangent"] == 2.0
    assert derivatives.spec.answer_for(state["values"], d).option == "lower"
    assert "tangent" not in shape_ids(scene)
    assert {"curve", "secant", "run", "rise", "p", "q"} <= shape_ids(scene)


def test_reveal_needs_a_prediction_and_reports_the_result(derivatives: Demo) -> None:
    state, _ = derivatives.start()
    refused, scene = derivatives.handle(state, "reveal")
    assert refused["revealed"] is False and scene["answer"] is None
    state, _ = derivatives.handle(state, "predict", "higher")
    state, scene = derivatives.handle(state, "reveal")
    assert "tangent" in shape_ids(scene)
    answer = scene["answer"]
    assert answer["option"] == "lower" and answer["correct"] is False
    assert "not right" in answer["verdict"]
    assert answer["lines"] == [
        "Tangent slope f′(x) = 2.00; secant slope = 2.60.",
        "The tangent is lower than the secant by 0.600 (tangent − secant = −0.600).",
        "“Nearly equal” means within 2% of the larger slope (at least ±0.02): here ±0.052, "
        "so the two are not nearly equal.",
    ]


@pytest.mark.parametrize("control,value", [("x", "0.5"), ("h", "0.3"), ("fn", "sin")])
def test_moving_any_control_hides_the_answer(derivatives: Demo, control: str, value: str) -> None:
    state, _ = derivatives.start()
    state, _ = derivatives.handle(state, "predict", "lower")
    state, _ = derivatives.handle(state, "reveal")
    state, scene = derivatives.handle(state, control, value)
    assert state["revealed"] is False and state["prediction"] is None
    assert scene["answer"] is None and "tangent" not in shape_ids(scene)


def test_x_plus_h_stays_inside_the_plot(derivatives: Demo) -> None:
    state, _ = derivatives.start()
    state, _ = derivatives.handle(state, "x", "2.8")
    assert state["values"]["x"] == 2.8
    assert state["values"]["h"] == pytest.approx(0.2)
    state, _ = derivatives.handle(state, "h", "2")
    assert state["values"]["x"] + state["values"]["h"] <= 3.0 + 1e-12


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"fn": "square", "x": -1.0, "h": 0.6}, "lower"),  # convex: secant above tangent
        ({"fn": "sin", "x": 1.5, "h": 1.0}, "higher"),  # concave there
        ({"fn": "sin", "x": 0.0, "h": 0.01}, "equal"),  # inflection, tiny h
        ({"fn": "exp", "x": 0.0, "h": 0.01}, "equal"),  # gap 0.005 within 0.02
        ({"fn": "exp", "x": 2.0, "h": 0.5}, "lower"),
    ],
)
def test_answers(derivatives: Demo, values: dict[str, Any], expected: str) -> None:
    state, _ = derivatives.start(values)
    d = derivatives.spec.derived(state["values"])
    assert derivatives.spec.answer_for(state["values"], d).option == expected


def test_tangent_slopes(derivatives: Demo) -> None:
    for fn, slope in [("square", 2 * 0.7), ("sin", math.cos(0.7)), ("exp", math.exp(0.7))]:
        state, _ = derivatives.start({"fn": fn, "x": 0.7})
        assert derivatives.spec.derived(state["values"])["tangent"] == pytest.approx(slope)


def test_tolerance_scales_with_the_slopes(derivatives: Demo) -> None:
    state, _ = derivatives.start({"fn": "exp", "x": 2.5, "h": 0.3})
    d = derivatives.spec.derived(state["values"])
    assert d["tol"] == pytest.approx(0.02 * max(1, abs(d["tangent"]), abs(d["secant"])))
    state, _ = derivatives.start({"fn": "sin", "x": 1.5, "h": 0.3})
    assert derivatives.spec.derived(state["values"])["tol"] == 0.02
