"""The sign of u·v from the angle between u and v, not from coordinates.

With whole-degree directions u·v = ‖u‖‖v‖ cos(θ_v − θ_u) is exactly zero when the difference is
±90° (mod 360°) and otherwise at least ‖u‖‖v‖ sin 1° ≈ 0.017 ‖u‖‖v‖ away from zero, beyond the
demo's stated 1% tolerance; so the spec decides the sign from the integer angle difference.
"""

from __future__ import annotations

import math
from typing import Any

from .harness import fmt

SUBSAMPLED = (
    "The full grid is 26 × 361 × 26 × 361 ≈ 88 million states. Only the angle difference and the "
    "lengths matter, so the direction of u takes 9 values, v's direction all 361, and the lengths "
    "4 and 3 values."
)
GRID = {
    "len_u": [0.5, 1.3, 2.0, 3.0],
    "ang_u": [-180.0, -90.0, -45.0, 0.0, 30.0, 89.0, 90.0, 135.0, 180.0],
    "len_v": [0.5, 1.5, 3.0],
}


def expect(v: dict[str, Any]) -> Any:
    lu, lv, au, av = v["len_u"], v["len_v"], v["ang_u"], v["ang_v"]
    turn = (av - au) % 360
    theta = turn - 360 if turn > 180 else turn
    if abs(theta) == 90:
        option, shadow_words = (
            "zero",
            ("the shadow of u on v's line is a single point: u is perpendicular to v."),
        )
    elif abs(theta) < 90:
        option, shadow_words = "positive", "the shadow of u on v's line points along v."
    else:
        option, shadow_words = "negative", "the shadow of u on v's line points against v."
    dot = 0.0 if option == "zero" else lu * lv * math.cos(math.radians(theta))
    u = (lu * math.cos(math.radians(au)), lu * math.sin(math.radians(au)))
    w = (lv * math.cos(math.radians(av)), lv * math.sin(math.radians(av)))
    lines = [
        f"u·v = u₁v₁ + u₂v₂ = ({fmt(u[0])})({fmt(w[0])}) + ({fmt(u[1])})({fmt(w[1])}) = "
        f"{fmt(dot, 3)}.",
        f"‖u‖ ‖v‖ cos θ = {fmt(lu, 1)} · {fmt(lv, 1)} · cos {fmt(abs(theta), 0)}° = {fmt(dot, 3)}.",
        f"Signed length of the shadow u·v / ‖v‖ = {fmt(dot / lv)}; {shadow_words}",
        "“Zero” means |u·v| ≤ 0.01 ‖u‖ ‖v‖, an angle within about half a degree of 90°.",
    ]
    return {option}, lines
