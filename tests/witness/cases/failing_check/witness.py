import numpy as np

h = 1e-1
estimate = (np.exp(h) - 1) / h


def check_close_to_one():
    assert abs(estimate - 1) < 1e-6, f"forward difference {estimate:.4f} is not within 1e-6 of 1"


def check_bare_assert():
    assert estimate < 1


def check_raises():
    return {"a": 1}["b"]


def check_returns_false():
    return False


def check_passes():
    assert estimate > 1
