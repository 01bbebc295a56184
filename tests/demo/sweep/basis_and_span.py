"""Coordinates in a basis b₁, b₂: the sign of c₁ from the side of b₂'s line x is on.

Instead of Cramer's rule, c₁ = (x × b₂)/(b₁ × b₂) is read as a ratio of signed areas written
with angles: x × b₂ = ‖b₂‖(x₁ sin θ₂ − x₂ cos θ₂) and b₁ × b₂ = ‖b₁‖‖b₂‖ sin(θ₂ − θ₁), which is
positive on the slider ranges (θ₂ − θ₁ ≥ 5°). x lies on b₂'s line exactly when x = 0 or its
direction is θ₂ (mod 180°), which for decimal x happens only at θ₂ = 45°, 90°, 135°.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from .harness import decimals, fmt

SUBSAMPLED = (
    "The full grid is 61 × 111 × 61 × 61 ≈ 25 million states; b₁'s direction takes 3 values, "
    "b₂'s every 5° (23 values, including the exact ties 45°, 90°, 135°) and x every 0.2 "
    "(31 × 31)."
)
GRID = {
    "ang1": [-30.0, 0.0, 17.0],
    "ang2": [35.0 + 5 * k for k in range(23)],
    "x1": [round(-3 + 0.2 * k, 10) for k in range(31)],
    "x2": [round(-3 + 0.2 * k, 10) for k in range(31)],
}
L1, L2 = 2.0, math.sqrt(2.0)


def _on_b2_line(x1: float, x2: float, ang2: float) -> bool:
    a, b = Decimal(repr(x1)), Decimal(repr(x2))
    if a == b == 0:
        return True
    exact = {45.0: a == b, 90.0: a == 0, 135.0: a == -b}
    return exact.get(ang2, False)


def expect(v: dict[str, Any]) -> Any:
    x1, x2, t1, t2 = v["x1"], v["x2"], math.radians(v["ang1"]), math.radians(v["ang2"])
    area = L1 * L2 * math.sin(t2 - t1)
    c1 = L2 * (x1 * math.sin(t2) - x2 * math.cos(t2)) / area
    c2 = L1 * (x2 * math.cos(t1) - x1 * math.sin(t1)) / area
    exact = _on_b2_line(x1, x2, v["ang2"])
    side = "zero" if exact else "positive" if c1 > 0 else "negative"
    close = exact or abs(c1) <= 0.02
    if exact:
        where = "x lies on the line through b₂, so c₁ is exactly 0"
    else:
        far = "far" if side == "negative" else "same"
        where = (
            f"x lies on the {far} side of the line through b₂ from b₁, so c₁ is {side} "
            f"(c₁ = {fmt(c1, decimals(c1, 3), True)})"
        )
    joiner = "− " if fmt(c2)[0] == "−" else "+ "
    lines = [
        f"x = {fmt(0.0 if exact else c1)}·b₁ {joiner}{fmt(abs(c2))}·b₂, so c = "
        f"({fmt(0.0 if exact else c1)}, {fmt(c2)}).",
        f"{where}; “zero” also counts when |c₁| ≤ 0.02, {'as here.' if close else 'not here.'}",
        f"Compare the dot product b₁·x = {fmt(L1 * (x1 * math.cos(t1) + x2 * math.sin(t1)))}: it "
        "is a coordinate only in an orthonormal basis.",
    ]
    return ({side, "zero"} if close else {side}), lines
