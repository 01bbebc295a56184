"""Momentum on an elongated bowl: does the heavy ball settle in the target circle sooner than
plain gradient descent with the same step size?

f(x, y) = (x² + 20 y²)/2, start (−4, 1.5). Gradient descent's path is drawn; the learner picks β,
predicts whether the momentum path settles in fewer, about as many or more steps, and the reveal
draws it.
"""

import math

from cfdemo import Demo, fmt, label, path, point, prediction, slider

MU = 1.0
L = 20.0
START = (-4.0, 1.5)
RADIUS = 0.5
STEPS = 60  # steps drawn at least (more when a path settles later)
HORIZON = 200  # steps simulated: every path on the grid settles for good well before this
SAME = 2  # "about the same" means within this many steps
WINDOW = (-4.6, 4.6, -2.8, 2.8)

demo = Demo(
    title="Momentum on an elongated bowl",
    description=(
        "Contours of f(x, y) = (x² + 20y²)/2 with the target circle of radius 0.5 around the "
        "minimum, the gradient-descent path from (−4, 1.5) and, after the reveal, the momentum path "
        "with the same step size."
    ),
    controls=[
        slider("beta", "Momentum β", 0.0, 0.95, 0.05, 0.5),
        slider("eta", "Step size η", 0.04, 0.09, 0.005, 0.05, 3),
    ],
    prediction=prediction(
        "Compared with gradient descent at the same η, the momentum path settles in the circle in…",
        [
            ("fewer", "fewer steps"),
            ("same", "about as many steps (within 2)"),
            ("more", "more steps"),
        ],
    ),
    window=WINDOW,
    xlabel="x (flat direction)",
    ylabel="y (steep)",
)


def _run(eta, beta):
    """Heavy ball v ← βv − η∇f, θ ← θ + v for HORIZON steps: the path, the step from which it
    stays inside the circle for good (−1 if it is still outside at the horizon), and the step it
    first entered."""
    x = START[0]
    y = START[1]
    vx = 0.0
    vy = 0.0
    pts = [(x, y)]
    last_out = 0
    first_in = -1
    for t in range(1, HORIZON + 1):
        vx = beta * vx - eta * MU * x
        vy = beta * vy - eta * L * y
        x = x + vx
        y = y + vy
        pts.append((x, y))
        if x * x + y * y > RADIUS * RADIUS:
            last_out = t
        elif first_in < 0:
            first_in = t
    settle = last_out + 1 if last_out < HORIZON else -1
    shown = max(STEPS, settle) if settle > 0 else HORIZON
    return pts[: shown + 1], settle, first_in


def _root(eta, beta, lam):
    """Largest |z| solving z² − (1 + β − ηλ) z + β = 0: the per-step factor along eigenvalue λ."""
    a = 1.0 + beta - eta * lam
    disc = a * a - 4.0 * beta
    if disc < 0:
        return math.sqrt(beta)
    s = math.sqrt(disc)
    return max(abs(a + s), abs(a - s)) / 2.0


def _rate(eta, beta):
    return max(_root(eta, beta, MU), _root(eta, beta, L))


def _ellipse(c):
    ax = math.sqrt(2.0 * c / MU)
    ay = math.sqrt(2.0 * c / L)
    return [(ax * math.cos(k * math.pi / 30.0), ay * math.sin(k * math.pi / 30.0)) for k in range(61)]


def _circle():
    return [(RADIUS * math.cos(k * math.pi / 20.0), RADIUS * math.sin(k * math.pi / 20.0)) for k in range(41)]


LEVELS = [0.5, 2.0, 5.0, 10.0, 20.0, 30.5]


@demo.derive
def derive(v):
    eta = v["eta"]
    beta = v["beta"]
    gd, gd_settle, gd_first = demo.memo(("gd", eta), lambda: _run(eta, 0.0))  # η only
    hb, hb_settle, hb_first = _run(eta, beta)
    return {
        "gd": gd,
        "hb": hb,
        "gd_settle": gd_settle,
        "hb_settle": hb_settle,
        "gd_first": gd_first,
        "hb_first": hb_first,
        "gd_rate": _rate(eta, 0.0),
        "hb_rate": _rate(eta, beta),
    }


def _steps_text(n):
    return "not within " + str(HORIZON) + " steps" if n < 0 else "step " + str(n)


@demo.answer
def answer(v, d):
    g = d["gd_settle"]
    m = d["hb_settle"]
    if m < 0:
        return "more"
    if m - g <= SAME and g - m <= SAME:
        return "same"
    return "fewer" if m < g else "more"


def _returns(name, first, settle):
    """The sentence for a path that enters the circle, leaves again and settles later."""
    if first < 0 or first == settle:
        return []
    return [
        "The " + name + " path is first inside the circle at step " + str(first)
        + ", leaves it again, and stays inside only from " + _steps_text(settle) + "."
    ]


@demo.explain
def explain(v, d):
    return [
        "Momentum settles in the circle for good at " + _steps_text(d["hb_settle"])
        + "; gradient descent at " + _steps_text(d["gd_settle"]) + ".",
    ] + _returns("momentum", d["hb_first"], d["hb_settle"]) + [
        "Slowest per-step factor: gradient descent " + fmt(d["gd_rate"], 3) + ", momentum "
        + fmt(d["hb_rate"], 3) + " (the largest root of z² − (1 + β − ηλ)z + β over λ = 1 and 20).",
        "Along the flat x-axis the gradient barely changes sign, so momentum's step grows toward "
        + fmt(1.0 / (1.0 - v["beta"]), 1) + "× η·f′; too much momentum overshoots and circles instead.",
    ]


@demo.readouts
def readouts(v, d):
    return [
        ("gd", "Gradient descent settles for good at", _steps_text(d["gd_settle"])),
        ("boost", "Top-speed multiplier 1/(1 − β)", fmt(1.0 / (1.0 - v["beta"]), 2)),
        ("etal", "η·L (steep direction)", fmt(v["eta"] * L, 2)),
    ]


@demo.frame
def frame(v, d, revealed):
    shapes = []
    for i in range(len(LEVELS)):
        c = LEVELS[i]
        shapes.append(path("level" + str(i), demo.memo(("ellipse", c), lambda: _ellipse(c)), "guide", key=c))
    shapes.append(path("target", demo.memo("circle", _circle), "line", key="circle"))
    # gradient descent's path depends on η only (11 slider values): convert it once per η
    shapes.append(path("gd-path", d["gd"], "curve", key=("gd", v["eta"])))
    shapes.append(point("start", START, "point"))
    if d["gd_settle"] > 0:
        shapes.append(point("gd-end", d["gd"][d["gd_settle"]], "point", 3.5))
    if revealed:
        shapes.append(path("hb-path", d["hb"], "curve-2"))
        if d["hb_settle"] > 0:
            shapes.append(point("hb-end", d["hb"][d["hb_settle"]], "point point-2", 3.5))
        shapes.append(label("hb-label", (3.0, 2.4), "momentum", "label", "start", 0, 0))
    shapes.append(label("gd-label", (-4.4, 2.4), "gradient descent", "label", "start", 0, 0))
    return shapes


handle = demo.handle
