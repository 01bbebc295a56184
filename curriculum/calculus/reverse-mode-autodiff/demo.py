"""Reverse-mode autodiff: adjoints flow backward through the graph of ln(x1) + x1*x2 - sin(x2).

The learner sets the inputs and steps through the backward sweep: the seed ȳ = 1, then each node
in reverse topological order sends its adjoint to its parents, multiplied by the local derivative
written on the edge. The inputs' adjoints stay hidden: the learner predicts the sign of
x̄₂ = ∂y/∂x₂ from the adjoints and local derivatives on the screen, then reveals it.
"""

import math

from cfdemo import Demo, arrow, banded, cell, fmt, label, prediction, sig_digits, sign, slider

HALF_W = 1.05
HALF_H = 0.55
TOL = 0.05

# (id, title, adjoint symbol, centre x, centre y)
NODES = [
    ["x1", "x₁", "x̄₁", 1.2, 4.6],
    ["x2", "x₂", "x̄₂", 1.2, 1.4],
    ["v1", "v₁ = ln x₁", "v̄₁", 4.6, 5.4],
    ["v2", "v₂ = x₁ · x₂", "v̄₂", 4.6, 3.0],
    ["v3", "v₃ = sin x₂", "v̄₃", 4.6, 0.7],
    ["v4", "v₄ = v₁ + v₂", "v̄₄", 8.0, 4.2],
    ["y", "y = v₄ − v₃", "ȳ", 10.85, 2.0],
]
# Edges (parent, child), grouped by the backward step that processes them: step 2 processes y,
# step 3 v4, step 4 v3, step 5 v2, step 6 v1 (reverse topological order).
EDGES = [
    ["v4", "y", 2],
    ["v3", "y", 2],
    ["v1", "v4", 3],
    ["v2", "v4", 3],
    ["x2", "v3", 4],
    ["x1", "v2", 5],
    ["x2", "v2", 5],
    ["x1", "v1", 6],
]
STEPS = [
    "forward pass only",
    "seed ȳ = 1",
    "y sends ȳ to v₄ and v₃",
    "v₄ sends v̄₄ to v₁ and v₂",
    "v₃ sends v̄₃ to x₂",
    "v₂ sends v̄₂ to x₁ and x₂",
    "v₁ sends v̄₁ to x₁",
]
# The step after which each node's adjoint is complete (all its children have sent theirs).
DONE = {"y": 1, "v4": 2, "v3": 2, "v1": 3, "v2": 3, "x2": 5, "x1": 6}

demo = Demo(
    title="Adjoints flowing backward",
    description=(
        "The computation graph of y = ln x₁ + x₁x₂ − sin x₂ with each node's value; during the "
        "backward sweep, processed edges turn into backward arrows labelled with their local "
        "derivative, and each box shows its adjoint once it is complete."
    ),
    controls=[
        slider("x1", "Input x₁", 0.2, 4.0, 0.05, 2.0),
        slider("x2", "Input x₂", -5.0, 5.0, 0.05, 5.0),
        slider("step", "Backward step", 0.0, 6.0, 1.0, 6.0, 0),
    ],
    prediction=prediction(
        "The adjoint x̄₂ = ∂y/∂x₂ at this state is…",
        [("negative", "negative"), ("zero", "near zero (within ±0.05)"), ("positive", "positive")],
        resets=["x1", "x2"],
    ),
    window=(0.0, 12.0, 0.0, 6.2),
    axes=False,
    xlabel="",
    ylabel="",
)


def forward(x1, x2):
    v1 = math.log(x1)
    v2 = x1 * x2
    v3 = math.sin(x2)
    v4 = v1 + v2
    return {"x1": x1, "x2": x2, "v1": v1, "v2": v2, "v3": v3, "v4": v4, "y": v4 - v3}


def locals_at(x1, x2):
    """Local derivative d(child)/d(parent) on every edge, at the forward values."""
    return {
        "v4>y": 1.0,
        "v3>y": -1.0,
        "v1>v4": 1.0,
        "v2>v4": 1.0,
        "x2>v3": math.cos(x2),
        "x1>v2": x2,
        "x2>v2": x1,
        "x1>v1": 1.0 / x1,
    }


