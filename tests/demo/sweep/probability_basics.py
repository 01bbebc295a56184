"""Probability basics: P(D | +) for a screening test, from exact integer counts.

The demo multiplies probabilities; here every control is a whole number of hundredths, so the
joint probabilities are counts out of 100 × 100 = 10,000 people, compared exactly as integers,
and P(D | +) comes from the odds form: posterior odds = prior odds × likelihood ratio.
"""

from __future__ import annotations

from typing import Any

from .harness import decimals, fmt

BAND = 0.02


def _outcome(v: dict[str, Any], close: bool) -> tuple[set[str], list[str]]:
    i, j, k = round(v["prior"] * 100), round(v["sens"] * 100), round(v["fpr"] * 100)
    tp, fp = i * j, (100 - i) * k  # people out of 10,000
    odds = tp / fp  # prior odds i / (100 - i) times likelihood ratio j / k
    post = odds / (1 + odds)
    lines = [
        f"P(D and +) = P(+ | D) P(D) = {fmt(tp / 10000, 4)}; "
        f"P(not D and +) = P(+ | not D) P(not D) = {fmt(fp / 10000, 4)}.",
        f"P(+) = {fmt((tp + fp) / 10000, 4)}, so P(D | +) = {fmt(post, 3)}.",
    ]
    if tp == fp:
        lines.append("The two shaded areas are equal, so P(D | +) is exactly one half.")
        side = "half"
    else:
        gap = post - 0.5
        side = "above" if tp > fp else "below"
        by = fmt(abs(gap), decimals(gap, 3))
        lines.append(
            f"The true-positive area is {'larger' if tp > fp else 'smaller'} than the "
            f"false-positive area, so P(D | +) is {side} one half by {by}."
        )
    lines.append(
        "“About one half” means within ±0.02 of 0.5, so this one "
        f"{'is' if close else 'is not'} about one half."
    )
    return ({side, "half"} if close else {side}), lines


def expect(v: dict[str, Any]) -> Any:
    i, j, k = round(v["prior"] * 100), round(v["sens"] * 100), round(v["fpr"] * 100)
    # |tp/(tp+fp) - 1/2| = |tp - fp| / (2 (tp + fp)) <= 1/50  <=>  25 |tp - fp| <= tp + fp
    tp, fp = i * j, (100 - i) * k
    lhs, rhs = 25 * abs(tp - fp), tp + fp
    if lhs == rhs:  # on the boundary: either verdict is honest
        return [_outcome(v, True), _outcome(v, False)]
    return _outcome(v, lhs < rhs)
