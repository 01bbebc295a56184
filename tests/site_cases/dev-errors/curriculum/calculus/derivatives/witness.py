"""Code witness for Derivatives: the secant slope of x² at 1 approaches 2 as h shrinks.

Functions named check_* back claims in concept.yaml (claims[].check) and must pass at build time.
"""

import numpy as np

x = np.linspace(-1.0, 1.0, 5)
print("x =", x)

# region: slope
h = 1e-6
slope = ((1.0 + h) ** 2 - 1.0) / h
print("secant slope at 1:", round(slope, 4))
# endregion


def check_placeholder() -> None:
    """The grid is symmetric and the secant slope is close to 2."""
    assert np.allclose(x, -x[::-1]), "the grid should be symmetric about 0"
    assert abs(slope - 2.0) < 1e-4, slope
