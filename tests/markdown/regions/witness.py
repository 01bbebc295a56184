"""Derivatives, numerically."""

EPS = 1e-6


# region: derivative
def derivative(f, x, h=EPS):
    return (f(x + h) - f(x - h)) / (2 * h)


# endregion


def check_slope_of_square():
    # region: check
    slope = derivative(lambda x: x * x, 3.0)
    # region: tolerance
    tolerance = 1e-6
    # endregion
    assert abs(slope - 6.0) < tolerance
    # endregion: check
