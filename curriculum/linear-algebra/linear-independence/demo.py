"""Linear independence: two or three vectors in the plane, and the combination that gives zero.

The learner sets the direction of v1, the direction and length of v2, and may add a third vector
v3; they predict whether the list is linearly independent before the reveal shows either the
parallelogram of v1 and v2 (independent: nonzero area) or a nontrivial combination that gives the
zero vector.
"""

import math

from cfdemo import Demo, arrow, fmt, label, line, path, point, prediction, segment, slider, toggle

DEG = math.pi / 180.0
LEN1 = 2.0
LEN3 = 1.5

demo = Demo(
    title="Independent or dependent?",
    description=(
        "Vectors v₁, v₂ and, optionally, v₃ drawn from the origin; after the reveal, the "
        "parallelogram spanned by v₁ and v₂ and, when the list is dependent, a nontrivial "
        "combination of the vectors that equals zero."
    ),
    controls=[
        slider("ang1", "Direction of v₁ (degrees)", -180.0, 180.0, 1.0, 20.0, 0),
        slider("ang2", "Direction of v₂ (degrees)", -180.0, 180.0, 1.0, 70.0, 0),
        slider("len2", "Length of v₂", 0.0, 3.0, 0.1, 2.0),
        toggle("third", "Add a third vector v₃", False),
        slider("ang3", "Direction of v₃ (degrees)", -180.0, 180.0, 1.0, 160.0, 0),
    ],
    prediction=prediction(
        "The list of vectors shown is…",
        [("independent", "linearly independent"), ("dependent", "linearly dependent")],
    ),
    window=(-5.0, 5.0, -3.0556, 3.0556),
    xlabel="x₁",
    ylabel="x₂",
)


def _polar(r, degrees):
    return (r * math.cos(degrees * DEG), r * math.sin(degrees * DEG))


def cross(a, b):
    """The signed area a₁b₂ − a₂b₁ of the parallelogram of a and b."""
    return a[0] * b[1] - a[1] * b[0]


@demo.derive
def derive(v):
    v1 = _polar(LEN1, v["ang1"])
    v2 = _polar(v["len2"], v["ang2"])
    v3 = _polar(LEN3, v["ang3"])
    det = cross(v1, v2)
    parallel = abs(det) <= 0.01 * LEN1 * max(v["len2"], 1e-12) or v["len2"] == 0.0
    d = {"v1": v1, "v2": v2, "v3": v3, "det": det, "parallel": parallel}
    # a nontrivial combination c1 v1 + c2 v2 (+ c3 v3) = 0, when there is one
    if v["len2"] == 0.0:
        d["c"] = [0.0, 1.0, 0.0]
    elif parallel:
        # v2 = lam v1, so lam v1 - v2 = 0
        lam = (v2[0] * v1[0] + v2[1] * v1[1]) / (LEN1 * LEN1)
        d["c"] = [lam, -1.0, 0.0]
    elif v["third"]:
        # v3 = a v1 + b v2 by Cramer's rule, so a v1 + b v2 - v3 = 0
        a = (v3[0] * v2[1] - v3[1] * v2[0]) / det
        b = (v1[0] * v3[1] - v1[1] * v3[0]) / det
        d["c"] = [a, b, -1.0]
    else:
        d["c"] = None
    return d


@demo.answer
def answer(v, d):
    return "independent" if d["c"] is None else "dependent"


def _joined(c):
    """" + 0.53" or " − 0.53": the sign of the number as shown (a shown 0.00 is never "−")."""
    text = fmt(c, 2)
    return (" − " + text[1:]) if text[0] == "−" else (" + " + text)


