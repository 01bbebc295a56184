import numpy as np


def normalise(v):
    return v / np.linalg.norm(v, ord="bogus")


normalise(np.ones(3))
