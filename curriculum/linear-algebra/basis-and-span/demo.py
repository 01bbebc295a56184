"""Basis and span: the coordinates of a vector x in a basis b1, b2 of the plane.

The learner turns the two basis vectors and moves x, and predicts the sign of the first coordinate
c1 in x = c1 b1 + c2 b2 before the reveal draws the grid of the basis and the path c1 b1, then
c2 b2, that reaches x.
"""

import math

from cfdemo import Demo, arrow, banded, compare, fmt, label, line, pick, point, prediction, sig_digits, slider

DEG = math.pi / 180.0
LEN1 = 2.0
LEN2 = math.sqrt(2.0)  # so that b2 at 45° is (1, 1)
GRID = [(-4, "m4"), (-3, "m3"), (-2, "m2"), (-1, "m1"), (0, "0"), (1, "1"), (2, "2"), (3, "3"), (4, "4")]

demo = Demo(
    title="The sign of a coordinate",
    description=(
        "A basis b₁ (black), b₂ (blue) of the plane and a vector x (orange); after the reveal, the "
        "grid of the basis and the path c₁b₁ then c₂b₂ that reaches x."
    ),
    controls=[
        slider("ang1", "Direction of b₁ (degrees)", -30.0, 30.0, 1.0, 0.0, 0),
        slider("ang2", "Direction of b₂ (degrees)", 35.0, 145.0, 1.0, 45.0, 0),
        slider("x1", "x₁", -3.0, 3.0, 0.1, 0.0, 1),
        slider("x2", "x₂", -3.0, 3.0, 0.1, 2.0, 1),
    ],
    prediction=prediction(
        "In x = c₁b₁ + c₂b₂, the coordinate c₁ is…",
        [("positive", "positive"), ("zero", "zero"), ("negative", "negative")],
    ),
    window=(-5.0, 5.0, -3.0556, 3.0556),
    xlabel="x₁",
    ylabel="x₂",
)


def _polar(r, degrees):
    return (r * math.cos(degrees * DEG), r * math.sin(degrees * DEG))


def _slope(d):
    return None if abs(d[0]) < 1e-12 else d[1] / d[0]


@demo.derive
def derive(v):
    b1 = _polar(LEN1, v["ang1"])
    b2 = _polar(LEN2, v["ang2"])
    x = (v["x1"], v["x2"])
    det = b1[0] * b2[1] - b1[1] * b2[0]  # never zero: the two angle ranges are at least 5° apart
    # Cramer's rule for B c = x with B = [b1 b2]
    c1 = (x[0] * b2[1] - x[1] * b2[0]) / det
    c2 = (b1[0] * x[1] - b1[1] * x[0]) / det
    return {
        "b1": b1,
        "b2": b2,
        "x": x,
        "c1": c1,
        "c2": c2,
        "dot1": b1[0] * x[0] + b1[1] * x[1],
        "tol": 0.02,
    }


EXACT = 1e-9  # |c₁| below this (relative to |x|) is 0 up to rounding: x on the line of b₂
SIDE = ["negative", "zero", "positive"]


def _order(d):
    return compare(d["c1"], 0.0, 0.0, EXACT * max(1.0, abs(d["c2"])))


@demo.answer
def answer(v, d):
    """The sign of c₁ is always a true answer; "zero" is true as well when |c₁| ≤ 0.02."""
    return banded(_order(d), abs(d["c1"]) <= d["tol"], SIDE, explain(v, d))


def explain(v, d):
    order = _order(d)
    if order == 0:
        where = "x lies on the line through b₂, so c₁ is exactly 0"
    else:
        where = (
            "x lies on the " + pick(order, "far", "", "same") + " side of the line through b₂ from b₁"
            + ", so c₁ is " + pick(order, "negative", "", "positive")
            + " (c₁ = " + fmt(d["c1"], sig_digits(d["c1"], 2, 3), True) + ")"
        )
    close = abs(d["c1"]) <= d["tol"]
    return [
        "x = " + fmt(d["c1"], 2) + "·b₁ " + ("− " if fmt(d["c2"], 2)[0] == "−" else "+ ")
        + fmt(abs(d["c2"]), 2) + "·b₂, so c = (" + fmt(d["c1"], 2) + ", " + fmt(d["c2"], 2) + ").",
        where + "; “zero” also counts when |c₁| ≤ 0.02, "
        + ("as here." if close else "not here."),
        "Compare the dot product b₁·x = " + fmt(d["dot1"], 2)
        + ": it is a coordinate only in an orthonormal basis.",
    ]


@demo.readouts
def readouts(v, d):
    return [
        ("b1", "b₁", "(" + fmt(d["b1"][0]) + ", " + fmt(d["b1"][1]) + ")"),
        ("b2", "b₂", "(" + fmt(d["b2"][0]) + ", " + fmt(d["b2"][1]) + ")"),
        ("x", "x", "(" + fmt(v["x1"], 1) + ", " + fmt(v["x2"], 1) + ")"),
    ]


@demo.frame
def frame(v, d, revealed):
    o = (0.0, 0.0)
    b1 = d["b1"]
    b2 = d["b2"]
    x = d["x"]
    shapes = []
    if revealed:
        s1 = _slope(b1)
        s2 = _slope(b2)
        for k, name in GRID:
            # lines parallel to b1 through k b2, and parallel to b2 through k b1
            shapes.append(line("g1-" + name, (k * b2[0], k * b2[1]), s1, "guide"))
            shapes.append(line("g2-" + name, (k * b1[0], k * b1[1]), s2, "guide"))
        c1b1 = (d["c1"] * b1[0], d["c1"] * b1[1])
        if abs(d["c1"]) > d["tol"]:
            shapes.append(arrow("c1b1", o, c1b1, "guide guide-2"))
            shapes.append(label("c1b1-label", c1b1, "c₁b₁", "label", "middle", 0, 20))
        shapes.append(arrow("c2b2", c1b1, x, "guide guide-2"))
    shapes.append(arrow("b1", o, b1, "curve"))
    shapes.append(arrow("b2", o, b2, "line"))
    shapes.append(arrow("x", o, x, "arrow"))
    shapes.append(point("origin", o, "point", 3.0))
    shapes.append(label("b1-label", b1, "b₁", "label", "start", 4, -8))
    shapes.append(label("b2-label", b2, "b₂", "label", "start", 8, -4))
    shapes.append(label("x-label", x, "x", "label", "start", 8, -8))
    return shapes


handle = demo.handle
