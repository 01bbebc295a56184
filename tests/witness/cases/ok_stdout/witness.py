"""Prints what the learner reads and backs one claim with a passing check."""
import numpy as np

x = np.linspace(0.0, 1.0, 5)
print("x =", x)
print("mean:", x.mean())


def check_mean_is_half():
    assert abs(x.mean() - 0.5) < 1e-12
