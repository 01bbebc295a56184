"""A check that holds by construction: it counts what the code builds, never a value.

Modelled on the check the review found in reverse-mode-autodiff: every node of this little
graph has at most two parents, so "at most two edges per node" cannot fail.
"""

TAPE = []


class Node:
    def __init__(self, value, parents=()):
        self.value = value
        self.parents = list(parents)
        TAPE.append(self)

    def __add__(self, other):
        return Node(self.value + other.value, [self, other])

    def __mul__(self, other):
        return Node(self.value * other.value, [self, other])


def build(n):
    TAPE.clear()
    xs = [Node(float(i)) for i in range(n)]
    total = xs[0] * xs[0]
    for x in xs[1:]:
        total = total + x * x
    return total


print("sum of squares of 0..3:", build(4).value)


def check_fan_in_at_most_two():
    build(16)
    assert all(len(node.parents) <= 2 for node in TAPE)


def check_sum_of_squares():
    assert build(4).value == 0 + 1 + 4 + 9
