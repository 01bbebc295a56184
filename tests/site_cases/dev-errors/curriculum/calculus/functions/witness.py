"""Code witness for Functions: mirrors the equations in page.md and prints what to look at.

Functions named check_* back claims in concept.yaml (claims[].check) and must pass at build time.
"""

import numpy as np

x = np.linspace(-1.0, 1.0, 5)
print("x =", x)  # TODO replace with the computation the page's equations describe


def check_placeholder() -> None:
    """TODO assert the page's central claim numerically."""
    assert np.allclose(x, -x[::-1]), "the grid should be symmetric about 0"
