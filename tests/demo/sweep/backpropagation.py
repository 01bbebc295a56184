"""Backpropagation through y = w₂ tanh(w₁ x): the gradient from the differentiated formula.

∂L/∂w₂ = (ŷ − t) tanh(w₁x) and ∂L/∂w₁ = (ŷ − t) w₂ x sech²(w₁x), with Python's tanh and cosh
(the demo multiplies error signals along the graph). A gradient is exactly zero when one of its
factors is: ŷ = t (only possible with t = ŷ = 0 on decimal sliders), w₁x = 0 (for w₂; also
ŷ = 0) or w₂x = 0 (for w₁). Moving against the gradient's sign is always right; within ±0.01
"stay" is right too. The central-difference line repeats the demo's check (same formula).
"""

from __future__ import annotations

import math
from typing import Any

from .harness import fmt

SUBSAMPLED = (
    "The full grid is 121 × 121 × 81 × 121 × 2 ≈ 287 million states; w₁, w₂ and x take 6–7 "
    "values each (including 0 and tiny values where gradients vanish), t all 121, both weights."
)
GRID = {
    "w1": [-3.0, -1.0, -0.05, 0.0, 0.5, 1.0, 2.5],
    "w2": [-3.0, -1.0, 0.0, 0.05, 1.0, 3.0],
    "x": [-2.0, -1.0, -0.5, 0.0, 0.05, 1.0, 2.0],
}
ETA, S = 0.3, 1e-5


def _tanh(u: float) -> float:  # the demo's own formula: the check line repeats its computation
    return 1.0 - 2.0 / (math.exp(2.0 * u) + 1.0)


def _loss(w1: float, w2: float, x: float, t: float) -> float:
    return 0.5 * (w2 * _tanh(w1 * x) - t) ** 2


def _num(x: float) -> str:
    return fmt(x, 6) if x != 0 and abs(x) < 0.0005 else fmt(x, 3)


def expect(v: dict[str, Any]) -> Any:
    w1, w2, x, t, which = v["w1"], v["w2"], v["x"], v["t"], v["weight"]
    h = math.tanh(w1 * x)
    err = w2 * h - t
    exact_zero_err = t == 0 and (w2 == 0 or w1 * x == 0)  # ŷ = t = 0
    g2 = 0.0 if exact_zero_err or w1 * x == 0 else err * h
    g1 = 0.0 if exact_zero_err or w2 * x == 0 else err * w2 * x / math.cosh(w1 * x) ** 2
    g, name = (g1, "w₁") if which == "w1" else (g2, "w₂")
    if which == "w1":
        numeric = (_loss(w1 + S, w2, x, t) - _loss(w1 - S, w2, x, t)) / (2 * S)
        after = _loss(w1 - ETA * g1, w2, x, t)
    else:
        numeric = (_loss(w1, w2 + S, x, t) - _loss(w1, w2 - S, x, t)) / (2 * S)
        after = _loss(w1, w2 - ETA * g2, x, t)
    side = "stay" if g == 0 else "decrease" if g > 0 else "increase"
    lines = [
        f"Backward pass: δ₂ = ŷ − t = {_num(err)}; ∂L/∂w₂ = δ₂ · h = {_num(g2)}.",
        f"δ₁ = δ₂ · w₂ · (1 − h²) = {_num(err * w2 / math.cosh(w1 * x) ** 2)}; ∂L/∂w₁ = δ₁ · x = "
        f"{_num(g1)}.",
        f"Central difference: ∂L/∂{name} ≈ {_num(numeric)}.",
        f"The step {name} ← {name} − 0.3 · ∂L/∂{name} changes the loss from "
        f"{fmt(0.5 * err * err, 3)} to {fmt(after, 3)}.",
    ]
    if g == 0:
        lines.append(
            f"The gradient is exactly 0: no small step in {name} changes the loss to first order."
        )
    elif abs(g) <= 0.01:
        lines.append(
            f"The gradient is within ±0.01, so “stay” counts as well as “{side}”: a small step "
            "would barely change the loss."
        )
    return ({side, "stay"} if abs(g) <= 0.01 else {side}), lines
