"""Norms: the balls of radius r of the L1, L2 and max norms are nested, diamond in circle in square.

The learner places a point x and sets a radius r, and predicts which of the three balls of radius
r contain x before the reveal gives the three norms of x and draws the taxicab route whose length
is ‖x‖₁.
"""

import math

from cfdemo import Demo, fmt, label, path, point, prediction, segment, slider

CIRCLE_STEPS = 96

demo = Demo(
    title="Which balls contain the point?",
    description=(
        "Balls of radius r in three norms: the max norm (black square), the Euclidean norm (blue "
        "circle) and the L1 norm (orange diamond), with the point x; after the reveal, the "
        "taxicab route from the origin to x."
    ),
    controls=[
        slider("x1", "x₁", -2.5, 2.5, 0.1, 1.2),
        slider("x2", "x₂", -2.5, 2.5, 0.1, 0.5),
        slider("r", "Radius r", 0.2, 2.5, 0.1, 1.5),
    ],
    prediction=prediction(
        "The balls of radius r that contain x are…",
        [
            ("none", "none of them"),
            ("square", "only the square (max norm)"),
            ("two", "the square and the circle"),
            ("all", "all three"),
        ],
    ),
    window=(-5.0, 5.0, -3.0556, 3.0556),
    xlabel="x₁",
    ylabel="x₂",
)

# The unit circle, sampled once; scaled by r in the frame.
UNIT_CIRCLE = [
    (math.cos(2 * math.pi * i / CIRCLE_STEPS), math.sin(2 * math.pi * i / CIRCLE_STEPS))
    for i in range(CIRCLE_STEPS + 1)
]
EPS = 1e-9  # a point on a ball's boundary is inside (the balls are closed)


@demo.derive
def derive(v):
    a = abs(v["x1"])
    b = abs(v["x2"])
    return {
        "inf": max(a, b),
        "two": math.sqrt(a * a + b * b),
        "one": a + b,
    }


@demo.answer
def answer(v, d):
    r = v["r"] + EPS
    inside = 0
    for key in ("inf", "two", "one"):
        if d[key] <= r:
            inside += 1
    return ["none", "square", "two", "all"][inside]


@demo.explain
def explain(v, d):
    r = v["r"]

    def verdict(value):
        return "inside" if value <= r + EPS else "outside"

    return [
        "‖x‖∞ = max(|x₁|, |x₂|) = " + fmt(d["inf"]) + ": " + verdict(d["inf"]) + " the square of radius "
        + fmt(r) + ".",
        "‖x‖₂ = √(x₁² + x₂²) = " + fmt(d["two"]) + ": " + verdict(d["two"]) + " the circle.",
        "‖x‖₁ = |x₁| + |x₂| = " + fmt(d["one"]) + ": " + verdict(d["one"]) + " the diamond.",
        "Always ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁, so the diamond lies inside the circle and the circle inside the "
        "square; a point on a boundary counts as inside.",
    ]


@demo.readouts
def readouts(v, d):
    return [("x", "x", "(" + fmt(v["x1"], 1) + ", " + fmt(v["x2"], 1) + ")"), ("r", "r", fmt(v["r"], 1))]


@demo.frame
def frame(v, d, revealed):
    r = v["r"]
    x = (v["x1"], v["x2"])
    square = [(r, r), (-r, r), (-r, -r), (r, -r), (r, r)]
    diamond = [(r, 0.0), (0.0, r), (-r, 0.0), (0.0, -r), (r, 0.0)]
    circle = [(r * p[0], r * p[1]) for p in UNIT_CIRCLE]
    shapes = [
        path("square", square, "curve"),
        path("circle", circle, "line"),
        path("diamond", diamond, "curve-2"),
        label("square-label", (-r, r), "max", "label", "end", -4, -4),
        label("circle-label", (-0.7071 * r, 0.7071 * r), "L2", "label", "end", -4, -4),
        label("diamond-label", (-0.5 * r, 0.5 * r), "L1", "label", "end", -4, -4),
    ]
    if revealed:
        corner = (x[0], 0.0)
        shapes.append(segment("leg-1", (0.0, 0.0), corner, "guide guide-2"))
        shapes.append(segment("leg-2", corner, x, "guide guide-2"))
        shapes.append(segment("straight", (0.0, 0.0), x, "guide"))
    shapes.append(point("origin", (0.0, 0.0), "point", 3.0))
    shapes.append(point("x", x, "point"))
    shapes.append(label("x-label", x, "x", "label", "start", 8, -8))
    return shapes


handle = demo.handle
