"""Reverse mode on y = ln x₁ + x₁x₂ − sin x₂: the adjoint x̄₂ from the hand derivative.

∂y/∂x₂ = x₁ − cos x₂ and ∂y/∂x₁ = 1/x₁ + x₂ (the demo accumulates adjoints edge by edge). On
decimal sliders x₁ = cos x₂ holds exactly only at x₁ = 1, x₂ = 0; elsewhere the sign is
decided, and "near zero" is right too within ±0.05. The backward-step slider changes the
drawing only: it takes 3 values.
"""

from __future__ import annotations

import math
from typing import Any

from .harness import decimals, fmt

SUBSAMPLED = "The backward-step slider does not change the answer or the text: 3 of its 7 values."
GRID = {"step": [0.0, 3.0, 6.0]}


def expect(v: dict[str, Any]) -> Any:
    x1, x2 = v["x1"], v["x2"]
    g2, g1 = x1 - math.cos(x2), 1 / x1 + x2
    s = 1e-6
    numeric = (
        (math.log(x1) + x1 * (x2 + s) - math.sin(x2 + s))
        - (math.log(x1) + x1 * (x2 - s) - math.sin(x2 - s))
    ) / (2 * s)
    exact = x1 == 1 and x2 == 0
    if exact:
        g2 = 0.0
    side = "zero" if exact else "positive" if g2 > 0 else "negative"
    lines = [
        f"x̄₂ = v̄₂ · x₁ + v̄₃ · cos x₂ = 1 × {fmt(x1, 3)} + (−1) × {fmt(math.cos(x2), 3)} = "
        f"{fmt(g2, decimals(g2, 3))}.",
        f"x̄₁ = v̄₁ · (1/x₁) + v̄₂ · x₂ = {fmt(1 / x1, 3)} + {fmt(x2, 3)} = {fmt(g1, 3)}.",
        f"A central difference gives ∂y/∂x₂ ≈ {fmt(numeric, 3)}.",
        "One backward sweep: 8 multiply-adds, one per edge, gave both partial derivatives.",
    ]
    if exact:
        lines.append("x̄₂ is exactly 0 here: x₁ = cos x₂.")
    elif abs(g2) <= 0.05:
        lines.append(f"x̄₂ is within ±0.05 of 0, so “near zero” counts as well as “{side}”.")
        return {side, "zero"}, lines
    return {side}, lines
