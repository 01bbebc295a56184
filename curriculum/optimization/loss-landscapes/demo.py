"""A 1-D slice through a critical point of a 2-D loss.

f(x, y) = x⁴/4 − x²/2 + b y²/2 has a saddle at (0, 0) and minima at (±1, 0). The learner picks the
point, the curvature b along y and a direction angle, sees the slices along the two axes (the
Hessian's eigenvectors), and predicts whether the slice along the chosen direction curves up,
stays flat or curves down at s = 0; the reveal draws it with its quadratic model ½(dᵀHd)s².
"""

import math

from cfdemo import Demo, curve, fmt, label, pick, point, prediction, select, slider

SMIN = -2.0
SMAX = 2.0
TOL = 0.05  # |dᵀHd| below this counts as flat
POINTS = {"saddle": (0.0, 0.0), "minimum": (1.0, 0.0)}

demo = Demo(
    title="Slicing a landscape through a critical point",
    description=(
        "Slices φ(s) = f(p + s d) − f(p) of f(x, y) = x⁴/4 − x²/2 + b y²/2 through a critical point p: "
        "along the x and y axes (dashed), and after the reveal along d = (cos a, sin a) with its "
        "quadratic model."
    ),
    controls=[
        select("point", "Critical point p", [("saddle", "saddle (0, 0)"), ("minimum", "minimum (1, 0)")], "saddle"),
        slider("b", "Curvature b along y", 0.25, 3.0, 0.05, 1.0),
        slider("angle", "Direction a (degrees)", 0.0, 180.0, 1.0, 20.0, 0),
    ],
    prediction=prediction(
        "Near s = 0, the slice along d curves…",
        [("down", "down (a ridge)"), ("flat", "neither (flat to second order)"), ("up", "up (a valley)")],
    ),
    window=(SMIN, SMAX, -1.0, 2.5),
    xlabel="s",
    ylabel="φ(s)",
)


def f(x, y, b):
    return x * x * x * x / 4.0 - x * x / 2.0 + b * y * y / 2.0


def _slice(px, py, dx, dy, b):
    f0 = f(px, py, b)
    return lambda s: f(px + s * dx, py + s * dy, b) - f0


@demo.derive
def derive(v):
    px, py = POINTS[v["point"]]
    b = v["b"]
    a = v["angle"] * math.pi / 180.0
    dx = math.cos(a)
    dy = math.sin(a)
    hxx = 3.0 * px * px - 1.0  # the Hessian is diag(3x² − 1, b) at (x, 0)
    kappa = hxx * dx * dx + b * dy * dy  # dᵀHd
    return {"px": px, "py": py, "dx": dx, "dy": dy, "hxx": hxx, "kappa": kappa}


@demo.answer
def answer(v, d):
    if d["kappa"] > TOL:
        return "up"
    if d["kappa"] < -TOL:
        return "down"
    return "flat"


ORDER = {"down": -1, "flat": 0, "up": 1}


@demo.explain
def explain(v, d):
    lines = [
        "φ″(0) = dᵀHd = " + fmt(d["hxx"], 2) + "·cos²a + " + fmt(v["b"], 2) + "·sin²a = "
        + fmt(d["kappa"], 3, True) + " (flat means within ±" + fmt(TOL, 2) + ").",
        "The slice's curvature is a weighted average of the eigenvalues, with weights cos²a = "
        + fmt(d["dx"] * d["dx"], 2) + " and sin²a = " + fmt(d["dy"] * d["dy"], 2) + ".",
    ]
    if d["hxx"] < 0:
        edge = math.atan(math.sqrt(-d["hxx"] / v["b"])) * 180.0 / math.pi
        lines.append(
            "At this saddle the slice is flat at a = " + fmt(edge, 1) + "° and " + fmt(180.0 - edge, 1)
            + "°: it curves down for directions within " + fmt(edge, 1) + "° of the x-axis and up for "
            + "the others, so at a = " + fmt(v["angle"], 0) + "° it "
            + pick(ORDER[answer(v, d)], "curves down", "is flat to second order", "curves up") + "."
        )
    else:
        lines.append("At a minimum both eigenvalues are positive, so every slice curves up.")
    return lines


@demo.readouts
def readouts(v, d):
    kind = "saddle" if d["hxx"] < 0 else "minimum"
    return [
        ("eig", "Hessian eigenvalues (x, y)", fmt(d["hxx"], 2) + ", " + fmt(v["b"], 2)),
        ("kind", "Type of p", kind),
        ("d", "Direction d", "(" + fmt(d["dx"], 2) + ", " + fmt(d["dy"], 2) + ")"),
    ]


def _x_label(which, px, py, b):
    """Label the x-slice where it is inside the window (right of p at the saddle, left at the minimum)."""
    s = 1.55 if which == "saddle" else -1.55
    anchor = "end" if which == "saddle" else "start"
    dx = -6 if which == "saddle" else 6
    return label("x-label", (s, _slice(px, py, 1.0, 0.0, b)(s)), "along x", "label", anchor, dx, -6)


@demo.frame
def frame(v, d, revealed):
    px = d["px"]
    py = d["py"]
    b = v["b"]
    shapes = [
        curve("along-x", _slice(px, py, 1.0, 0.0, b), SMIN, SMAX, 61, "guide", key=("x", v["point"])),
        curve("along-y", _slice(px, py, 0.0, 1.0, b), SMIN, SMAX, 41, "guide", key=("y", b)),
        _x_label(v["point"], px, py, b),
        label("y-label", (-1.2, _slice(px, py, 0.0, 1.0, b)(-1.2)), "along y", "label", "start", 6, -4),
    ]
    if revealed:
        k = d["kappa"]
        shapes.append(curve("slice", _slice(px, py, d["dx"], d["dy"], b), SMIN, SMAX, 61, "curve-2"))
        shapes.append(curve("model", lambda s: 0.5 * k * s * s, -1.2, 1.2, 25, "tangent"))
    shapes.append(point("p", (0.0, 0.0), "point"))
    shapes.append(label("p-label", (0.0, 0.0), "p", "label", "middle", 0, 20))
    return shapes


handle = demo.handle
