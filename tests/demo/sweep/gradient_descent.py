"""Gradient descent on f = λx²/2: the behaviour of x(t) = (1 − ηλ)ᵗ x₀, decided in exact
decimal arithmetic.

η and λ are the decimals the sliders send, so ηλ is computed exactly with `Decimal` and
r = 1 − ηλ is compared with 0 and −1 without rounding; the twelfth iterate comes from
r¹² · 2 in `Decimal` too. Within ±0.02 of a boundary the boundary's neighbour also counts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .harness import fmt

LABELS = {
    "monotone": "slide in from one side",
    "bounce": "bounce between the two sides at a steady size",
}


def expect(v: dict[str, Any]) -> Any:
    lam, eta = Decimal(repr(v["lam"])), Decimal(repr(v["eta"]))
    r = 1 - eta * lam
    kind = "monotone" if r >= 0 else "oscillate" if r > -1 else "bounce" if r == -1 else "diverge"
    also = []
    if kind == "oscillate" and r >= Decimal("-0.02"):
        also = ["monotone"]
    elif kind != "bounce" and abs(r + 1) <= Decimal("0.02"):
        also = ["bounce"]
    x12 = float(r**12 * 2)
    lines = [
        f"Each step multiplies x by r = 1 − ηλ = {fmt(float(r), 3, True)}, so x(t) = rᵗ · 2.",
        f"|r| = {fmt(float(abs(r)), 3)} (converges when |r| < 1, i.e. η < 2/λ = "
        f"{fmt(float(2 / lam), 3)}); after 12 steps x = {fmt(x12, 3)}.",
        "r ≥ 0: no step crosses to the other side of the minimum."
        if kind == "monotone"
        else "r < 0: each step overshoots to the other side of the minimum.",
    ]
    if also:
        edge = "0" if also[0] == "monotone" else "−1"
        lines.append(
            f"r is within ±0.02 of {edge}, so the boundary case “{LABELS[also[0]]}” also counts."
        )
    return {kind, *also}, lines
