"""Random variables: the expectation and variance of a loaded die, read off its PMF.

The learner sets P(X = 6) for a die whose other five faces share the rest equally, and predicts
whether its variance is lower than, about equal to, or higher than a fair die's 35/12 before
revealing the mean and the one-standard-deviation band.
"""

import math

from cfdemo import Demo, bar, banded, compare, fmt, label, prediction, segment, sig_digits, slider

FAIR_VAR = 35.0 / 12.0  # Var of a fair die
REL = 0.02  # "about equal": within 2% of 35/12

demo = Demo(
    title="Centre and spread of a loaded die",
    description=(
        "Bars show the probability mass function of X, the face a loaded die shows: P(X = 6) is "
        "set by the slider and the other five faces share the rest equally. After the reveal, a "
        "line marks E[X] and a segment spans one standard deviation either side."
    ),
    controls=[slider("p6", "P(X = 6)", 0.0, 1.0, 0.01, 0.5)],
    prediction=prediction(
        "Compared with a fair die (variance 35/12 ≈ 2.917), this die's variance is…",
        [("lower", "lower"), ("equal", "about equal"), ("higher", "higher")],
    ),
    window=(0.3, 6.7, -0.08, 1.1),
    xlabel="value x",
    ylabel="P(X = x)",
)


@demo.derive
def derive(v):
    p6 = v["p6"]
    pmf = [(1.0 - p6) / 5.0] * 5 + [p6]
    mean = 0.0
    for x in range(1, 7):
        mean = mean + x * pmf[x - 1]  # E[X] = sum of x P(X = x)
    var = 0.0
    for x in range(1, 7):
        var = var + (x - mean) ** 2 * pmf[x - 1]  # Var X = E[(X - E[X])^2]
    return {"pmf": pmf, "mean": mean, "var": var, "sd": math.sqrt(max(var, 0.0))}


OPTIONS = ["lower", "equal", "higher"]


@demo.answer
def answer(v, d):
    """The side is decided with a rounding-size tolerance (p6 = 1/6 is not on the grid, but
    values near it must not flip on the last bit); "about equal" is accepted within 2%."""
    order = compare(d["var"], FAIR_VAR, 0.0, 1e-9)
    close = abs(d["var"] - FAIR_VAR) <= REL * FAIR_VAR
    return banded(order, close, OPTIONS, explain(d, order, close))


def explain(d, order, close):
    gap = d["var"] - FAIR_VAR
    lines = [
        "E[X] = " + fmt(d["mean"], 3) + "; Var X = E[(X − E[X])²] = " + fmt(d["var"], 3) + ".",
    ]
    if order == 0:
        lines.append("That equals the fair die's variance 2.917.")
    else:
        lines.append(
            "That is "
            + ("lower" if order < 0 else "higher")
            + " than the fair die's 2.917 by "
            + fmt(abs(gap), sig_digits(gap, 2, 3))
            + "."
        )
    lines.append(
        "“About equal” means within 2% of 2.917 (±0.058), so this one "
        + ("is" if close else "is not")
        + " about equal."
    )
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("p-other", "P(X = 1), …, P(X = 5) each", fmt(d["pmf"][0], 3)),
        ("p6", "P(X = 6)", fmt(v["p6"], 2)),
    ]


@demo.frame
def frame(v, d, revealed):
    shapes = []
    for x in range(1, 7):
        shapes.append(bar("bar" + str(x), float(x), 0.6, d["pmf"][x - 1]))
    if revealed:
        m, s = d["mean"], d["sd"]
        shapes.append(segment("mean", (m, 0.0), (m, 1.0), "guide guide-2"))
        shapes.append(segment("sd", (m - s, 0.95), (m + s, 0.95), "guide"))
        shapes.append(label("mean-label", (m, 1.0), "E[X] = " + fmt(m, 2), "label", "middle", 0, -6))
    return shapes


handle = demo.handle
