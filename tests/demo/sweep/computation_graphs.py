"""Computation graph y = ln x₁ + x₁x₂ − sin x₂: which nudge of 0.1 moves y more.

The changes are written in closed form instead of re-running the graph:
Δ₁ = ln(1 + 0.1/x₁) + 0.1·x₂ and Δ₂ = 0.1·x₁ − 2 cos(x₂ + 0.05) sin(0.05). The larger |Δ| is
always right; "about the same" is right too within 5% of the larger size (at least 0.005).
"""

from __future__ import annotations

import math
from typing import Any

from .harness import fmt

N = 0.1


def _lines(x1: float, x2: float, d1: float, d2: float, tol: float, close: bool) -> list[str]:
    return [
        f"Nudging x₁ by +0.1 changes y by {fmt(d1, 3, True)}: through v₁ about 0.1 × 1/x₁ = "
        f"{fmt(N / x1, 3, True)}, through v₂ about 0.1 × x₂ = {fmt(N * x2, 3, True)}.",
        f"Nudging x₂ by +0.1 changes y by {fmt(d2, 3, True)}: through v₂ about 0.1 × x₁ = "
        f"{fmt(N * x1, 3, True)}, through v₃ about −0.1 × cos x₂ = "
        f"{fmt(-N * math.cos(x2), 3, True)}.",
        "“About the same” also counts when the two sizes are within 5% of the larger (at least "
        f"±0.005): here ±{fmt(tol, 3)}, {'as they are.' if close else 'and they are not.'}",
    ]


def expect(v: dict[str, Any]) -> Any:
    x1, x2 = v["x1"], v["x2"]
    d1 = math.log1p(N / x1) + N * x2
    d2 = N * x1 - 2 * math.cos(x2 + N / 2) * math.sin(N / 2)
    a, b = abs(d1), abs(d2)
    tol = max(0.005, 0.05 * max(a, b))
    side = "same" if abs(a - b) <= 1e-9 * max(a, b) else "x1" if a > b else "x2"
    if abs(abs(a - b) - tol) <= 1e-9:  # on the boundary: either verdict is honest
        return [
            ({side, "same"}, _lines(x1, x2, d1, d2, tol, True)),
            ({side}, _lines(x1, x2, d1, d2, tol, False)),
        ]
    close = abs(a - b) <= tol
    return ({side, "same"} if close else {side}), _lines(x1, x2, d1, d2, tol, close)
