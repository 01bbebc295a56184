"""Random variables: the loaded die's variance from its closed form, compared in integers.

With P(X = 6) = p and the other faces at (1 − p)/5, E[X] = 3 + 3p and
Var X = E[X²] − E[X]² = 2 + 7p − 9p². For p = k/100, 10⁴ Var X = 20000 + 700k − 9k², an
integer, so comparing with 35/12 (and with the 2% band) is exact.
"""

from __future__ import annotations

from typing import Any

from .harness import decimals, fmt


def _outcome(k: int, close: bool) -> tuple[set[str], list[str]]:
    v4 = 20000 + 700 * k - 9 * k * k  # 10^4 Var X
    var, mean = v4 / 10000, 3 + 3 * k / 100
    lines = [f"E[X] = {fmt(mean, 3)}; Var X = E[(X − E[X])²] = {fmt(var, 3)}."]
    diff = 12 * v4 - 350000  # 12 * 10^4 (Var X − 35/12)
    if diff == 0:
        side = "equal"
        lines.append("That equals the fair die's variance 2.917.")
    else:
        side = "higher" if diff > 0 else "lower"
        gap = var - 35 / 12
        lines.append(
            f"That is {side} than the fair die's 2.917 by {fmt(abs(gap), decimals(gap, 3))}."
        )
    lines.append(
        "“About equal” means within 2% of 2.917 (±0.058), so this one "
        f"{'is' if close else 'is not'} about equal."
    )
    return ({side, "equal"} if close else {side}), lines


def expect(v: dict[str, Any]) -> Any:
    k = round(v["p6"] * 100)
    diff = abs(12 * (20000 + 700 * k - 9 * k * k) - 350000)  # 12e4 |Var − 35/12|
    band = 7000  # 12e4 × 0.02 × 35/12
    if diff == band:
        return [_outcome(k, True), _outcome(k, False)]
    return _outcome(k, diff < band)
