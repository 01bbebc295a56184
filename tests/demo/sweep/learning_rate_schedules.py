"""Warmup then decay: the chosen schedule against linear decay at step t.

Written from the closed forms: linear decay floor + (1 − floor)(T − t)/(T − T_w), cosine as
floor + (1 − floor) cos²(πp/2) (the half-angle form of ½(1 + cos πp)), 1/√t as √(T_w/t) with
no floor; "level" means within 0.01 of the peak.
"""

from __future__ import annotations

import math
from typing import Any

from .harness import fmt

T, TOL = 1000.0, 0.01


def _lines(v: dict[str, Any], lin: float, other: float) -> list[str]:
    t, tw, floor = v["t"], v["warmup"], v["floor"]
    name = "cosine" if v["shape"] == "cosine" else "1/√t"
    lines = [
        f"At t = {fmt(t, 0)}: {name} gives {fmt(other, 3)} of the peak, linear {fmt(lin, 3)} "
        f"(difference {fmt(other - lin, 3, True)})."
    ]
    if t < tw:
        lines.append(f"Still in warmup: every schedule ramps linearly, t / T_w = {fmt(t / tw, 3)}.")
    elif v["shape"] == "cosine":
        lines.append(
            f"Cosine uses ½(1 + cos πp) where linear uses 1 − p, with p = "
            f"{fmt((t - tw) / (T - tw), 3)} of the decay done: higher before p = ½, equal at ½, "
            "lower after."
        )
    else:
        end = math.sqrt(tw / T)
        where = " (below it)" if end < floor else " (above it)" if end > floor else ""
        lines.append(
            "1/√t gives √(T_w / t): it drops fast right after warmup, then flattens and ignores "
            f"the floor, ending at √(T_w / T) = {fmt(end, 3)} where linear decay ends at the "
            f"floor {fmt(floor, 3)}{where}."
        )
    return lines


def expect(v: dict[str, Any]) -> Any:
    t, tw, floor = v["t"], v["warmup"], v["floor"]
    if t < tw:
        lin = other = t / tw
    else:
        lin = floor + (1 - floor) * (T - t) / (T - tw)
        p = (t - tw) / (T - tw)
        other = (
            floor + (1 - floor) * math.cos(math.pi * p / 2) ** 2
            if v["shape"] == "cosine"
            else math.sqrt(tw / t)
        )
    gap = other - lin
    lines = _lines(v, lin, other)
    side = {"higher"} if gap > TOL else {"lower"} if gap < -TOL else {"level"}
    if abs(abs(gap) - TOL) < 1e-12:  # on the boundary: either verdict is honest
        return [({"level"}, lines), ({"higher" if gap > 0 else "lower"}, lines)]
    return side, lines
