"""Demo for Functions (docs/demos.md): TODO say what the learner moves and predicts.

A placeholder that works: a line through the origin with slope a, and a prediction about its
height at x = 1 computed from the state. Replace it with the mechanism of Functions.
"""

from cfdemo import Demo, fmt, line, point, prediction, slider

demo = Demo(
    title="Functions",
    description="The line y = a x; after the reveal, its point at x = 1.",
    controls=[slider("a", "Slope a", -2.0, 2.0, 0.1, 1.0)],
    prediction=prediction(
        "At x = 1, the line y = a x is…",
        [("below", "below zero"), ("zero", "at zero"), ("above", "above zero")],
    ),
    window=(-2.0, 2.0, -2.0, 2.0),
)


@demo.derive
def derive(v):
    return {"y": v["a"] * 1.0}


@demo.answer
def answer(v, d):
    if abs(d["y"]) < 1e-9:
        return "zero"
    return "above" if d["y"] > 0 else "below"


@demo.explain
def explain(v, d):
    return ["At x = 1 the line is at y = " + fmt(d["y"]) + "."]


@demo.readouts
def readouts(v, d):
    return [("y", "y at x = 1", fmt(d["y"]))]


@demo.frame
def frame(v, d, revealed):
    shapes = [line("line", (0.0, 0.0), v["a"], "curve")]
    if revealed:
        shapes.append(point("p", (1.0, d["y"]), "point"))
    return shapes


handle = demo.handle
