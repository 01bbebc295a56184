"""Chain rule: the composite slope is the outer slope times the inner slope.

The learner picks an inner function u = f(x), an outer function y = g(u) and a point x. The plot
shows the inner graph (dashed) with its tangent piece and the composite graph y = g(f(x)); the
readouts give the two local slopes. Before the tangent of the composite is revealed, the learner
predicts whether the composite slope is smaller than, about the same as, or larger than the
outer slope g'(u) in size.
"""

import math

from cfdemo import (
    Demo,
    compare,
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
    slider,
)

REL = 0.03  # "about the same": sizes within 3% of the larger one

XMIN = -2.0
XMAX = 2.0


def _square(x):
    return x * x


def _twice(x):
    return 2.0 * x


def _double(x):
    return 2.0 * x


def _two(x):
    return 2.0


def _tanh(u):
    return 1.0 - 2.0 / (math.exp(2.0 * u) + 1.0)


def _tanh_prime(u):
    t = _tanh(u)
    return 1.0 - t * t


# inner: u = f(x); outer: y = g(u). Each entry is (function, derivative).
INNER = {
    "square": (_square, _twice),
    "sin": (math.sin, math.cos),
    "double": (_double, _two),
}
OUTER = {
    "sin": (math.sin, math.cos),
    "square": (_square, _twice),
    "tanh": (_tanh, _tanh_prime),
}

demo = Demo(
    title="Slopes multiply along a composition",
    description=(
        "Over x in [-2, 2]: the inner function u = f(x) (dashed) with a short tangent piece at x, "
        "and the composite y = g(f(x)) (solid); after the reveal, the tangent of the composite "
        "at x."
    ),
    controls=[
        select(
            "inner",
            "Inner u = f(x)",
            [("square", "u = x²"), ("sin", "u = sin x"), ("double", "u = 2x")],
            "square",
        ),
        select(
            "outer",
            "Outer y = g(u)",
            [("sin", "y = sin u"), ("square", "y = u²"), ("tanh", "y = tanh u")],
            "sin",
        ),
        slider("x", "Point x", XMIN, XMAX, 0.01, 1.2),
    ],
    prediction=prediction(
        "In size, the slope of y = g(f(x)) at x, compared with the outer slope g′(u), is…",
        [("smaller", "smaller"), ("same", "about the same"), ("larger", "larger")],
    ),
    window=(XMIN, XMAX, -1.2, 4.4),
    xlabel="x",
    ylabel="u, y",
)


def _window(inner, outer):
    """A window that shows both graphs over [-2, 2] (computed once per pair)."""
    f = INNER[inner][0]
    g = OUTER[outer][0]
    lo = 0.0
    hi = 0.0
    for i in range(81):
        x = XMIN + (XMAX - XMIN) * i / 80
        u = f(x)
        y = g(u)
        lo = min(lo, u, y)
        hi = max(hi, u, y)
    pad = 0.12 * (hi - lo)
    return (XMIN, XMAX, lo - pad, hi + pad)


@demo.view
def view(v):
    return demo.memo(("win", v["inner"], v["outer"]), lambda: _window(v["inner"], v["outer"]))


@demo.derive
def derive(v):
    f, df = INNER[v["inner"]]
    g, dg = OUTER[v["outer"]]
    x = v["x"]
    u = f(x)
    inner_slope = df(x)
    outer_slope = dg(u)
    composite = outer_slope * inner_slope
    step = 0.001
    numeric = (g(f(x + step)) - g(f(x - step))) / (2.0 * step)
    return {
        "u": u,
        "y": g(u),
        "inner_slope": inner_slope,
        "outer_slope": outer_slope,
        "composite": composite,
        "numeric": numeric,
        # sizes compared relatively: |g′f′| / |g′| = |f′|, whatever the outer slope's size
        "order": compare(abs(composite), abs(outer_slope), REL),
    }


OPTIONS = ["smaller", "same", "larger"]


@demo.answer
def answer(v, d):
    return OPTIONS[d["order"] + 1]


@demo.explain
def explain(v, d):
    stretch = abs(d["inner_slope"])
    what = pick(
        compare(stretch, 1.0, REL),
        "below 1: the inner function shrinks a small change of x before g sees it.",
        "about 1: the inner function passes small changes of x on at their own size.",
        "above 1: the inner function stretches a small change of x before g sees it.",
    )
    lines = [
        "Composite slope g′(u) · f′(x) = "
        + fmt(d["outer_slope"], 3)
        + " × "
        + fmt(d["inner_slope"], 3)
        + " = "
        + fmt(d["composite"], 3)
        + ".",
        "Central difference of g(f(x)) with step 0.001: " + fmt(d["numeric"], 3) + ".",
        "In size the composite slope is |f′(x)| = " + fmt(stretch, 3) + " times the outer slope; "
        + "|f′(x)| is " + what,
        "“About the same” means sizes within 3% of the larger one.",
    ]
    if d["outer_slope"] == 0.0:
        lines.append("The outer slope is 0 here, so the product is 0 whatever f′(x) is.")
    elif abs(d["outer_slope"]) < 0.05:
        lines.append(
            "The outer slope is small here ("
            + fmt(d["outer_slope"], sig_digits(d["outer_slope"], 2, 3))
            + "), so the composite slope is small too, yet still |f′(x)| times as large in size."
        )
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("u", "u = f(x)", fmt(d["u"])),
        ("inner", "Inner slope f′(x)", fmt(d["inner_slope"])),
        ("outer", "Outer slope g′(u)", fmt(d["outer_slope"])),
        ("y", "y = g(u)", fmt(d["y"])),
    ]


@demo.frame
def frame(v, d, revealed):
    f = INNER[v["inner"]][0]
    g = OUTER[v["outer"]][0]
    win = view(v)
    x = v["x"]
    u = d["u"]
    y = d["y"]
    half = 0.45
    s = d["inner_slope"]

    def composite(t):
        return g(f(t))

    shapes = [
        segment("vline", (x, win[2]), (x, win[3]), "guide"),
        curve("inner-curve", f, XMIN, XMAX, 121, "guide guide-2", key=v["inner"]),
        curve("composite-curve", composite, XMIN, XMAX, 161, "curve", key=v["inner"] + v["outer"]),
        segment("inner-tangent", (x - half, u - half * s), (x + half, u + half * s), "secant"),
    ]
    if revealed:
        shapes.append(line("composite-tangent", (x, y), d["composite"], "tangent"))
    shapes.append(point("pu", (x, u), "point point-2"))
    shapes.append(point("py", (x, y), "point"))
    # the higher point gets its label above, the lower one below, so the two never collide
    u_dy = -10 if u >= y else 20
    y_dy = 20 if u >= y else -10
    shapes.append(label("u-label", (x, u), "u = f(x)", "label", "start", 10, u_dy))
    shapes.append(label("y-label", (x, y), "y = g(f(x))", "label", "start", 10, y_dy))
    return shapes


handle = demo.handle
