"""Chain rule: |d/dx g(f(x))| against |g′(u)|, from hand-derived composite derivatives.

The composite slope is written out per pair (e.g. d/dx sin(x²) = 2x cos x²) instead of
multiplying the demo's two slopes; the size comparison is relative (3% of the larger size), so
the answer is decided by |f′(x)| against 1 unless the outer slope is exactly 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .harness import decimals, fmt

REL = 0.03

Fn = Callable[[float], float]
INNER: dict[str, tuple[Fn, Fn]] = {  # u, du/dx
    "square": (lambda x: x * x, lambda x: 2 * x),
    "sin": (math.sin, math.cos),
    "double": (lambda x: 2 * x, lambda x: 2.0),
}
OUTER_PRIME: dict[str, Fn] = {
    "sin": math.cos,
    "square": lambda u: 2 * u,
    "tanh": lambda u: 1 / math.cosh(u) ** 2,
}
OUTER: dict[str, Fn] = {"sin": math.sin, "square": lambda u: u * u, "tanh": math.tanh}


def _order(a: float, b: float) -> int:
    tol = REL * max(a, b)
    return 0 if abs(a - b) <= tol else (1 if a > b else -1)


def expect(v: dict[str, Any]) -> Any:
    x = v["x"]
    u = INNER[v["inner"]][0](x)
    fp = INNER[v["inner"]][1](x)
    gp = OUTER_PRIME[v["outer"]](u)
    composite = gp * fp
    g = OUTER[v["outer"]]
    h = 0.001
    numeric = (g(INNER[v["inner"]][0](x + h)) - g(INNER[v["inner"]][0](x - h))) / (2 * h)
    option = ["smaller", "same", "larger"][_order(abs(composite), abs(gp)) + 1]
    word = ["below", "about", "above"][_order(abs(fp), 1.0) + 1]
    what = {
        "below": "below 1: the inner function shrinks a small change of x before g sees it.",
        "about": "about 1: the inner function passes small changes of x on at their own size.",
        "above": "above 1: the inner function stretches a small change of x before g sees it.",
    }[word]
    lines = [
        f"Composite slope g′(u) · f′(x) = {fmt(gp, 3)} × {fmt(fp, 3)} = {fmt(composite, 3)}.",
        f"Central difference of g(f(x)) with step 0.001: {fmt(numeric, 3)}.",
        f"In size the composite slope is |f′(x)| = {fmt(abs(fp), 3)} times the outer slope; "
        f"|f′(x)| is {what}",
        "“About the same” means sizes within 3% of the larger one.",
    ]
    if gp == 0:
        lines.append("The outer slope is 0 here, so the product is 0 whatever f′(x) is.")
    elif abs(gp) < 0.05:
        d = decimals(gp, 3)
        lines.append(
            f"The outer slope is small here ({fmt(gp, d)}), so the composite slope is small too, "
            "yet still |f′(x)| times as large in size."
        )
    return {option}, lines
