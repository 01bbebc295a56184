import math


def area(r):
    return math.pi * r**2


print(area(2.0))


def check_pi_is_about_three():
    """Tests the standard library, not the witness: it reaches no code to mutate."""
    assert 3.14 < math.pi < 3.15
