"""Code witness for Vectors: mirrors the equations in page.md and prints what to look at.

Functions named check_* back claims in concept.yaml (claims[].check) and must pass at build time.
"""

import numpy as np

x = np.linspace(-1.0, 1.0, 5)
print("x =", x)


def check_placeholder() -> None:
    """The grid is symmetric about zero."""
    assert np.allclose(x, -x[::-1]), "the grid should be symmetric about 0"
