"""The Functions demo: g(x) = f(x − a) against f(x)."""

from __future__ import annotations

from typing import Any

import pytest

from continuous_function.demo import Demo


def test_declaration(functions: Demo) -> None:
    assert [c.id for c in functions.controls] == ["fn", "x", "a"]
    assert [o.id for o in functions.controls[0].options] == ["square", "sin", "exp", "abs"]
    x, a = functions.controls[1:]
    assert (x.lo, x.hi, x.default, a.lo, a.hi, a.default) == (-3.0, 3.0, 1.0, -2.0, 2.0, 1.0)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "lower"),  # x = 1, a = 1: g(1) = f(0) = 0 < f(1) = 1
        ({"x": -1.0, "a": 1.0}, "higher"),  # f(-2) = 4 > f(-1) = 1
        ({"x": 0.5, "a": 1.0}, "equal"),  # |x| symmetric: f(-0.5) = f(0.5)
        ({"fn": "exp", "a": -0.5}, "higher"),  # e^x increases: shifting left raises it
        ({"fn": "abs", "x": 2.0, "a": 2.0}, "lower"),
        ({"fn": "sin", "a": 0.0}, "equal"),
    ],
)
def test_answers(functions: Demo, values: dict[str, Any], expected: str) -> None:
    state, _ = functions.start(values)
    d = functions.spec.derived(state["values"])
    assert functions.spec.answer_for(state["values"], d).option == expected


def test_reveal_draws_g(functions: Demo) -> None:
    state, scene = functions.start()
    assert "g" not in {s[0] for s in scene["shapes"]}
    assert {rid: text for rid, _, text in scene["readouts"]} == {"xa": "0.00", "fx": "1.00"}
    state, _ = functions.handle(state, "predict", "lower")
    state, scene = functions.handle(state, "reveal")
    assert {"g", "shift", "gx"} <= {s[0] for s in scene["shapes"]}
    assert scene["answer"]["correct"] is True
    assert scene["answer"]["lines"][0] == "g(x) = f(x − a) = f(0.00) = 0.00; f(x) = 1.00."
    state, scene = functions.handle(state, "a", "0.5")
    assert scene["answer"] is None and state["prediction"] is None
