"""Kernel example: a Gaussian bump drawn as a heatmap whose cell levels come from a JS kernel
in the browser (kernel.mjs) and from `levels_reference` everywhere else."""

import math

from cfdemo import Demo, cell, prediction, slider, use_kernel

N = 24


def levels_reference(n, cx, width):
    """exp(-((x - cx)^2 + y^2) / width^2) at the centres of an n x n grid over [-1, 1]^2."""
    out = []
    for j in range(n):
        y = -1 + (j + 0.5) * 2 / n
        for i in range(n):
            x = -1 + (i + 0.5) * 2 / n
            out.append(math.exp(-((x - cx) ** 2 + y * y) / (width * width)))
    return out


levels = use_kernel(__name__, "levels", levels_reference)

demo = Demo(
    title="Bump",
    controls=[
        slider("cx", "Centre", -1.0, 1.0, 0.01, 0.3),
        slider("w", "Width", 0.1, 1.0, 0.01, 0.4),
    ],
    prediction=prediction(
        "The brightest cell is…", [("left", "left of 0"), ("right", "right of 0")]
    ),
    window=(-1.0, 1.0, -1.0, 1.0),
)


@demo.answer
def answer(v, d):
    return "left" if v["cx"] < 0 else "right"


@demo.frame
def frame(v, d, revealed):
    values = levels(N, v["cx"], v["w"])
    step = 2 / N
    shapes = []
    for k in range(N * N):
        x = -1 + (k % N) * step
        y = -1 + (k // N) * step
        shapes.append(cell("c" + str(k), (x, y), (x + step, y + step), values[k]))
    return shapes


handle = demo.handle
