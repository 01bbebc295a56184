"""Gradient descent on a parabola: whether the iterates settle, swing or blow up depends only on
the product of the step size and the curvature.

The learner sets the curvature lambda of f(x) = lambda x^2 / 2 and the step size eta, sees the first
step from x0 = 2, and predicts what the next steps do before the reveal draws twelve of them.
"""

from cfdemo import Answer, Demo, arrow, curve, fmt, label, point, prediction, segment, slider

X0 = 2.0
STEPS = 12
XMIN = -3.0
XMAX = 3.0
TOL = 0.02  # r within this of a boundary (0 or −1) also counts as that boundary's case

demo = Demo(
    title="Step size against curvature",
    description=(
        "The parabola f(x) = λx²/2 with the gradient-descent iterates x(t+1) = x(t) − η f′(x(t)) "
        "from x₀ = 2: before the reveal only the first step, after it twelve steps."
    ),
    controls=[
        slider("lam", "Curvature λ", 0.5, 5.0, 0.1, 2.0, 1),
        slider("eta", "Step size η", 0.01, 1.2, 0.01, 0.3),
    ],
    prediction=prediction(
        "Over the next steps, the iterates…",
        [
            ("monotone", "slide in from one side"),
            ("oscillate", "swing across the minimum, swings shrinking"),
            ("bounce", "bounce between the two sides at a steady size"),
            ("diverge", "swing across with growing swings"),
        ],
    ),
    window=(XMIN, XMAX, -1.0, 9.45),
    xlabel="x",
    ylabel="f(x)",
)


def _ytop(lam):
    return 0.5 * lam * XMAX * XMAX * 1.05


@demo.view
def view(v):
    top = _ytop(v["lam"])
    return (XMIN, XMAX, -0.1 * top, top)


@demo.derive
def derive(v):
    lam = v["lam"]
    eta = v["eta"]
    r = 1.0 - eta * lam  # x(t+1) = r x(t): the factor every step multiplies by
    xs = [X0]
    for _ in range(STEPS):
        xs.append(r * xs[-1])
    return {"r": r, "xs": xs, "etalam": eta * lam, "thresh": 2.0 / lam}


EXACT = 1e-9  # r within this of 0 or −1 is that value up to rounding (ηλ is a decimal product)
KINDS = ["diverge", "bounce", "oscillate", "monotone"]


def _kind(r):
    """The exact behaviour of x(t) = rᵗ x₀ (0 ≤ r < 1 never crosses the minimum)."""
    if r >= -EXACT:
        return "monotone"
    if r > -1.0 + EXACT:
        return "oscillate"
    if r >= -1.0 - EXACT:
        return "bounce"
    return "diverge"


@demo.answer
def answer(v, d):
    """The exact behaviour is always accepted; within ±TOL of a boundary (r = 0 or r = −1) the
    boundary's neighbour also counts, because twelve steps cannot tell them apart."""
    r = d["r"]
    kind = _kind(r)
    also = []
    if kind == "oscillate" and r >= -TOL - EXACT:
        also = ["monotone"]
    elif kind != "bounce" and abs(r + 1.0) <= TOL + EXACT:
        also = ["bounce"]
    return Answer(kind, explain(v, d, also), also)


def explain(v, d, also):
    r = d["r"]
    kind = _kind(r)
    lines = [
        "Each step multiplies x by r = 1 − ηλ = " + fmt(r, 3, True) + ", so x(t) = rᵗ · 2.",
        "|r| = " + fmt(abs(r), 3) + " (converges when |r| < 1, i.e. η < 2/λ = " + fmt(d["thresh"], 3)
        + "); after 12 steps x = " + fmt(d["xs"][STEPS], 3) + ".",
    ]
    if kind == "monotone":
        lines.append("r ≥ 0: no step crosses to the other side of the minimum.")
    else:
        lines.append("r < 0: each step overshoots to the other side of the minimum.")
    if also:
        lines.append(
            "r is within ±" + fmt(TOL, 2) + " of " + ("0" if also[0] == "monotone" else "−1")
            + ", so the boundary case “" + demo.prediction.label(also[0]) + "” also counts."
        )
    return lines


@demo.readouts
def readouts(v, d):
    xs = d["xs"]
    lam = v["lam"]
    return [
        ("etalam", "η·λ", fmt(d["etalam"], 3)),
        ("x1", "x₁ = x₀ − η f′(x₀)", fmt(xs[1], 3)),
        ("f1", "f(x₁) / f(x₀)", fmt((0.5 * lam * xs[1] * xs[1]) / (0.5 * lam * X0 * X0), 3)),
    ]


@demo.frame
def frame(v, d, revealed):
    lam = v["lam"]
    xs = d["xs"]

    def f(x):
        return 0.5 * lam * x * x

    shapes = [curve("curve", f, XMIN, XMAX, 121, "curve", key=lam)]
    last = STEPS if revealed else 1
    for t in range(last):
        a = (xs[t], f(xs[t]))
        b = (xs[t + 1], f(xs[t + 1]))
        if t == 0:
            shapes.append(arrow("step0", a, b, "arrow"))
        else:
            shapes.append(segment("step" + str(t), a, b, "guide"))
    for t in range(last + 1):
        cls = "point" if t == 0 else "point point-2"
        shapes.append(point("x" + str(t), (xs[t], f(xs[t])), cls, 5.0 if t < 2 else 3.5))
    shapes.append(label("x0-label", (xs[0], f(xs[0])), "x₀", "label", "start", 8, 4))
    if XMIN <= xs[1] <= XMAX:
        shapes.append(label("x1-label", (xs[1], f(xs[1])), "x₁", "label", "end", -8, -6))
    if revealed and XMIN <= xs[STEPS] <= XMAX:
        shapes.append(label("x12-label", (xs[STEPS], f(xs[STEPS])), "x₁₂", "label", "middle", 0, -10))
    return shapes


handle = demo.handle
