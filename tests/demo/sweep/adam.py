"""Adam's first step against α, in closed form.

After one step m₁ = (1 − β₁)g₁ and v₁ = (1 − β₂)g₁²; with bias correction m̂₁ = g₁ and
v̂₁ = g₁², so the step is |g₁| / (|g₁| + ε) (in units of α), and without it
(1 − β₁)|g₁| / (√(1 − β₂)|g₁| + ε). The demo runs the moment recursions over 30 steps and
reuses a unit-scale run; here only the first gradient is used. "About α" means within 5%.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from .harness import fmt

EPS, BETA1, Z0 = 1e-8, 0.9, -0.83  # Z0: the first entry of the demo's fixed noise stream
SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def sci(x: float) -> str:
    mant, exp = f"{Decimal(repr(x)):.2E}".split("E")
    k = int(exp)
    return mant if k == 0 else f"{mant}·10{str(k).translate(SUP)}"


def expect(v: dict[str, Any]) -> Any:
    c = 10.0 ** v["logc"]
    g1 = c * (1 + 0.5 * Z0)
    b2 = float(v["beta2"])
    if v["bias"]:
        first = g1 / (g1 + EPS)
        second = (
            "With bias correction m̂₁ = g₁ and v̂₁ = g₁², so the step is α·|g₁| / (|g₁| + ε): "
            f"close to α only when |g₁| is well above ε = 10⁻⁸ (here |g₁| = {sci(g1)})."
        )
    else:
        first = (1 - BETA1) * g1 / (math.sqrt(1 - b2) * g1 + EPS)
        second = (
            "Without it m₁ = (1 − β₁)g₁ and v₁ = (1 − β₂)g₁², so the step is "
            f"α·(1 − β₁)/√(1 − β₂) = {fmt((1 - BETA1) / math.sqrt(1 - b2), 3)} α when |g₁| is "
            "well above ε."
        )
    option = "smaller" if first < 0.95 else "larger" if first > 1.05 else "about"
    lines = [
        f"First step = {fmt(first, 3)} α.",
        second,
        f"SGD with learning rate α moved {sci(g1)} α: it scales with c; Adam's step does not, "
        "as long as |g₁| is well above ε.",
    ]
    return {option}, lines
