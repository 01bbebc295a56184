"""Warmup and decay: where does the learning rate stand at step t?

T = 1000 steps, a linear warmup of T_w steps to the peak, then either cosine decay to a floor or
decay like 1/√t. The linear-decay schedule with the same warmup, peak and floor is drawn; the
learner predicts whether the chosen schedule is above, level with or below it at step t.
"""

import math

from cfdemo import Demo, compare, fmt, label, path, pick, point, prediction, segment, select, slider

T = 1000.0
TOL = 0.01  # "level" means within 1% of the peak
DECAY_PTS = 40

demo = Demo(
    title="Warmup, then decay",
    description=(
        "Learning rate as a fraction of its peak over 1000 steps: linear warmup, then linear decay "
        "(drawn) and, after the reveal, the chosen schedule; markers at step t."
    ),
    controls=[
        select("shape", "Decay", [("cosine", "cosine to the floor"), ("rsqrt", "1/√t (ignores the floor)")], "cosine"),
        slider("warmup", "Warmup steps T_w", 10.0, 400.0, 10.0, 100.0, 0),
        slider("floor", "Floor η_min / η_peak", 0.0, 0.5, 0.05, 0.0),
        slider("t", "Step t", 0.0, 1000.0, 10.0, 300.0, 0),
    ],
    prediction=prediction(
        "At step t, compared with linear decay, the chosen schedule's learning rate is…",
        [("lower", "lower"), ("level", "level (within 1% of the peak)"), ("higher", "higher")],
    ),
    window=(0.0, T, 0.0, 1.1),
    xlabel="step t",
    ylabel="η / η_peak",
)


def linear(t, tw, floor):
    if t < tw:
        return t / tw
    p = (t - tw) / (T - tw)
    return floor + (1.0 - floor) * (1.0 - p)


def cosine(t, tw, floor):
    if t < tw:
        return t / tw
    p = (t - tw) / (T - tw)
    return floor + (1.0 - floor) * 0.5 * (1.0 + math.cos(math.pi * p))


def rsqrt(t, tw, floor):
    if t < tw:
        return t / tw
    return math.sqrt(tw / t)


SHAPES = {"cosine": cosine, "rsqrt": rsqrt}


def _curve(fn, tw, floor):
    """The schedule as a polyline: the warmup is one straight segment; the decay gets DECAY_PTS
    segments (linear decay needs just one)."""
    pts = [(0.0, 0.0)]
    n = 1 if fn is linear else DECAY_PTS
    for i in range(n + 1):
        t = tw + (T - tw) * i / n
        pts.append((t, fn(t, tw, floor)))
    return pts


@demo.derive
def derive(v):
    t = v["t"]
    tw = v["warmup"]
    floor = v["floor"]
    lin = linear(t, tw, floor)
    other = SHAPES[v["shape"]](t, tw, floor)
    return {"lin": lin, "other": other, "gap": other - lin, "p": (t - tw) / (T - tw)}


@demo.answer
def answer(v, d):
    if d["gap"] > TOL:
        return "higher"
    if d["gap"] < -TOL:
        return "lower"
    return "level"


def floor_end(v):
    return linear(T, v["warmup"], v["floor"])


@demo.explain
def explain(v, d):
    name = "cosine" if v["shape"] == "cosine" else "1/√t"
    lines = [
        "At t = " + fmt(v["t"], 0) + ": " + name + " gives " + fmt(d["other"], 3) + " of the peak, linear "
        + fmt(d["lin"], 3) + " (difference " + fmt(d["gap"], 3, True) + ").",
    ]
    if v["t"] < v["warmup"]:
        lines.append("Still in warmup: every schedule ramps linearly, t / T_w = " + fmt(d["lin"], 3) + ".")
    elif v["shape"] == "cosine":
        lines.append(
            "Cosine uses ½(1 + cos πp) where linear uses 1 − p, with p = " + fmt(d["p"], 3)
            + " of the decay done: higher before p = ½, equal at ½, lower after."
        )
    else:
        end = math.sqrt(v["warmup"] / T)
        lines.append(
            "1/√t gives √(T_w / t): it drops fast right after warmup, then flattens and ignores the "
            "floor, ending at √(T_w / T) = " + fmt(end, 3) + " where linear decay ends at the floor "
            + fmt(floor_end(v), 3) + pick(compare(end, floor_end(v)), " (below it)", "", " (above it)") + "."
        )
    return lines


@demo.readouts
def readouts(v, d):
    phase = "warmup" if v["t"] < v["warmup"] else fmt(d["p"], 3)
    return [
        ("p", "Decay progress p", phase),
        ("lin", "Linear decay η / η_peak", fmt(d["lin"], 3)),
    ]


def _tag(id, fn, tw, floor, p, text, dy):
    """Name a curve at the fraction p of its decay, dy pixels below (positive) or above it."""
    t = tw + p * (T - tw)
    return label(id, (t, fn(t, tw, floor)), text, "label", "start", 4, dy)


@demo.frame
def frame(v, d, revealed):
    tw = v["warmup"]
    floor = v["floor"]
    t = v["t"]
    lin_pts = _curve(linear, tw, floor)
    shapes = [
        segment("peak", (0.0, 1.0), (T, 1.0), "guide"),
        path("linear", lin_pts, "curve"),
        segment("tmark", (t, 0.0), (t, 1.1), "guide"),
        point("lin-pt", (t, d["lin"]), "point"),
        _tag("lin-label", linear, tw, floor, 0.3, "linear", 18),
    ]
    if revealed:
        fn = SHAPES[v["shape"]]
        pts = _curve(fn, tw, floor)
        shapes.append(path("other", pts, "curve-2"))
        shapes.append(point("other-pt", (t, d["other"]), "point point-2"))
        name = "cosine" if v["shape"] == "cosine" else "1/√t"
        above = fn(tw + 0.8 * (T - tw), tw, floor) > linear(tw + 0.8 * (T - tw), tw, floor)
        shapes.append(_tag("other-label", fn, tw, floor, 0.8, name, -10 if above else 18))
    return shapes


handle = demo.handle
