"""The portable library's rules, checked in CPython (the parity test checks MicroPython)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from continuous_function.demo.loader import cfdemo

lib: Any = cfdemo()


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (0.125, {}, "0.13"),  # a true tie (0.125 is exact): away from zero, not to even
        (0.375, {"digits": 2}, "0.38"),
        (2.5, {"digits": 0}, "3"),  # format(2.5, ".0f") == "2" in CPython
        (-2.5, {"digits": 0}, "−3"),
        (2.675, {}, "2.68"),  # 2.675 * 100 == 267.5 in binary: the decimal a reader expects
        (-0.001, {}, "0.00"),  # never "-0.00"
        (1.0, {"plus": True}, "+1.00"),
        (0.0, {"plus": True}, "0.00"),
        (-3.14159, {"digits": 3}, "−3.142"),
        (12345.678, {"digits": 1}, "12345.7"),
        (0.05, {"digits": 3}, "0.050"),
        (7, {"digits": 0}, "7"),
        (math.inf, {}, "∞"),
        (-math.inf, {}, "−∞"),
        (math.nan, {}, "undefined"),
        (-1.5, {"minus": "-"}, "-1.50"),
    ],
)
def test_fmt(value: float, kwargs: dict[str, Any], text: str) -> None:
    assert lib.fmt(value, **kwargs) == text


def test_num_trims_and_uses_ascii_minus() -> None:
    assert lib.num(12.0) == "12"
    assert lib.num(-3.456) == "-3.46"
    assert lib.num(0.1) == "0.1"


def test_clip_keeps_inside_part() -> None:
    win = (0.0, 1.0, 0.0, 1.0)
    assert lib._clip(-1.0, 0.5, 2.0, 0.5, win)[:4] == (0.0, 0.5, 1.0, 0.5)
    assert lib._clip(2.0, 2.0, 3.0, 3.0, win) is None
    inside = lib._clip(0.2, 0.2, 0.4, 0.4, win)
    assert inside[4] and inside[5]


def test_nice_step() -> None:
    assert lib.nice_step(6.0) == 1.0
    assert lib.nice_step(11.0) == 2.0
    assert lib.nice_step(2.5) == 0.5


def test_polyline_splits_where_it_leaves_the_window() -> None:
    frame = lib.Frame((0.0, 1.0, 0.0, 1.0))
    d = frame.polyline([(0.0, 0.5), (0.5, 2.0), (1.0, 0.5)])
    assert d.count("M") == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.5", 1.5),
        (0.25, 0.25),
        ("9", 2.0),
        ("-9", -2.0),
        ("abc", None),
        ("1e400", None),
        (True, None),
        (None, None),
        ("nan", None),
    ],
)
def test_slider_coerce(value: object, expected: float | None) -> None:
    control = lib.slider("x", "x", -2.0, 2.0, 0.1, 0.0)
    got, why = control.coerce(value)
    assert got == expected
    assert bool(why) == (expected is None)


def test_select_and_toggle_coerce() -> None:
    choice = lib.select("fn", "f", [("a", "A"), ("b", "B")], "a")
    assert choice.coerce("b") == ("b", "")
    assert choice.coerce("__import__('os')")[0] is None
    flag = lib.toggle("t", "T")
    assert flag.coerce("true") == (True, "")
    assert flag.coerce(False) == (False, "")
    assert flag.coerce("maybe")[0] is None


def _tiny_demo() -> Any:
    demo = lib.Demo(
        title="t",
        controls=[lib.slider("a", "a", 0.0, 1.0, 0.1, 0.5), lib.toggle("t", "T")],
        prediction=lib.prediction("q", [("lo", "low"), ("hi", "high")], resets=["a"]),
        window=(0.0, 1.0, 0.0, 1.0),
    )
    demo.answer(lambda v, d: "hi" if v["a"] > 0.5 else "lo")
    demo.frame(lambda v, d, revealed: [lib.point("p", (v["a"], 0.5))])
    return demo


def test_reveal_is_refused_without_a_prediction() -> None:
    demo = _tiny_demo()
    state, _ = demo.handle(None, "init")
    state, scene = demo.handle(state, "reveal")
    assert state["revealed"] is False
    assert scene["answer"] is None
    assert "prediction" in scene["message"]


def test_resets_apply_only_to_listed_controls() -> None:
    demo = _tiny_demo()
    state, _ = demo.handle(None, "init")
    state, _ = demo.handle(state, "predict", "lo")
    state, scene = demo.handle(state, "reveal")
    assert scene["answer"]["correct"] is True
    state, scene = demo.handle(state, "t", True)  # not in resets: keeps the prediction
    assert state["prediction"] == "lo" and state["revealed"] is False and scene["answer"] is None
    state, _ = demo.handle(state, "a", "0.9")  # in resets: clears it
    assert state["prediction"] is None


def test_unchanged_value_does_not_hide_the_answer() -> None:
    demo = _tiny_demo()
    state, _ = demo.handle(None, "init")
    state, _ = demo.handle(state, "predict", "lo")
    state, _ = demo.handle(state, "reveal")
    state, _ = demo.handle(state, "a", "0.5")
    assert state["revealed"] is True


def test_bad_events_leave_state_alone() -> None:
    demo = _tiny_demo()
    state, _ = demo.handle(None, "init")
    for event, value in [("predict", "maybe"), ("nope", 1), ("a", "abc")]:
        after, scene = demo.handle(state, event, value)
        assert after == state
        assert scene["message"]


def test_memo_computes_once() -> None:
    demo = _tiny_demo()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    for _ in range(3):
        demo.memo("k", compute)
    assert calls == [1]


def test_step_sends_only_changed_shapes(derivatives: Any) -> None:
    import json
    import sys

    sys.modules["d_step_test"] = derivatives.module
    try:
        first = json.loads(lib.step("d_step_test", json.dumps([["init", None]])))
        second = json.loads(lib.step("d_step_test", json.dumps([["x", "1.2"]])))
    finally:
        del sys.modules["d_step_test"]
        lib._LIVE.pop("d_step_test", None)
        lib._SENT.pop("d_step_test", None)
    assert [s[0] for s in first["scene"]["shapes"]] == first["scene"]["order"]
    changed = {s[0] for s in second["scene"]["shapes"]}
    assert "curve" not in changed and "grid" not in changed and "secant" in changed
    assert second["scene"]["order"] == first["scene"]["order"]


@pytest.mark.parametrize(
    ("a", "b", "rel", "floor", "order"),
    [
        (2.0, 2.02, 0.02, 0.0, 0),  # within 2% of the larger
        (2.0, 2.1, 0.02, 0.0, -1),
        (0.01, 0.005, 0.03, 0.0, 1),  # relative: twice is larger however small
        (0.01, 0.005, 0.03, 0.02, 0),  # a floor decides small values (and must be stated)
        (0.0, 0.0, 0.0, 0.0, 0),
    ],
)
def test_compare_is_relative_with_a_stated_floor(
    a: float, b: float, rel: float, floor: float, order: int
) -> None:
    assert lib.compare(a, b, rel, floor) == order
    assert lib.tolerance(a, b, rel, floor) == max(rel * max(abs(a), abs(b)), floor)


def test_pick_and_sign() -> None:
    assert [lib.pick(lib.sign(x), "lo", "eq", "hi") for x in (-1e-300, 0.0, 3.0)] == [
        "lo",
        "eq",
        "hi",
    ]


@pytest.mark.parametrize(("x", "digits"), [(0.6, 3), (0.02, 3), (0.0085, 4), (1.7e-5, 6), (0, 7)])
def test_sig_digits_never_shows_a_nonzero_gap_as_zero(x: float, digits: int) -> None:
    assert lib.sig_digits(x, 2, 3) == digits


def test_banded_accepts_the_true_side_and_the_band() -> None:
    options = ["lower", "equal", "higher"]
    inside = lib.banded(-1, True, options, ["line"])
    assert (inside.option, inside.accepted, inside.lines) == ("equal", ["equal", "lower"], ["line"])
    outside = lib.banded(1, False, options, [])
    assert (outside.option, outside.accepted) == ("higher", ["higher"])
    exact = lib.banded(0, True, options, [])
    assert exact.accepted == ["equal"]


def test_verdict_accepts_every_true_option_and_names_them_when_wrong() -> None:
    demo = lib.Demo(
        "t",
        [lib.slider("x", "x", 0.0, 1.0, 0.1, 0.5)],
        lib.prediction("?", [("a", "A"), ("b", "B"), ("c", "C")]),
        (0.0, 1.0, 0.0, 1.0),
    )
    demo.answer(lambda v, d: lib.Answer("a", [], also=["b"]))
    state = demo.initial()
    for choice, right in (("a", True), ("b", True), ("c", False)):
        _, scene = demo.handle(dict(state, prediction=choice), "reveal")
        assert scene["answer"]["correct"] is right
        assert scene["answer"]["accepted"] == ["a", "b"]
    assert "“A” or “B”" in scene["answer"]["verdict"]