@demo.explain
def explain(v, d):
    k = 3 if v["third"] else 2
    lines = [
        "det [v₁ v₂] = " + fmt(d["det"], 3) + " (the signed area of their parallelogram; it counts "
        + "as zero when |det| ≤ 0.01 ‖v₁‖ ‖v₂‖).",
    ]
    c = d["c"]
    if c is None:
        lines.append("Only c₁ = c₂ = 0 gives c₁v₁ + c₂v₂ = 0: two vectors that are not parallel, rank 2.")
        return lines
    names = ["v₁", "v₂", "v₃"]
    # any multiple works: lead with the first coefficient that shows as nonzero, made positive
    sign = 1.0
    for i in range(k):
        if fmt(c[i], 2) != "0.00":
            sign = -1.0 if c[i] < 0 else 1.0
            break
    terms = ""
    for i in range(k):
        ci = sign * c[i]
        if i == 0:
            terms = fmt(ci, 2) + "·" + names[i]
        else:
            terms = terms + _joined(ci) + "·" + names[i]
    lines.append("Nontrivial combination: " + terms + " = 0.")
    if v["third"] and not d["parallel"]:
        lines.append("Equivalently v₃ = " + fmt(c[0], 2) + "·v₁" + _joined(c[1]) + "·v₂: the dashed path in the picture.")
    if v["len2"] == 0.0:
        lines.append("v₂ is the zero vector, and 1·0 = 0: any list containing 0 is dependent.")
    elif d["parallel"] and not v["third"]:
        lines.append("v₁ and v₂ lie on one line through the origin, so the rank is 1, less than 2.")
    elif d["parallel"]:
        on_line = abs(cross(d["v1"], d["v3"])) <= 0.01 * LEN1 * LEN3
        lines.append(
            "v₁ and v₂ lie on one line through the origin and v₃ "
            + ("lies on it too, so the rank is 1" if on_line else "does not, so the rank is 2")
            + ", less than 3."
        )
    else:
        lines.append("Three vectors in the plane: the rank is at most 2, so one of them is a combination of the others.")
    return lines


@demo.readouts
def readouts(v, d):
    out = [
        ("v1", "v₁", "(" + fmt(d["v1"][0]) + ", " + fmt(d["v1"][1]) + ")"),
        ("v2", "v₂", "(" + fmt(d["v2"][0]) + ", " + fmt(d["v2"][1]) + ")"),
    ]
    if v["third"]:
        out.append(("v3", "v₃", "(" + fmt(d["v3"][0]) + ", " + fmt(d["v3"][1]) + ")"))
    return out


@demo.frame
def frame(v, d, revealed):
    o = (0.0, 0.0)
    v1 = d["v1"]
    v2 = d["v2"]
    shapes = []
    if revealed:
        c = d["c"]
        if c is None or (v["third"] and not d["parallel"]):
            far = (v1[0] + v2[0], v1[1] + v2[1])
            shapes.append(path("area", [o, v1, far, v2, o], "guide"))
        if c is not None and d["parallel"]:
            slope = None if abs(v1[0]) < 1e-12 else v1[1] / v1[0]
            shapes.append(line("span", o, slope, "guide"))
        if c is not None and v["third"] and not d["parallel"]:
            a_v1 = (c[0] * v1[0], c[0] * v1[1])
            shapes.append(arrow("c1v1", o, a_v1, "guide guide-2"))
            shapes.append(arrow("c2v2", a_v1, d["v3"], "guide guide-2"))
            shapes.append(label("c1v1-label", a_v1, fmt(c[0], 2) + "·v₁", "label", "start", 6, 16))
    shapes.append(arrow("v1", o, v1, "curve"))
    shapes.append(label("v1-label", v1, "v₁", "label", "start", 8, -6))
    if v["len2"] > 0.0:
        shapes.append(arrow("v2", o, v2, "line"))
        shapes.append(label("v2-label", v2, "v₂", "label", "start", 8, -6))
    else:
        shapes.append(label("v2-label", o, "v₂ = 0", "label", "start", 8, 18))
    if v["third"]:
        shapes.append(arrow("v3", o, d["v3"], "arrow"))
        shapes.append(label("v3-label", d["v3"], "v₃", "label", "end", -8, -6))
    shapes.append(point("origin", o, "point", 3.0))
    return shapes


handle = demo.handle
