"""Linear transformations: a 2x2 matrix acting on the unit square and on a letter F inside it.

The learner sets the four entries of A, sees the images A e1 and A e2 of the basis vectors (the
columns of A), and predicts whether A keeps the orientation of the square, flattens it onto a line
or flips it over, before the reveal draws the image of the square and of the F.
"""

import math

from cfdemo import Demo, arrow, fmt, label, path, point, prediction, slider

SQUARE = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
# An F has no mirror symmetry, so its image shows at a glance whether A flips the plane.
F_STEM = [(0.3, 0.15), (0.3, 0.85), (0.75, 0.85)]
F_BAR = [(0.3, 0.5), (0.6, 0.5)]
# The window's ticks fall on even x only; these vertical lines complete a grid of unit squares.
ODD_VERTICALS = [(-3.0, -3.0), (-3.0, 3.0), (-1.0, 3.0), (-1.0, -3.0), (1.0, -3.0), (1.0, 3.0), (3.0, 3.0), (3.0, -3.0)]

demo = Demo(
    title="Does the matrix flip the square?",
    description=(
        "The unit square with a letter F, the basis vectors e₁ and e₂, and their images A e₁ "
        "(black) and A e₂ (blue), the columns of A; after the reveal, the image of the square and "
        "of the F (orange)."
    ),
    controls=[
        slider("a", "a (row 1, column 1)", -2.0, 2.0, 0.1, 1.0, 1),
        slider("b", "b (row 1, column 2)", -2.0, 2.0, 0.1, 1.5, 1),
        slider("c", "c (row 2, column 1)", -2.0, 2.0, 0.1, 1.0, 1),
        slider("d", "d (row 2, column 2)", -2.0, 2.0, 0.1, 0.5, 1),
    ],
    prediction=prediction(
        "Applied to the unit square, A…",
        [
            ("keeps", "keeps its orientation"),
            ("flattens", "flattens it onto a line or a point"),
            ("flips", "flips it over (mirror image)"),
        ],
    ),
    window=(-4.5, 4.5, -2.75, 2.75),
    xlabel="x₁",
    ylabel="x₂",
)


def _tip_label(id, p, text):
    """A label just beyond the tip of the arrow from the origin to p."""
    n = math.sqrt(p[0] * p[0] + p[1] * p[1])
    if n < 1e-9:
        return label(id, p, text, "label", "start", 8, -8)
    ux = p[0] / n
    uy = p[1] / n
    anchor = "start" if ux > 0.3 else ("end" if ux < -0.3 else "middle")
    return label(id, p, text, "label", anchor, 12 * ux, 5 - 14 * uy)


def _apply(v, p):
    return (v["a"] * p[0] + v["b"] * p[1], v["c"] * p[0] + v["d"] * p[1])


@demo.derive
def derive(v):
    det = v["a"] * v["d"] - v["b"] * v["c"]
    return {"det": det, "ae1": (v["a"], v["c"]), "ae2": (v["b"], v["d"]), "tol": 0.005}


@demo.answer
def answer(v, d):
    if abs(d["det"]) <= d["tol"]:
        return "flattens"
    return "keeps" if d["det"] > 0 else "flips"


@demo.explain
def explain(v, d):
    det = d["det"]
    if abs(det) <= d["tol"]:
        turn = "A e₁ and A e₂ lie on one line, so the square collapses and no area is left."
    elif det > 0:
        turn = "Turning from A e₁ to A e₂ goes counterclockwise, as from e₁ to e₂: orientation kept."
    else:
        turn = "Turning from A e₁ to A e₂ goes clockwise, the reverse of e₁ to e₂: a mirror image."
    return [
        "det A = ad − bc = (" + fmt(v["a"], 1) + ")(" + fmt(v["d"], 1) + ") − (" + fmt(v["b"], 1)
        + ")(" + fmt(v["c"], 1) + ") = " + fmt(det, 2) + ".",
        "The image of the unit square is the parallelogram on A e₁ and A e₂, with area |det A| = "
        + fmt(abs(det), 2) + ".",
        turn,
    ]


@demo.readouts
def readouts(v, d):
    return [
        ("ae1", "A e₁ = (a, c)", "(" + fmt(v["a"], 1) + ", " + fmt(v["c"], 1) + ")"),
        ("ae2", "A e₂ = (b, d)", "(" + fmt(v["b"], 1) + ", " + fmt(v["d"], 1) + ")"),
    ]


@demo.frame
def frame(v, d, revealed):
    o = (0.0, 0.0)
    shapes = [
        path("odd-grid", ODD_VERTICALS, "grid", key="odd"),
        path("square", SQUARE, "guide"),
        path("f-stem", F_STEM, "guide"),
        path("f-bar", F_BAR, "guide"),
        arrow("e1", o, (1.0, 0.0), "guide"),
        arrow("e2", o, (0.0, 1.0), "guide"),
    ]
    if revealed:
        shapes.append(path("image", [_apply(v, p) for p in SQUARE], "curve-2"))
        shapes.append(path("f-stem-image", [_apply(v, p) for p in F_STEM], "curve-2"))
        shapes.append(path("f-bar-image", [_apply(v, p) for p in F_BAR], "curve-2"))
    shapes.append(arrow("ae1", o, d["ae1"], "curve"))
    shapes.append(arrow("ae2", o, d["ae2"], "line"))
    shapes.append(point("origin", o, "point", 3.0))
    shapes.append(_tip_label("ae1-label", d["ae1"], "A e₁"))
    shapes.append(_tip_label("ae2-label", d["ae2"], "A e₂"))
    return shapes


handle = demo.handle
