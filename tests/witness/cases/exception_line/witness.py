import numpy as np


def slope(f, x, h):
    return (f(x + h) - f(x)) / h


print("before the error")
h = 0
value = slope(np.sin, 1.0, h) if h else 1 / h
