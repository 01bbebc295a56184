"""Linear independence: rank and the null combination from angles, not from coordinates.

The demo works with Cartesian vectors and Cramer's rule; here two directions are parallel
exactly when their angles differ by a multiple of 180° (the sliders move in whole degrees, and
sin 1° ≈ 0.017 is far above the demo's 1% tolerance), and the coefficients come from the law of
sines: v₃ = a v₁ + b v₂ with a = (‖v₃‖/‖v₁‖) sin(θ₂ − θ₃)/sin(θ₂ − θ₁) and
b = (‖v₃‖/‖v₂‖) sin(θ₃ − θ₁)/sin(θ₂ − θ₁).
"""

from __future__ import annotations

import math
from typing import Any

from .harness import fmt

SUBSAMPLED = (
    "The full grid is 361 × 361 × 31 × 2 × 361 ≈ 2.9 billion states. Only angle differences "
    "matter mathematically, so θ₁ takes 6 values, θ₂ every 10° and θ₃ every 30° (each with "
    "the near-parallel angles 20° ± 1° and −160° ± 1°), ‖v₂‖ 7 values including 0."
)
ANG1 = [-180.0, 0.0, 20.0, 45.0, 90.0, 135.0]
_near = sorted({a + e for a in (20.0, -160.0) for e in (-1.0, 1.0)})
GRID = {
    "ang1": ANG1,
    "ang2": sorted({-180.0 + 10 * k for k in range(37)} | set(_near)),
    "len2": [0.0, 0.1, 0.5, 1.0, 1.3, 2.0, 3.0],
    "ang3": sorted({-180.0 + 30 * k for k in range(13)} | set(_near) | {-160.0, 20.0, 45.0}),
}
LEN1, LEN3 = 2.0, 1.5
RAD = math.pi / 180


def _parallel(a: float, b: float) -> bool:
    return (a - b) % 180 == 0


def _joined(c: float) -> str:
    text = fmt(c, 2)
    return f" − {text[1:]}" if text[0] == "−" else f" + {text}"


def expect(v: dict[str, Any]) -> Any:
    t1, t2, t3, r2, third = v["ang1"], v["ang2"], v["ang3"], v["len2"], v["third"]
    det = LEN1 * r2 * math.sin((t2 - t1) * RAD)
    lines = [
        f"det [v₁ v₂] = {fmt(det, 3)} (the signed area of their parallelogram; it counts "
        "as zero when |det| ≤ 0.01 ‖v₁‖ ‖v₂‖)."
    ]
    parallel = r2 == 0 or _parallel(t1, t2)
    if not parallel and not third:
        lines.append(
            "Only c₁ = c₂ = 0 gives c₁v₁ + c₂v₂ = 0: two vectors that are not parallel, rank 2."
        )
        return {"independent"}, lines
    if r2 == 0:
        c = [0.0, 1.0, 0.0]
    elif parallel:
        c = [r2 / LEN1 * (1 if (t2 - t1) % 360 == 0 else -1), -1.0, 0.0]
    else:
        s = math.sin((t2 - t1) * RAD)
        a = LEN3 / LEN1 * math.sin((t2 - t3) * RAD) / s
        b = LEN3 / r2 * math.sin((t3 - t1) * RAD) / s
        c = [a, b, -1.0]
    k = 3 if third else 2
    lead = next((x for x in c[:k] if fmt(x, 2) != "0.00"), 1.0)
    flip = -1.0 if lead < 0 else 1.0
    terms = (
        fmt(flip * c[0], 2)
        + "·v₁"
        + "".join(_joined(flip * c[i]) + "·" + ["v₁", "v₂", "v₃"][i] for i in range(1, k))
    )
    lines.append(f"Nontrivial combination: {terms} = 0.")
    if third and not parallel:
        lines.append(
            f"Equivalently v₃ = {fmt(c[0], 2)}·v₁{_joined(c[1])}·v₂: "
            "the dashed path in the picture."
        )
    if r2 == 0:
        lines.append("v₂ is the zero vector, and 1·0 = 0: any list containing 0 is dependent.")
    elif parallel and not third:
        lines.append("v₁ and v₂ lie on one line through the origin, so the rank is 1, less than 2.")
    elif parallel:
        rank = 1 if _parallel(t1, t3) else 2
        where = "lies on it too" if rank == 1 else "does not"
        lines.append(
            f"v₁ and v₂ lie on one line through the origin and v₃ {where}, so the rank is "
            f"{rank}, less than 3."
        )
    else:
        lines.append(
            "Three vectors in the plane: the rank is at most 2, so one of them is a combination "
            "of the others."
        )
    return {"dependent"}, lines
