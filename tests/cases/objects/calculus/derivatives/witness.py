import numpy as np


def check_secant_converges() -> None:
    assert abs((np.sin(1.001) - np.sin(1.0)) / 0.001 - np.cos(1.0)) < 1e-3
