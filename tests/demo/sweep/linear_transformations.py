"""Orientation of a 2×2 matrix from its determinant, in exact decimals.

The entries are the decimals the sliders send; `Decimal` gives det A = ad − bc exactly, so
"flattens" (det = 0), "keeps" (det > 0) and "flips" (det < 0) are decided without tolerance.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .harness import fmt

SUBSAMPLED = (
    "The full grid is 41⁴ ≈ 2.8 million states; a takes every 0.2 (21 values), d every step "
    "(41), b and c 9 values each, which keeps many exact zeros of ad − bc."
)
NINE = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.3, 1.0, 1.5, 2.0]
GRID = {"a": [round(-2 + 0.2 * k, 10) for k in range(21)], "b": NINE, "c": NINE}


def expect(v: dict[str, Any]) -> Any:
    a, b, c, d = (Decimal(repr(v[k])) for k in "abcd")
    det = a * d - b * c
    if det == 0:
        option = "flattens"
        turn = "A e₁ and A e₂ lie on one line, so the square collapses and no area is left."
    elif det > 0:
        option = "keeps"
        turn = (
            "Turning from A e₁ to A e₂ goes counterclockwise, as from e₁ to e₂: orientation kept."
        )
    else:
        option = "flips"
        turn = "Turning from A e₁ to A e₂ goes clockwise, the reverse of e₁ to e₂: a mirror image."
    lines = [
        f"det A = ad − bc = ({fmt(v['a'], 1)})({fmt(v['d'], 1)}) − ({fmt(v['b'], 1)})"
        f"({fmt(v['c'], 1)}) = {fmt(float(det))}.",
        "The image of the unit square is the parallelogram on A e₁ and A e₂, with area |det A| = "
        f"{fmt(float(abs(det)))}.",
        turn,
    ]
    return {option}, lines
