"""Functions: g(x) = f(x − a) against f(x), from identities for the difference.

The difference is written without evaluating f twice where an identity exists:
(x − a)² − x² = a(a − 2x), sin(x − a) − sin x = −2 cos(x − a/2) sin(a/2),
e^(x − a) − eˣ = eˣ·expm1(−a), and |x − a| − |x| directly. Its sign is always a true answer;
"equal" is true as well within 2% of the larger value (at least 0.02).
"""

from __future__ import annotations

import math
from typing import Any

from .harness import decimals, fmt

SUBSAMPLED = (
    "The full grid is 4 × 601 × 401 ≈ 964,000 states; x every 0.05 (121 values) keeps every "
    "shift a and every exact tie x = a/2 with a on a 0.1 step."
)
GRID = {"x": [round(-3 + 0.05 * k, 10) for k in range(121)]}

F = {"square": lambda x: x * x, "sin": math.sin, "exp": math.exp, "abs": abs}


def _gap(fn: str, x: float, a: float) -> float:
    if fn == "square":
        return a * (a - 2 * x)
    if fn == "sin":
        return -2 * math.cos(x - a / 2) * math.sin(a / 2)
    if fn == "exp":
        return math.exp(x) * math.expm1(-a)
    return abs(x - a) - abs(x)


def _outcome(v: dict[str, Any], close: bool) -> tuple[set[str], list[str]]:
    fn, x, a = v["fn"], v["x"], v["a"]
    fx, gx, gap = F[fn](x), F[fn](x - a), _gap(fn, x, a)
    exact = abs(gap) <= 1e-9 * max(abs(fx), abs(gx))
    side = "equal" if exact else "lower" if gap < 0 else "higher"
    tol = max(0.02 * max(abs(fx), abs(gx)), 0.02)
    lines = [f"g(x) = f(x − a) = f({fmt(x - a)}) = {fmt(gx)}; f(x) = {fmt(fx)}."]
    if exact:
        lines.append("g(x) and f(x) are equal (up to rounding).")
    else:
        d = decimals(gap, 3)
        lines.append(
            f"g(x) is {side} than f(x) by {fmt(abs(gap), d)} (g(x) − f(x) = {fmt(gap, d, True)})."
        )
    lines.append(
        "“Equal” also counts within 2% of the larger value (at least ±0.02): here "
        f"±{fmt(tol, 3)}, so the two are {'' if close else 'not '}equal by that rule."
    )
    moved = (
        f"moved left by {fmt(-a)}"
        if a < 0
        else f"moved right by {fmt(a)}"
        if a > 0
        else "itself (a = 0)"
    )
    lines.append(f"g's graph is f's graph {moved}.")
    return ({side, "equal"} if close else {side}), lines


def expect(v: dict[str, Any]) -> Any:
    fn, x, a = v["fn"], v["x"], v["a"]
    gap = abs(_gap(fn, x, a))
    tol = max(0.02 * max(abs(F[fn](x)), abs(F[fn](x - a))), 0.02)
    if abs(gap - tol) <= 1e-9 * tol:  # on the boundary: either verdict is honest
        return [_outcome(v, True), _outcome(v, False)]
    return _outcome(v, gap <= tol)
