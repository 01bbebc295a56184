"""A combination of two points of the line x₂ = x₁/2 + c, in exact fractions.

With u = (s, s/2 + c) and v = (t, t/2 + c), w = a·u + b·v sits (a + b − 1)·c above the line:
computed here with `Fraction` from the decimal slider values, so "on the line" is exact.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .harness import fmt

SUBSAMPLED = (
    "The full grid is 13 × 25 × 25 × 15 × 15 ≈ 1.8 million states. The answer depends on c, a and "
    "b only (all kept in full); the two points take 6 and 4 positions, including u = v."
)
GRID = {"s": [-3.0, -1.0, 0.0, 0.75, 2.0, 3.0], "t": [-3.0, -1.0, 0.75, 3.0]}


def expect(v: dict[str, Any]) -> Any:
    c, s, t, a, b = (Fraction(repr(v[k])) for k in ("c", "s", "t", "a", "b"))
    w1 = a * s + b * t
    w2 = a * (s / 2 + c) + b * (t / 2 + c)
    height = w2 - (w1 / 2 + c)
    lines = [
        f"w = a·u + b·v = ({fmt(float(w1))}, {fmt(float(w2))}); the line at x₁ = {fmt(float(w1))} "
        f"has x₂ = {fmt(float(w1 / 2 + c))}.",
        f"Height of w above the line: {fmt(float(height), 2, True)} = (a + b − 1)·c = "
        f"({fmt(float(a + b - 1))})·({fmt(float(c))}).",
    ]
    if c == 0:
        lines.append(
            "With c = 0 the line passes through the origin: it is a subspace, so every a, b works."
        )
    elif a + b == 1:
        lines.append("a + b = 1: an affine combination, the only kind a shifted line keeps.")
    else:
        lines.append(
            "The shift c is counted a + b times in w instead of once, so w leaves the line."
        )
    return {"on" if height == 0 else "off"}, lines