@demo.derive
def derive(v):
    x1 = v["x1"]
    x2 = v["x2"]
    vals = forward(x1, x2)
    loc = locals_at(x1, x2)
    adj = {"y": 1.0, "v4": 0.0, "v3": 0.0, "v2": 0.0, "v1": 0.0, "x2": 0.0, "x1": 0.0}
    for e in EDGES:  # already in reverse topological order of the child
        adj[e[0]] = adj[e[0]] + adj[e[1]] * loc[e[0] + ">" + e[1]]
    s = 1e-6
    numeric = (forward(x1, x2 + s)["y"] - forward(x1, x2 - s)["y"]) / (2 * s)
    done = 0
    for e in EDGES:
        if e[2] <= v["step"]:
            done += 1
    return {"values": vals, "locals": loc, "adjoints": adj, "numeric": numeric, "done": done}


@demo.answer
def answer(v, d):
    """The sign of x̄₂ is always right; within ±TOL "near zero" is right too."""
    g = d["adjoints"]["x2"]
    return banded(sign(g), abs(g) <= TOL, ["negative", "zero", "positive"], explain(v, d))


def explain(v, d):
    a = d["adjoints"]
    loc = d["locals"]
    return [
        "x̄₂ = v̄₂ · x₁ + v̄₃ · cos x₂ = "
        + fmt(a["v2"], 0)
        + " × "
        + fmt(loc["x2>v2"], 3)
        + " + ("
        + fmt(a["v3"], 0)
        + ") × "
        + fmt(loc["x2>v3"], 3)
        + " = "
        + fmt(a["x2"], sig_digits(a["x2"], 2, 3))
        + ".",
        "x̄₁ = v̄₁ · (1/x₁) + v̄₂ · x₂ = "
        + fmt(loc["x1>v1"], 3)
        + " + "
        + fmt(loc["x1>v2"], 3)
        + " = "
        + fmt(a["x1"], 3)
        + ".",
        "A central difference gives ∂y/∂x₂ ≈ " + fmt(d["numeric"], 3) + ".",
        "One backward sweep: 8 multiply-adds, one per edge, gave both partial derivatives.",
    ] + _near_zero(a["x2"])


def _near_zero(g):
    if abs(g) > TOL:
        return []
    if g == 0.0:
        return ["x̄₂ is exactly 0 here: x₁ = cos x₂."]
    return [
        "x̄₂ is within ±0.05 of 0, so “near zero” counts as well as “"
        + ("positive" if g > 0 else "negative") + "”."
    ]


@demo.readouts
def readouts(v, d):
    step = int(v["step"] + 0.5)
    return [
        ("y", "Output y", fmt(d["values"]["y"], 3)),
        ("step", "Backward step", STEPS[step]),
        ("work", "Multiply-adds so far", fmt(d["done"], 0) + " of 8 (forward: 5 operations)"),
    ]


def _node(node):
    for n in NODES:
        if n[0] == node:
            return n
    return NODES[0]


@demo.frame
def frame(v, d, revealed):
    step = int(v["step"] + 0.5)
    shapes = []
    for e in EDGES:
        p = _node(e[0])
        c = _node(e[1])
        start = (p[3] + HALF_W, p[4])
        end = (c[3] - HALF_W, c[4])
        eid = "edge-" + e[0] + "-" + e[1]
        if e[2] <= step:
            shapes.append(arrow(eid, end, start, "arrow"))
            mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
            text = "×" + fmt(d["locals"][e[0] + ">" + e[1]], 2)
            shapes.append(label("local-" + e[0] + "-" + e[1], mid, text, "label", "middle", 0, -7))
        else:
            shapes.append(arrow(eid, start, end, "line"))
    for n in NODES:
        node = n[0]
        cx = n[3]
        cy = n[4]
        complete = step >= DONE[node]
        is_input = node == "x1" or node == "x2"
        shown = complete and step > 0 and (revealed or not is_input)
        level = 0.32 if shown else 0.1
        shapes.append(
            cell("box-" + node, (cx - HALF_W, cy - HALF_H), (cx + HALF_W, cy + HALF_H), level)
        )
        shapes.append(label("title-" + node, (cx, cy), n[1], "label", "middle", 0, -12))
        value = d["values"][node]
        shapes.append(label("value-" + node, (cx, cy), "= " + fmt(value, 3), "label", "middle", 0, 5))
        if is_input:
            if shown:  # an input's adjoint appears only after the reveal, once it is complete
                adj_text = n[2] + " = " + fmt(d["adjoints"][node], 3)
            elif step >= 4:
                adj_text = n[2] + " = ?"
            else:
                adj_text = ""
        elif complete and step > 0:
            adj_text = n[2] + " = " + fmt(d["adjoints"][node], 0)
        else:
            adj_text = ""
        shapes.append(label("adj-" + node, (cx, cy), adj_text, "label", "middle", 0, 23))
    return shapes


handle = demo.handle
