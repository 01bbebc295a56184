"""Backpropagation in the smallest network: y_hat = w2 tanh(w1 x), loss L = (y_hat - t)^2 / 2.

The plot shows the network's output as a function of its input s, one training example (x, t)
and the prediction y_hat at x. The learner picks a weight and predicts whether it should go up or
down to lower the loss; the reveal runs the backward pass (error signals and gradients), checks it
with a central difference, and draws the network after one gradient step on that weight.
"""

import math

from cfdemo import (
    Demo,
    arrow,
    banded,
    curve,
    fmt,
    label,
    pick,
    point,
    prediction,
    segment,
    select,
    sign,
    slider,
)

SMIN = -3.0
SMAX = 3.0
ETA = 0.3
STAY = 0.01

demo = Demo(
    title="Which way should a weight move?",
    description=(
        "The output of the network y = w₂ tanh(w₁ s) over inputs s in [−3, 3], the training "
        "example (x, t) and the prediction at x, joined by the error; after the reveal, the "
        "network after one gradient step on the chosen weight."
    ),
    controls=[
        slider("w1", "Weight w₁", -3.0, 3.0, 0.05, 1.0),
        slider("w2", "Weight w₂", -3.0, 3.0, 0.05, -1.0),
        slider("x", "Input x", -2.0, 2.0, 0.05, 1.0),
        slider("t", "Target t", -3.0, 3.0, 0.05, 1.0),
        select("weight", "Weight to move", [("w1", "w₁ (first layer)"), ("w2", "w₂ (output layer)")], "w1"),
    ],
    prediction=prediction(
        "To lower the loss, the chosen weight should…",
        [("decrease", "decrease"), ("stay", "stay (gradient within ±0.01)"), ("increase", "increase")],
    ),
    window=(SMIN, SMAX, -3.5, 3.5),
    xlabel="input s",
    ylabel="output",
)


def _tanh(u):
    return 1.0 - 2.0 / (math.exp(2.0 * u) + 1.0)


def _num(x):
    """Three decimals, or six for a tiny nonzero value (so a vanishing gradient shows as such)."""
    if x != 0 and abs(x) < 0.0005:
        return fmt(x, 6)
    return fmt(x, 3)


def loss(w1, w2, x, t):
    r = w2 * _tanh(w1 * x) - t
    return 0.5 * r * r


@demo.derive
def derive(v):
    w1 = v["w1"]
    w2 = v["w2"]
    x = v["x"]
    t = v["t"]
    h = _tanh(w1 * x)  # forward pass
    y_hat = w2 * h
    delta2 = y_hat - t  # backward pass: error signal at the output
    g2 = delta2 * h
    delta1 = delta2 * w2 * (1.0 - h * h)  # error signal at the hidden unit
    g1 = delta1 * x
    s = 1e-5
    if v["weight"] == "w1":
        g = g1
        numeric = (loss(w1 + s, w2, x, t) - loss(w1 - s, w2, x, t)) / (2 * s)
        new1 = w1 - ETA * g1
        new2 = w2
    else:
        g = g2
        numeric = (loss(w1, w2 + s, x, t) - loss(w1, w2 - s, x, t)) / (2 * s)
        new1 = w1
        new2 = w2 - ETA * g2
    return {
        "h": h,
        "y_hat": y_hat,
        "loss": 0.5 * delta2 * delta2,
        "delta2": delta2,
        "delta1": delta1,
        "g1": g1,
        "g2": g2,
        "g": g,
        "numeric": numeric,
        "new1": new1,
        "new2": new2,
        "y_new": new2 * _tanh(new1 * x),
        "loss_new": loss(new1, new2, x, t),
    }


@demo.answer
def answer(v, d):
    """Moving against the gradient's sign is always right; within ±STAY "stay" is right too."""
    g = d["g"]
    return banded(sign(g), abs(g) <= STAY, ["increase", "stay", "decrease"], explain(v, d))


def explain(v, d):
    name = "w₁" if v["weight"] == "w1" else "w₂"
    g = d["g"]
    lines = [
        "Backward pass: δ₂ = ŷ − t = " + _num(d["delta2"]) + "; ∂L/∂w₂ = δ₂ · h = " + _num(d["g2"]) + ".",
        "δ₁ = δ₂ · w₂ · (1 − h²) = "
        + _num(d["delta1"])
        + "; ∂L/∂w₁ = δ₁ · x = "
        + _num(d["g1"])
        + ".",
        "Central difference: ∂L/∂" + name + " ≈ " + _num(d["numeric"]) + ".",
        "The step "
        + name
        + " ← "
        + name
        + " − 0.3 · ∂L/∂"
        + name
        + " changes the loss from "
        + fmt(d["loss"], 3)
        + " to "
        + fmt(d["loss_new"], 3)
        + ".",
    ]
    if g == 0.0:
        lines.append("The gradient is exactly 0: no small step in " + name + " changes the loss to first order.")
    elif abs(g) <= STAY:
        lines.append(
            "The gradient is within ±0.01, so “stay” counts as well as “"
            + pick(sign(g), "increase", "", "decrease") + "”: a small step would barely change the loss."
        )
    return lines


@demo.readouts
def readouts(v, d):
    return [
        ("h", "Hidden h = tanh(w₁x)", fmt(d["h"], 3)),
        ("yhat", "Output ŷ = w₂h", fmt(d["y_hat"], 3)),
        ("err", "Error ŷ − t", _num(d["delta2"])),
        ("loss", "Loss L", fmt(d["loss"], 3)),
    ]


@demo.frame
def frame(v, d, revealed):
    w1 = v["w1"]
    w2 = v["w2"]
    x = v["x"]
    t = v["t"]

    def net(s):
        return w2 * _tanh(w1 * s)

    shapes = [curve("net", net, SMIN, SMAX, 121, "curve")]
    if revealed:
        n1 = d["new1"]
        n2 = d["new2"]

        def stepped(s):
            return n2 * _tanh(n1 * s)

        shapes.append(curve("net-after", stepped, SMIN, SMAX, 121, "curve-2"))
    shapes.append(segment("error", (x, d["y_hat"]), (x, t), "delta"))
    if revealed:
        shapes.append(arrow("move", (x, d["y_hat"]), (x, d["y_new"]), "arrow"))
    shapes.append(point("target", (x, t), "point point-2"))
    shapes.append(point("pred", (x, d["y_hat"]), "point"))
    shapes.append(label("target-label", (x, t), "target t", "label", "start", 10, -8))
    shapes.append(label("pred-label", (x, d["y_hat"]), "ŷ", "label", "start", 10, 18))
    return shapes


handle = demo.handle
