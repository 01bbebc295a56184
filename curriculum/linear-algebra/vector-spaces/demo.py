"""Vector spaces: is a line closed under linear combinations?

The learner places two points u and v on the line x₂ = x₁/2 + c, picks coefficients a and b, and
predicts whether w = a u + b v lands on the line before the reveal draws w and the parallelogram
that builds it. Through the origin (c = 0) every combination stays; for a shifted line only the
combinations with a + b = 1 do.
"""

from cfdemo import Demo, arrow, fmt, label, line, point, prediction, segment, slider

SLOPE = 0.5  # the line x2 = SLOPE x1 + c has direction d = (2, 1)

demo = Demo(
    title="Does the combination stay on the line?",
    description=(
        "The line x₂ = x₁/2 + c with two of its points u and v drawn as arrows from the origin; "
        "after the reveal, the combination w = a·u + b·v and the parallelogram that builds it."
    ),
    controls=[
        slider("c", "Offset c of the line", -1.5, 1.5, 0.25, 1.0),
        slider("s", "u: x-coordinate", -3.0, 3.0, 0.25, 2.0),
        slider("t", "v: x-coordinate", -3.0, 3.0, 0.25, -1.0),
        slider("a", "Coefficient a", -1.5, 2.0, 0.25, 1.0),
        slider("b", "Coefficient b", -1.5, 2.0, 0.25, 1.0),
    ],
    prediction=prediction(
        "The combination w = a·u + b·v lands…",
        [("on", "on the line"), ("off", "off the line")],
    ),
    window=(-6.0, 6.0, -3.6667, 3.6667),
    xlabel="x₁",
    ylabel="x₂",
)


def _on_line(x, c):
    return (x, SLOPE * x + c)


@demo.derive
def derive(v):
    c = v["c"]
    u = _on_line(v["s"], c)
    w_ = _on_line(v["t"], c)
    a = v["a"]
    b = v["b"]
    au = (a * u[0], a * u[1])
    bv = (b * w_[0], b * w_[1])
    w = (au[0] + bv[0], au[1] + bv[1])
    # vertical distance of w from the line; algebraically (a + b - 1) c
    gap = w[1] - (SLOPE * w[0] + c)
    return {"u": u, "v": w_, "au": au, "bv": bv, "w": w, "gap": gap, "tol": 0.01}


@demo.answer
def answer(v, d):
    return "on" if abs(d["gap"]) <= d["tol"] else "off"


def _pair(p):
    return "(" + fmt(p[0]) + ", " + fmt(p[1]) + ")"


@demo.explain
def explain(v, d):
    w = d["w"]
    lines = [
        "w = a·u + b·v = " + _pair(w) + "; the line at x₁ = " + fmt(w[0]) + " has x₂ = "
        + fmt(SLOPE * w[0] + v["c"]) + ".",
        "Height of w above the line: " + fmt(d["gap"], 2, True) + " = (a + b − 1)·c = ("
        + fmt(v["a"] + v["b"] - 1.0) + ")·(" + fmt(v["c"]) + ").",
    ]
    if abs(v["c"]) <= 1e-9:
        lines.append("With c = 0 the line passes through the origin: it is a subspace, so every a, b works.")
    elif abs(v["a"] + v["b"] - 1.0) <= 1e-9:
        lines.append("a + b = 1: an affine combination, the only kind a shifted line keeps.")
    else:
        lines.append("The shift c is counted a + b times in w instead of once, so w leaves the line.")
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("u", "u", _pair(d["u"])),
        ("v", "v", _pair(d["v"])),
    ]


@demo.frame
def frame(v, d, revealed):
    o = (0.0, 0.0)
    u = d["u"]
    vv = d["v"]
    shapes = [line("set", (0.0, v["c"]), SLOPE, "line")]
    if revealed:
        au = d["au"]
        w = d["w"]
        bv = d["bv"]
        shapes.append(arrow("au", o, au, "guide"))
        shapes.append(arrow("bv", o, bv, "guide"))
        shapes.append(segment("au-side", bv, w, "guide"))
        shapes.append(segment("bv-side", au, w, "guide"))
        shapes.append(arrow("w", o, w, "arrow"))
        shapes.append(point("w-dot", w, "point point-2"))
        shapes.append(label("w-label", w, "w", "label", "start", 8, 16))
    shapes.append(arrow("u", o, u, "curve"))
    shapes.append(arrow("v", o, vv, "curve"))
    shapes.append(point("u-dot", u, "point"))
    shapes.append(point("v-dot", vv, "point"))
    shapes.append(point("origin", o, "point", 3.0))
    shapes.append(label("u-label", u, "u", "label", "start", 8, -8))
    shapes.append(label("v-label", vv, "v", "label", "end", -8, -8))
    shapes.append(label("set-label", (-5.8, 3.3), "blue line: x₂ = x₁/2 + c", "label", "start", 0, 0))
    return shapes


handle = demo.handle
