"""Probability basics: Bayes' rule for a screening test, drawn as areas of the unit square.

The learner sets the base rate P(D), the sensitivity P(+ | D) and the false-positive rate
P(+ | not D), and predicts whether a positive result makes D more or less likely than one half
before revealing P(D | +).
"""

from cfdemo import (
    Demo,
    banded,
    cell,
    compare,
    fmt,
    label,
    pick,
    prediction,
    segment,
    sig_digits,
    slider,
)

demo = Demo(
    title="Bayes' rule as areas",
    description=(
        "The unit square is the whole population: a column of width P(D) for people with D and "
        "one of width 1 − P(D) without. The shaded heights are P(+ | D) and P(+ | not D), so each "
        "shaded area is a joint probability; after the reveal, a bar shows what fraction of all "
        "positives have D."
    ),
    controls=[
        slider("prior", "Base rate P(D)", 0.01, 0.5, 0.01, 0.05),
        slider("sens", "Sensitivity P(+ | D)", 0.5, 1.0, 0.05, 0.9),
        slider("fpr", "False-positive rate P(+ | not D)", 0.01, 0.3, 0.01, 0.1),
    ],
    prediction=prediction(
        "After a positive test, the probability of D is…",
        [("below", "below one half"), ("half", "about one half"), ("above", "above one half")],
    ),
    window=(-0.05, 1.35, -0.08, 1.2),
    xlabel="share of the population",
    ylabel="P(+ | column)",
)

BAND = 0.02  # "about one half": within ±0.02 of 0.5
EXACT = 1e-12  # the two joint areas count as equal only up to rounding


@demo.derive
def derive(v):
    p = v["prior"]
    true_pos = v["sens"] * p  # P(D and +) = P(+ | D) P(D)
    false_pos = v["fpr"] * (1.0 - p)  # P(not D and +) = P(+ | not D) P(not D)
    evidence = true_pos + false_pos  # P(+), total probability
    posterior = true_pos / evidence  # P(D | +), Bayes' rule
    return {
        "tp": true_pos,
        "fp": false_pos,
        "evidence": evidence,
        "posterior": posterior,
        "order": compare(true_pos, false_pos, 0.0, EXACT),
    }


OPTIONS = ["below", "half", "above"]


@demo.answer
def answer(v, d):
    """P(D | +) is above one half exactly when the true-positive area beats the false-positive
    area; the side is always accepted, and "about one half" too within the stated band."""
    close = abs(d["posterior"] - 0.5) <= BAND
    return banded(d["order"], close, OPTIONS, explain(v, d))


def explain(v, d):
    post = d["posterior"]
    gap = post - 0.5
    order = d["order"]
    lines = [
        "P(D and +) = P(+ | D) P(D) = "
        + fmt(d["tp"], 4)
        + "; P(not D and +) = P(+ | not D) P(not D) = "
        + fmt(d["fp"], 4)
        + ".",
        "P(+) = " + fmt(d["evidence"], 4) + ", so P(D | +) = " + fmt(post, 3) + ".",
    ]
    if order == 0:
        lines.append("The two shaded areas are equal, so P(D | +) is exactly one half.")
    else:
        lines.append(
            "The true-positive area is "
            + pick(order, "smaller", "", "larger")
            + " than the false-positive area, so P(D | +) is "
            + pick(order, "below", "", "above")
            + " one half by "
            + fmt(abs(gap), sig_digits(gap, 2, 3))
            + "."
        )
    close = abs(gap) <= BAND
    lines.append(
        "“About one half” means within ±0.02 of 0.5, so this one "
        + ("is" if close else "is not")
        + " about one half."
    )
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("tp", "P(D and +)", fmt(d["tp"], 4)),
        ("fp", "P(not D and +)", fmt(d["fp"], 4)),
        ("evidence", "P(+)", fmt(d["evidence"], 4)),
    ]


@demo.frame
def frame(v, d, revealed):
    p = v["prior"]
    shapes = [
        cell("tp", (0.0, 0.0), (p, v["sens"]), 0.85),
        cell("fp", (p, 0.0), (1.0, v["fpr"]), 0.35),
        segment("split", (p, 0.0), (p, 1.0), "guide"),
        segment("top", (0.0, 1.0), (1.0, 1.0), "guide"),
        segment("right", (1.0, 0.0), (1.0, 1.0), "guide"),
        label("d-label", (p, 1.0), "D", "label", "end", -4, -6),
        label("nd-label", ((1.0 + p) / 2, 1.0), "not D", "label", "middle", 0, -6),
        label("fp-label", (1.0, v["fpr"]), "false +", "label", "end", -4, -6),
        label("tp-label", (p, v["sens"]), "true +", "label", "start", 4, -6),
    ]
    if revealed:
        post = d["posterior"]
        shapes.append(cell("post-d", (1.15, 0.0), (1.25, post), 0.85))
        shapes.append(cell("post-nd", (1.15, post), (1.25, 1.0), 0.35))
        shapes.append(label("post-name", (1.2, 1.0), "P(D | +)", "label", "middle", 0, -24))
        shapes.append(label("post-value", (1.2, 1.0), fmt(post, 3), "label", "middle", 0, -6))
    return shapes


handle = demo.handle
