"""Derivatives: the tangent vs the secant over [x, x + h], from closed forms of the secant.

The demo divides f(x + h) − f(x) by h; here the secant comes from identities that never
subtract nearby values: 2x + h for the square, 2 cos(x + h/2) sin(h/2) / h for sin, and
eˣ·expm1(h)/h for exp. Two claims are checked separately: the sign of tangent − secant (always
decidable and always accepted) and closeness within 2% of the larger slope (at least 0.02).
"""

from __future__ import annotations

import math
from typing import Any

from .harness import decimals, fmt

SUBSAMPLED = (
    "The full grid is 3 × 561 × 200 ≈ 337,000 states; x every 0.05 (113 values) keeps every "
    "step h, including the constrained ones near the right edge."
)
GRID = {"x": [round(-2.8 + 0.05 * k, 10) for k in range(113)]}

REL, FLOOR = 0.02, 0.02


def _slopes(fn: str, x: float, h: float) -> tuple[float, float]:
    if fn == "square":
        return 2 * x, 2 * x + h
    if fn == "sin":
        return math.cos(x), 2 * math.cos(x + h / 2) * math.sin(h / 2) / h
    return math.exp(x), math.exp(x) * math.expm1(h) / h


def _outcome(tangent: float, secant: float, close: bool) -> tuple[set[str], list[str]]:
    gap = tangent - secant
    side = "lower" if gap < 0 else "higher" if gap > 0 else "equal"
    tol = max(REL * max(abs(tangent), abs(secant)), FLOOR)
    d = decimals(gap, 3)
    lines = [f"Tangent slope f′(x) = {fmt(tangent)}; secant slope = {fmt(secant)}."]
    if side == "equal":
        lines.append("The two slopes are exactly equal here.")
    else:
        lines.append(
            f"The tangent is {side} than the secant by {fmt(abs(gap), d)} "
            f"(tangent − secant = {fmt(gap, d, True)})."
        )
    lines.append(
        "“Nearly equal” means within 2% of the larger slope (at least ±0.02): here "
        f"±{fmt(tol, 3)}, so the two are {'' if close else 'not '}nearly equal."
    )
    return {side, "equal"} if close else {side}, lines


def expect(v: dict[str, Any]) -> Any:
    tangent, secant = _slopes(v["fn"], v["x"], v["h"])
    gap = abs(tangent - secant)
    tol = max(REL * max(abs(tangent), abs(secant)), FLOOR)
    if abs(gap - tol) <= 1e-9 * max(1.0, tol):  # on the boundary: either verdict is honest
        return [_outcome(tangent, secant, True), _outcome(tangent, secant, False)]
    return _outcome(tangent, secant, gap <= tol)
