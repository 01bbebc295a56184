"""Functions: a function is a rule from inputs to outputs; g(x) = f(x − a) reuses f's rule at a
shifted input.

The learner picks f, an input x and a shift a, sees where the input x − a lands on f's graph,
and predicts whether g(x) = f(x − a) is lower than, equal to or higher than f(x) before the
reveal draws g's graph (f's graph moved right by a).
"""

import math

from cfdemo import (
    Demo,
    arrow,
    banded,
    compare,
    curve,
    fmt,
    label,
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

XMIN = -5.0
XMAX = 5.0


def _square(x):
    return x * x


FUNCTIONS = {
    "square": _square,
    "sin": math.sin,
    "exp": math.exp,
    "abs": abs,
}

WINDOWS = {
    "square": (XMIN, XMAX, -1.5, 10.5),
    "sin": (XMIN, XMAX, -1.6, 1.6),
    "exp": (XMIN, XMAX, -1.5, 10.5),
    "abs": (XMIN, XMAX, -1.0, 5.5),
}

demo = Demo(
    title="Shifting a function's input",
    description=(
        "The graph of f with the input x and the shifted input x − a marked; after the reveal, "
        "the graph of g(x) = f(x − a) and the points (x, f(x)) and (x, g(x))."
    ),
    controls=[
        select(
            "fn",
            "Function f",
            [
                ("square", "f(x) = x²"),
                ("sin", "f(x) = sin x"),
                ("exp", "f(x) = eˣ"),
                ("abs", "f(x) = |x|"),
            ],
            "square",
        ),
        slider("x", "Input x", -3.0, 3.0, 0.01, 1.0),
        slider("a", "Shift a", -2.0, 2.0, 0.01, 1.0),
    ],
    prediction=prediction(
        "Compared with f(x), the value g(x) = f(x − a) is…",
        [("lower", "lower"), ("equal", "equal"), ("higher", "higher")],
    ),
    window=WINDOWS["square"],
)


@demo.view
def view(v):
    return WINDOWS[v["fn"]]


REL = 0.02  # "equal" also counts within 2% of the larger value …
FLOOR = 0.02  # … or 0.02 for values below 1
EXACT = 1e-9  # below this relative gap the two values are equal up to rounding
SIDE = ["lower", "equal", "higher"]


@demo.derive
def derive(v):
    f = FUNCTIONS[v["fn"]]
    fx = f(v["x"])
    gx = f(v["x"] - v["a"])
    return {
        "fx": fx,
        "gx": gx,
        "gap": gx - fx,
        "order": compare(gx, fx, EXACT),
        "tol": tolerance(fx, gx, REL, FLOOR),
    }


@demo.answer
def answer(v, d):
    """The side g(x) is on is always a true answer; "equal" is true as well when the two values
    are within the stated tolerance."""
    return banded(d["order"], abs(d["gap"]) <= d["tol"], SIDE, explain(v, d))


def explain(v, d):
    gap = d["gap"]
    close = abs(gap) <= d["tol"]
    lines = [
        "g(x) = f(x − a) = f(" + fmt(v["x"] - v["a"]) + ") = " + fmt(d["gx"])
        + "; f(x) = " + fmt(d["fx"]) + ".",
    ]
    if d["order"] == 0:
        lines.append("g(x) and f(x) are equal (up to rounding).")
    else:
        digits = sig_digits(gap, 2, 3)
        lines.append(
            "g(x) is " + pick(d["order"], "lower", "", "higher") + " than f(x) by "
            + fmt(abs(gap), digits) + " (g(x) − f(x) = " + fmt(gap, digits, True) + ")."
        )
    lines.append(
        "“Equal” also counts within 2% of the larger value (at least ±0.02): here ±"
        + fmt(d["tol"], 3) + ", so the two are " + ("" if close else "not ") + "equal by that rule."
    )
    lines.append(
        "g's graph is f's graph "
        + pick(sign(v["a"]), "moved left by " + fmt(-v["a"]), "itself (a = 0)", "moved right by " + fmt(v["a"]))
        + "."
    )
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("xa", "x − a", fmt(v["x"] - v["a"])),
        ("fx", "f(x)", fmt(d["fx"])),
    ]


@demo.frame
def frame(v, d, revealed):
    f = FUNCTIONS[v["fn"]]
    x = v["x"]
    xa = x - v["a"]
    shapes = [
        curve("f", f, XMIN, XMAX, 201, "curve", key=v["fn"]),
        segment("x-guide", (x, 0.0), (x, d["fx"]), "guide"),
        segment("xa-guide", (xa, 0.0), (xa, d["gx"]), "guide guide-2"),
        point("fx", (x, d["fx"]), "point"),
        point("fxa", (xa, d["gx"]), "point point-2"),
        label("x-label", (x, 0.0), "x", "label", "middle", 0, 16),
        label("xa-label", (xa, 0.0), "x − a", "label", "middle", 0, 30),
        label("fx-label", (x, d["fx"]), "(x, f(x))", "label", "start", 8, -8),
    ]
    if revealed:
        a = v["a"]
        shapes.insert(1, curve("g", lambda t: f(t - a), XMIN, XMAX, 201, "curve-2"))
        shapes.append(arrow("shift", (xa, d["gx"]), (x, d["gx"]), "arrow"))
        shapes.append(point("gx", (x, d["gx"]), "point point-2"))
        shapes.append(label("g-label", (x, d["gx"]), "(x, g(x))", "label", "start", 8, 18))
    return shapes


handle = demo.handle
