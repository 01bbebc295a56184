"""Derivatives: the secant slope over [x, x + h] and the tangent slope at x.

The learner picks a function, places x, widens or narrows h, and predicts how the tangent slope
at x compares with the visible secant slope before revealing the tangent.
"""

import math

from cfdemo import (
    Demo,
    banded,
    curve,
    fmt,
    label,
    line,
    pick,
    point,
    prediction,
    segment,
    select,
    sig_digits,
    sign,
    slider,
    tolerance,
)

XMIN = -3.0
XMAX = 3.0


def _square(x):
    return x * x


def _twice(x):
    return 2.0 * x


# name -> (f, f'); the select below fixes the display order.
FUNCTIONS = {
    "square": (_square, _twice),
    "sin": (math.sin, math.cos),
    "exp": (math.exp, math.exp),
}

# Each function gets a window that shows its whole graph over [-3, 3].
WINDOWS = {
    "square": (XMIN, XMAX, -1.5, 9.5),
    "sin": (XMIN, XMAX, -1.6, 1.6),
    "exp": (XMIN, XMAX, -2.0, 21.0),
}

demo = Demo(
    title="Secant to tangent",
    description=(
        "The graph of f over [-3, 3] with the secant through (x, f(x)) and (x + h, f(x + h)) "
        "and its rise-over-run triangle; after the reveal, the tangent at x."
    ),
    controls=[
        select(
            "fn",
            "Function",
            [("square", "f(x) = x²"), ("sin", "f(x) = sin x"), ("exp", "f(x) = eˣ")],
            "square",
        ),
        slider("x", "Point x", -2.8, 2.8, 0.01, 1.0),
        slider("h", "Step h", 0.01, 2.0, 0.01, 0.6),
    ],
    prediction=prediction(
        "Compared with the secant slope, the tangent slope at x is…",
        [("lower", "lower"), ("equal", "nearly equal"), ("higher", "higher")],
    ),
    window=WINDOWS["square"],
)


@demo.view
def view(v):
    return WINDOWS[v["fn"]]


@demo.constrain
def keep_inside(v, changed):
    """x + h stays inside the plot: shorten h, never move the point the learner placed."""
    if v["x"] + v["h"] > XMAX:
        v["h"] = XMAX - v["x"]
    return v


REL = 0.02  # "nearly equal": within 2% of the larger slope …
FLOOR = 0.02  # … or within 0.02 when both slopes are smaller than 1


@demo.derive
def derive(v):
    f, df = FUNCTIONS[v["fn"]]
    x = v["x"]
    h = v["h"]
    fx = f(x)
    fxh = f(x + h)
    secant = (fxh - fx) / h
    tangent = df(x)
    return {
        "fx": fx,
        "fxh": fxh,
        "secant": secant,
        "tangent": tangent,
        "gap": tangent - secant,
        "tol": tolerance(tangent, secant, REL, FLOOR),
    }


SIDE = ["lower", "equal", "higher"]


@demo.answer
def answer(v, d):
    """The sign of tangent − secant and the closeness of the two are separate facts: the
    sign option is always true, and "nearly equal" is true as well when the gap is small."""
    return banded(sign(d["gap"]), abs(d["gap"]) <= d["tol"], SIDE, explain(v, d))


def explain(v, d):
    gap = d["gap"]
    order = sign(gap)
    close = abs(gap) <= d["tol"]
    digits = sig_digits(gap, 2, 3)
    lines = [
        "Tangent slope f′(x) = " + fmt(d["tangent"]) + "; secant slope = " + fmt(d["secant"]) + ".",
    ]
    if order == 0:
        lines.append("The two slopes are exactly equal here.")
    else:
        lines.append(
            "The tangent is "
            + pick(order, "lower", "", "higher")
            + " than the secant by "
            + fmt(abs(gap), digits)
            + " (tangent − secant = "
            + fmt(gap, digits, True)
            + ")."
        )
    lines.append(
        "“Nearly equal” means within 2% of the larger slope (at least ±0.02): here ±"
        + fmt(d["tol"], 3)
        + ", so the two are "
        + ("" if close else "not ")
        + "nearly equal."
    )
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("xh", "x + h", fmt(v["x"] + v["h"])),
        ("fx", "f(x)", fmt(d["fx"])),
        ("fxh", "f(x + h)", fmt(d["fxh"])),
        ("secant", "Secant slope", fmt(d["secant"])),
    ]


@demo.frame
def frame(v, d, revealed):
    f = FUNCTIONS[v["fn"]][0]
    x = v["x"]
    xh = x + v["h"]
    shapes = [
        curve("curve", f, XMIN, XMAX, 161, "curve", key=v["fn"]),
        line("secant", (x, d["fx"]), d["secant"], "secant"),
        segment("run", (x, d["fx"]), (xh, d["fx"]), "delta"),
        segment("rise", (xh, d["fx"]), (xh, d["fxh"]), "delta"),
        label("run-label", ((x + xh) / 2, d["fx"]), "Δx", "label", "middle", 0, 16),
        label("rise-label", (xh, (d["fx"] + d["fxh"]) / 2), "Δy", "label", "start", 6, 4),
    ]
    if revealed:
        shapes.append(line("tangent", (x, d["fx"]), d["tangent"], "tangent"))
    shapes.append(point("p", (x, d["fx"]), "point"))
    shapes.append(point("q", (xh, d["fxh"]), "point point-2"))
    shapes.append(label("p-label", (x, d["fx"]), "x", "label", "end", -8, -8))
    shapes.append(label("q-label", (xh, d["fxh"]), "x + h", "label", "start", 8, -8))
    return shapes


handle = demo.handle
