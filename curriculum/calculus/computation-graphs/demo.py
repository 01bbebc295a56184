"""Computation graphs: y = ln(x1) + x1*x2 - sin(x2) as seven nodes whose values flow forward.

The learner moves the two inputs and watches every node recompute from its parents; choosing an
input to follow highlights the nodes and edges it reaches. Before the reveal, the learner predicts
which input, nudged up by 0.1 on its own, moves the output y more; the reveal shows how the nudge
spreads through the graph.
"""

import math

from cfdemo import Demo, arrow, banded, cell, compare, fmt, label, prediction, select, slider

NUDGE = 0.1
HALF_W = 1.0
HALF_H = 0.55

# (id, title, centre x, centre y): the layout, in topological order.
NODES = [
    ["x1", "x₁", 1.1, 4.4],
    ["x2", "x₂", 1.1, 1.6],
    ["v1", "v₁ = ln x₁", 3.85, 5.1],
    ["v2", "v₂ = x₁ · x₂", 3.85, 3.0],
    ["v3", "v₃ = sin x₂", 3.85, 0.9],
    ["v4", "v₄ = v₁ + v₂", 6.4, 4.05],
    ["y", "y = v₄ − v₃", 8.85, 2.5],
]
EDGES = [
    ["x1", "v1"],
    ["x1", "v2"],
    ["x2", "v2"],
    ["x2", "v3"],
    ["v1", "v4"],
    ["v2", "v4"],
    ["v4", "y"],
    ["v3", "y"],
]
# The nodes each input reaches (its descendants, itself included), and its paths to y.
REACHES = {
    "x1": ["x1", "v1", "v2", "v4", "y"],
    "x2": ["x2", "v2", "v3", "v4", "y"],
}
PATHS = {
    "x1": ["x₁ → v₁ → v₄ → y", "x₁ → v₂ → v₄ → y"],
    "x2": ["x₂ → v₂ → v₄ → y", "x₂ → v₃ → y"],
}

demo = Demo(
    title="Values flowing through a computation graph",
    description=(
        "Seven boxes: inputs x₁ and x₂ on the left, the operations ln, ×, sin, + and − in the "
        "middle, and the output y on the right, each showing its current value; arrows run from "
        "each node to the nodes that use it. The followed input's descendants are shaded."
    ),
    controls=[
        slider("x1", "Input x₁", 0.2, 4.0, 0.05, 2.0),
        slider("x2", "Input x₂", -5.0, 5.0, 0.05, 5.0),
        select("follow", "Follow input", [("x1", "x₁"), ("x2", "x₂")], "x1"),
    ],
    prediction=prediction(
        "Nudge one input up by 0.1 while the other stays put. Which nudge moves y more?",
        [("x1", "nudging x₁"), ("same", "about the same"), ("x2", "nudging x₂")],
        resets=["x1", "x2"],
    ),
    window=(0.0, 10.0, 0.0, 6.0),
    axes=False,
    xlabel="",
    ylabel="",
)


def forward(x1, x2):
    """Evaluate the nodes in topological order; each uses only its parents' values."""
    v1 = math.log(x1)
    v2 = x1 * x2
    v3 = math.sin(x2)
    v4 = v1 + v2
    y = v4 - v3
    return {"x1": x1, "x2": x2, "v1": v1, "v2": v2, "v3": v3, "v4": v4, "y": y}


@demo.derive
def derive(v):
    base = forward(v["x1"], v["x2"])
    up1 = forward(v["x1"] + NUDGE, v["x2"])
    up2 = forward(v["x1"], v["x2"] + NUDGE)
    d1 = up1["y"] - base["y"]
    d2 = up2["y"] - base["y"]
    return {
        "values": base,
        "up": {"x1": up1, "x2": up2},
        "d1": d1,
        "d2": d2,
        "gap": abs(d1) - abs(d2),
        "tol": max(0.005, 0.05 * max(abs(d1), abs(d2))),
    }


@demo.answer
def answer(v, d):
    """The input whose nudge moves y more is always right; within the stated band "about the
    same" is right too."""
    order = compare(abs(d["d1"]), abs(d["d2"]), 1e-9)
    return banded(order, abs(d["gap"]) <= d["tol"], ["x2", "same", "x1"], explain(v, d))


def explain(v, d):
    x1 = v["x1"]
    x2 = v["x2"]
    return [
        "Nudging x₁ by +0.1 changes y by "
        + fmt(d["d1"], 3, True)
        + ": through v₁ about 0.1 × 1/x₁ = "
        + fmt(NUDGE / x1, 3, True)
        + ", through v₂ about 0.1 × x₂ = "
        + fmt(NUDGE * x2, 3, True)
        + ".",
        "Nudging x₂ by +0.1 changes y by "
        + fmt(d["d2"], 3, True)
        + ": through v₂ about 0.1 × x₁ = "
        + fmt(NUDGE * x1, 3, True)
        + ", through v₃ about −0.1 × cos x₂ = "
        + fmt(-NUDGE * math.cos(x2), 3, True)
        + ".",
        "“About the same” also counts when the two sizes are within 5% of the larger (at least "
        + "±0.005): here ±" + fmt(d["tol"], 3) + ", " + ("as they are." if abs(d["gap"]) <= d["tol"] else "and they are not.") ,
    ]


@demo.readouts
def readouts(v, d):
    follow = v["follow"]
    below = [n for n in REACHES[follow] if n != follow]
    names = ", ".join([_short(n) for n in below])
    return [
        ("y", "Output y", fmt(d["values"]["y"], 3)),
        ("reach", "Nodes " + _short(follow) + " reaches", names),
        ("paths", "Paths " + _short(follow) + " → y", "; ".join(PATHS[follow])),
    ]


def _short(node):
    for n in NODES:
        if n[0] == node:
            return n[1].split(" ")[0]
    return node


def _centre(node):
    for n in NODES:
        if n[0] == node:
            return (n[2], n[3])
    return (0.0, 0.0)


@demo.frame
def frame(v, d, revealed):
    follow = v["follow"]
    reached = REACHES[follow]
    shapes = []
    for e in EDGES:
        a = _centre(e[0])
        b = _centre(e[1])
        on_path = e[0] in reached and e[1] in reached
        shapes.append(
            arrow(
                "edge-" + e[0] + "-" + e[1],
                (a[0] + HALF_W, a[1]),
                (b[0] - HALF_W, b[1]),
                "arrow" if on_path else "line",
            )
        )
    for n in NODES:
        node = n[0]
        cx = n[2]
        cy = n[3]
        level = 0.32 if node in reached else 0.1
        shapes.append(
            cell("box-" + node, (cx - HALF_W, cy - HALF_H), (cx + HALF_W, cy + HALF_H), level)
        )
        shapes.append(label("title-" + node, (cx, cy), n[1], "label", "middle", 0, -10))
        value = d["values"][node]
        shapes.append(label("value-" + node, (cx, cy), "= " + fmt(value, 3), "label", "middle", 0, 8))
        if revealed:
            change = d["up"][follow][node] - value
            shapes.append(
                label("delta-" + node, (cx, cy), "Δ " + fmt(change, 3, True), "label", "middle", 0, 25)
            )
    return shapes


handle = demo.handle
