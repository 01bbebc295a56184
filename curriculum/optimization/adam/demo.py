"""Adam's step size does not follow the gradient's scale.

A stream of 30 noisy, positive gradients g_t = c (1 + 0.5 z_t) feeds Adam (β₁ = 0.9, ε = 1e-8).
The learner sets the scale c, the bias correction and β₂, sees SGD's steps (which scale with c),
and predicts Adam's first step relative to α before the reveal draws Adam's 30 steps.
"""

import math

from cfdemo import Demo, bar, fmt, label, path, prediction, segment, select, slider, toggle

BETA1 = 0.9
EPS = 1e-8
T = 30
# fixed noise z_t in [-1, 1], so every state shows the same stream up to its scale
Z = [-0.83, -0.53, 0.6, 0.16, -0.81, -0.13, -0.04, -0.68, 0.47, -0.77,
     -0.22, 0.03, -0.14, 0.17, 0.48, 0.91, -0.43, 0.3, 0.39, -0.41,
     -1.0, 0.95, -0.4, -0.37, 0.78, 0.17, -0.06, 0.55, -0.94, 0.41]
TOL = 0.05  # "about α" means within 5% of α
YMAX = 7.0

demo = Demo(
    title="Adam's step against the gradient's scale",
    description=(
        "Step lengths in units of α for 30 steps of a noisy gradient stream scaled by c: SGD with "
        "learning rate α as a line, and after the reveal Adam's steps as bars."
    ),
    controls=[
        slider("logc", "Gradient scale log₁₀ c", -10.0, 2.0, 0.5, 0.0, 1),
        toggle("bias", "Bias correction", True),
        select("beta2", "β₂", [("0.9", "0.9"), ("0.99", "0.99"), ("0.999", "0.999")], "0.999"),
    ],
    prediction=prediction(
        "Adam's first step, compared with α, is…",
        [("smaller", "clearly smaller"), ("about", "about α (within 5%)"), ("larger", "clearly larger")],
    ),
    window=(0.0, T + 1.0, 0.0, YMAX),
    xlabel="step t",
    ylabel="step / α",
)


def _unit(bias, beta2):
    """m̂_t and √v̂_t for the stream at scale c = 1. Both recursions are linear in the gradient
    (m̂ scales with c, √v̂ with c), so every other scale reuses these lists."""
    m = 0.0
    s = 0.0
    p1 = 1.0  # β₁ᵗ, kept as a running product
    p2 = 1.0  # β₂ᵗ
    m_hats = []
    roots = []
    for t in range(T):
        g = 1.0 + 0.5 * Z[t]
        m = BETA1 * m + (1.0 - BETA1) * g
        s = beta2 * s + (1.0 - beta2) * g * g
        p1 = p1 * BETA1
        p2 = p2 * beta2
        if bias:
            m_hats.append(m / (1.0 - p1))
            roots.append(math.sqrt(s / (1.0 - p2)))
        else:
            m_hats.append(m)
            roots.append(math.sqrt(s))
    return m_hats, roots


@demo.derive
def derive(v):
    c = 10.0 ** v["logc"]
    beta2 = float(v["beta2"])
    unit = demo.memo(("unit", v["bias"], v["beta2"]), lambda: _unit(v["bias"], beta2))
    m_hats = unit[0]
    roots = unit[1]
    grads = []
    steps = []
    for t in range(T):
        grads.append(c * (1.0 + 0.5 * Z[t]))
        # |step| / α = m̂_t / (√v̂_t + ε) with m̂_t = c·m̂(unit) and √v̂_t = c·√v̂(unit)
        steps.append(c * m_hats[t] / (c * roots[t] + EPS))
    return {"c": c, "beta2": beta2, "grads": grads, "steps": steps, "first": steps[0]}


@demo.answer
def answer(v, d):
    r = d["first"]
    if r < 1.0 - TOL:
        return "smaller"
    if r > 1.0 + TOL:
        return "larger"
    return "about"


@demo.explain
def explain(v, d):
    g1 = d["grads"][0]
    lines = ["First step = " + fmt(d["first"], 3) + " α."]
    if v["bias"]:
        lines.append(
            "With bias correction m̂₁ = g₁ and v̂₁ = g₁², so the step is α·|g₁| / (|g₁| + ε): "
            + "close to α only when |g₁| is well above ε = 10⁻⁸ (here |g₁| = " + _sci(g1) + ")."
        )
    else:
        lines.append(
            "Without it m₁ = (1 − β₁)g₁ and v₁ = (1 − β₂)g₁², so the step is α·(1 − β₁)/√(1 − β₂) = "
            + fmt((1.0 - BETA1) / math.sqrt(1.0 - d["beta2"]), 3) + " α when |g₁| is well above ε."
        )
    lines.append(
        "SGD with learning rate α moved " + _sci(g1) + " α: it scales with c; Adam's step does not, "
        + "as long as |g₁| is well above ε."
    )
    return lines


def _sci(x):
    """x as a·10^k with two decimals (fmt keeps CPython and MicroPython identical)."""
    if x == 0:
        return "0"
    k = int(math.floor(math.log10(abs(x)) + 1e-12))
    a = x / (10.0 ** k)
    if a >= 9.995:
        a = a / 10.0
        k = k + 1
    if k == 0:
        return fmt(a, 2)
    return fmt(a, 2) + "·10" + _sup(k)


def _sup(k):
    """The integer k as superscript digits."""
    digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
    n = -k if k < 0 else k
    out = ""
    while True:
        out = digits[n % 10] + out
        n = n // 10
        if n == 0:
            break
    return ("⁻" + out) if k < 0 else out


@demo.readouts
def readouts(v, d):
    return [
        ("c", "Scale c", _sci(d["c"])),
        ("g1", "First gradient g₁ (SGD's first step is α·g₁)", _sci(d["grads"][0])),
        ("geps", "g₁ / ε", _sci(d["grads"][0] / EPS)),
    ]


@demo.frame
def frame(v, d, revealed):
    shapes = [segment("alpha", (0.0, 1.0), (T + 1.0, 1.0), "guide")]
    shapes.append(label("alpha-label", (T + 1.0, 1.0), "α", "label", "end", -4, -6))
    sgd = []
    for t in range(1, T + 1):
        sgd.append((t, d["grads"][t - 1]))
    shapes.append(path("sgd", sgd, "curve-2"))
    where = ""
    if d["grads"][0] > YMAX:
        where = " (off the top)"
    elif d["grads"][0] < 0.05:
        where = " (flat on the axis)"
    shapes.append(label("sgd-label", (0.0, YMAX), "line: SGD" + where, "label", "start", 8, 16))
    if revealed:
        for t in range(1, T + 1):
            shapes.append(bar("b" + str(t), t, 0.6, d["steps"][t - 1], "bar"))
        shapes.append(label("adam-label", (T + 1.0, YMAX), "bars: Adam", "label", "end", -4, 16))
    return shapes


handle = demo.handle
