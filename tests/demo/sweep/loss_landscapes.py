"""A slice through a critical point of f = x⁴/4 − x²/2 + b y²/2, from the double-angle form.

φ″(0) = dᵀHd with H = diag(h, b) is written as (h + b)/2 + (h − b)/2 · cos 2a (the demo uses
h cos²a + b sin²a), and the flat directions at the saddle come from cos 2a = −(h + b)/(h − b)
(the demo uses arctan √(−h/b)). Flat means |φ″(0)| ≤ 0.05.
"""

from __future__ import annotations

import math
from typing import Any

from .harness import fmt

TOL = 0.05


def _lines(v: dict[str, Any], h: float, kappa: float, option: str) -> list[str]:
    b, a = v["b"], math.radians(v["angle"])
    lines = [
        f"φ″(0) = dᵀHd = {fmt(h)}·cos²a + {fmt(b)}·sin²a = {fmt(kappa, 3, True)} "
        f"(flat means within ±{fmt(TOL)}).",
        "The slice's curvature is a weighted average of the eigenvalues, with weights cos²a = "
        f"{fmt(math.cos(a) ** 2)} and sin²a = {fmt(math.sin(a) ** 2)}.",
    ]
    if h < 0:
        edge = math.degrees(math.acos(-(h + b) / (h - b)) / 2)
        word = {"down": "curves down", "flat": "is flat to second order", "up": "curves up"}
        lines.append(
            f"At this saddle the slice is flat at a = {fmt(edge, 1)}° and {fmt(180 - edge, 1)}°: "
            f"it curves down for directions within {fmt(edge, 1)}° of the x-axis and up for the "
            f"others, so at a = {fmt(v['angle'], 0)}° it {word[option]}."
        )
    else:
        lines.append("At a minimum both eigenvalues are positive, so every slice curves up.")
    return lines


def expect(v: dict[str, Any]) -> Any:
    b, a = v["b"], math.radians(v["angle"])
    h = -1.0 if v["point"] == "saddle" else 2.0
    kappa = (h + b) / 2 + (h - b) / 2 * math.cos(2 * a)
    option = "up" if kappa > TOL else "down" if kappa < -TOL else "flat"
    if abs(abs(kappa) - TOL) < 1e-12:  # on the boundary: either verdict is honest
        other = "flat" if option != "flat" else ("up" if kappa > 0 else "down")
        return [({o}, _lines(v, h, kappa, o)) for o in (option, other)]
    return {option}, _lines(v, h, kappa, option)
