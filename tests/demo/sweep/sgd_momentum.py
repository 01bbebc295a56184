"""Heavy ball vs gradient descent on f = (x² + 20y²)/2: when does each path stay in the circle?

The demo iterates velocity and position; here each coordinate follows the equivalent two-term
recurrence θₜ₊₁ = (1 + β − ηλ)θₜ − βθₜ₋₁ (θ₁ = (1 − ηλ)θ₀) for 3000 steps, far past the
demo's horizon, so "settles" is checked as "inside from that step on, for good". The per-step
factor is the largest root modulus of z² − (1 + β − ηλ)z + β, from the quadratic formula in
complex numbers.
"""

from __future__ import annotations

import cmath
from functools import cache
from typing import Any

from .harness import fmt

LONG = 3000
START = (-4.0, 1.5)


@cache
def settle(eta: float, beta: float) -> tuple[int, int]:
    """(first step inside, step from which it stays inside) over LONG steps."""
    xs = [START[0], (1 - eta) * START[0]]
    ys = [START[1], (1 - 20 * eta) * START[1]]
    for _ in range(LONG - 1):
        xs.append((1 + beta - eta) * xs[-1] - beta * xs[-2])
        ys.append((1 + beta - 20 * eta) * ys[-1] - beta * ys[-2])
    inside = [x * x + y * y <= 0.25 for x, y in zip(xs, ys, strict=True)]
    last_out = max(t for t, ok in enumerate(inside) if not ok)
    assert last_out < LONG - 100, "no settling within the long horizon"
    return inside.index(True), last_out + 1


def rate(eta: float, beta: float) -> float:
    worst = 0.0
    for lam in (1.0, 20.0):
        a = 1 + beta - eta * lam
        root = cmath.sqrt(a * a - 4 * beta)
        worst = max(worst, abs((a + root) / 2), abs((a - root) / 2))
    return worst


def expect(v: dict[str, Any]) -> Any:
    eta, beta = v["eta"], v["beta"]
    gd = settle(eta, 0.0)[1]
    hb_first, hb = settle(eta, beta)
    option = "same" if abs(hb - gd) <= 2 else "fewer" if hb < gd else "more"
    lines = [
        f"Momentum settles in the circle for good at step {hb}; gradient descent at step {gd}."
    ]
    if hb_first != hb:
        lines.append(
            f"The momentum path is first inside the circle at step {hb_first}, leaves it again, "
            f"and stays inside only from step {hb}."
        )
    lines += [
        f"Slowest per-step factor: gradient descent {fmt(rate(eta, 0.0), 3)}, momentum "
        f"{fmt(rate(eta, beta), 3)} (the largest root of z² − (1 + β − ηλ)z + β "
        "over λ = 1 and 20).",
        "Along the flat x-axis the gradient barely changes sign, so momentum's step grows toward "
        f"{fmt(1 / (1 - beta), 1)}× η·f′; too much momentum overshoots and circles instead.",
    ]
    return {option}, lines
