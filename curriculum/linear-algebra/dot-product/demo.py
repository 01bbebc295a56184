"""Dot product: the sign of u·v is the sign of cos θ, and u·v/‖v‖ is the shadow of u on v's line.

The learner sets the length and direction of two vectors u and v and predicts whether u·v is
positive, zero or negative before the reveal draws the angle between them and the projection of
u onto the line through v.
"""

import math

from cfdemo import Demo, arrow, fmt, label, line, path, point, prediction, segment, slider

DEG = math.pi / 180.0

demo = Demo(
    title="The sign of the dot product",
    description=(
        "Two vectors u and v drawn from the origin; after the reveal, the angle θ between them and "
        "the projection of u onto the line through v, whose signed length is u·v / ‖v‖."
    ),
    controls=[
        slider("len_u", "Length of u", 0.5, 3.0, 0.1, 2.0),
        slider("ang_u", "Direction of u (degrees)", -180.0, 180.0, 1.0, 30.0, 0),
        slider("len_v", "Length of v", 0.5, 3.0, 0.1, 1.5),
        slider("ang_v", "Direction of v (degrees)", -180.0, 180.0, 1.0, 100.0, 0),
    ],
    prediction=prediction(
        "The dot product u·v is…",
        [("positive", "positive"), ("zero", "zero"), ("negative", "negative")],
    ),
    window=(-5.0, 5.0, -3.0556, 3.0556),
    xlabel="x₁",
    ylabel="x₂",
)


def _polar(r, degrees):
    return (r * math.cos(degrees * DEG), r * math.sin(degrees * DEG))


@demo.derive
def derive(v):
    u = _polar(v["len_u"], v["ang_u"])
    w = _polar(v["len_v"], v["ang_v"])
    dot = u[0] * w[0] + u[1] * w[1]
    theta = v["ang_v"] - v["ang_u"]  # signed turn from u to v, folded into (-180, 180]
    while theta > 180.0:
        theta -= 360.0
    while theta <= -180.0:
        theta += 360.0
    lengths = v["len_u"] * v["len_v"]
    scale = dot / (v["len_v"] * v["len_v"])
    return {
        "u": u,
        "v": w,
        "dot": dot,
        "theta": theta,
        "geometric": lengths * math.cos(theta * DEG),
        "lengths": lengths,
        "shadow": dot / v["len_v"],
        "foot": (scale * w[0], scale * w[1]),
        "tol": 0.01 * lengths,
    }


@demo.answer
def answer(v, d):
    if abs(d["dot"]) <= d["tol"]:
        return "zero"
    return "positive" if d["dot"] > 0 else "negative"


@demo.explain
def explain(v, d):
    u = d["u"]
    w = d["v"]
    if abs(d["dot"]) <= d["tol"]:
        shadow = "the shadow of u on v's line is a single point: u is perpendicular to v."
    elif d["dot"] > 0:
        shadow = "the shadow of u on v's line points along v."
    else:
        shadow = "the shadow of u on v's line points against v."
    return [
        "u·v = u₁v₁ + u₂v₂ = (" + fmt(u[0]) + ")(" + fmt(w[0]) + ") + (" + fmt(u[1]) + ")("
        + fmt(w[1]) + ") = " + fmt(d["dot"], 3) + ".",
        "‖u‖ ‖v‖ cos θ = " + fmt(v["len_u"], 1) + " · " + fmt(v["len_v"], 1) + " · cos "
        + fmt(abs(d["theta"]), 0) + "° = " + fmt(d["geometric"], 3) + ".",
        "Signed length of the shadow u·v / ‖v‖ = " + fmt(d["shadow"], 2) + "; " + shadow,
        "“Zero” means |u·v| ≤ 0.01 ‖u‖ ‖v‖, an angle within about half a degree of 90°.",
    ]


@demo.readouts
def readouts(v, d):
    u = d["u"]
    w = d["v"]
    return [
        ("u", "u", "(" + fmt(u[0]) + ", " + fmt(u[1]) + ")"),
        ("v", "v", "(" + fmt(w[0]) + ", " + fmt(w[1]) + ")"),
    ]


def _arc(start, turn, r):
    """Points of the arc of radius r from direction `start` (degrees) turning by `turn` degrees."""
    n = 24
    return [_polar(r, start + turn * i / n) for i in range(n + 1)]


@demo.frame
def frame(v, d, revealed):
    o = (0.0, 0.0)
    u = d["u"]
    w = d["v"]
    shapes = []
    if revealed:
        foot = d["foot"]
        slope = None if abs(w[0]) < 1e-12 else w[1] / w[0]
        shapes.append(line("v-line", o, slope, "guide"))
        shapes.append(segment("drop", u, foot, "guide guide-2"))
        shapes.append(arrow("shadow", o, foot, "arrow"))
        shapes.append(point("foot", foot, "point point-2", 4.0))
        shapes.append(path("arc", _arc(v["ang_u"], d["theta"], 0.6), "guide"))
        mid = _polar(1.1, v["ang_u"] + d["theta"] / 2)
        shapes.append(label("theta", mid, "θ = " + fmt(abs(d["theta"]), 0) + "°", "label", "middle", 0, 5))
    shapes.append(arrow("u", o, u, "curve"))
    shapes.append(arrow("v", o, w, "line"))
    shapes.append(point("origin", o, "point", 3.0))
    shapes.append(label("u-label", u, "u", "label", "start", 8, -6))
    shapes.append(label("v-label", w, "v", "label", "start", 8, -6))
    return shapes


handle = demo.handle
