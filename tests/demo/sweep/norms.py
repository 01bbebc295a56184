"""Norm balls: which of the max, Euclidean and L1 balls of radius r contain x, in exact decimals.

The sliders send decimals, so with `Decimal` the three tests are exact: max(|x₁|, |x₂|) ≤ r,
x₁² + x₂² ≤ r² (no square root) and |x₁| + |x₂| ≤ r; a point on a boundary is inside.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from .harness import fmt


def expect(v: dict[str, Any]) -> Any:
    a, b, r = (abs(Decimal(repr(v[k]))) for k in ("x1", "x2", "r"))
    inside = [max(a, b) <= r, a * a + b * b <= r * r, a + b <= r]
    word = ["inside" if ok else "outside" for ok in inside]
    x1, x2 = float(a), float(b)
    lines = [
        f"‖x‖∞ = max(|x₁|, |x₂|) = {fmt(max(x1, x2))}: {word[0]} the square of radius "
        f"{fmt(v['r'])}.",
        f"‖x‖₂ = √(x₁² + x₂²) = {fmt(math.hypot(x1, x2))}: {word[1]} the circle.",
        f"‖x‖₁ = |x₁| + |x₂| = {fmt(float(a + b))}: {word[2]} the diamond.",
        "Always ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁, so the diamond lies inside the circle and the circle inside "
        "the square; a point on a boundary counts as inside.",
    ]
    return {["none", "square", "two", "all"][sum(inside)]}, lines
