"""Reverse-mode automatic differentiation: one backward sweep of adjoints gives the whole gradient.

Symbols follow page.md:
  v_bar_i = dy/dv_i                                             adjoint              #eq-adjoint
  v_bar_k = sum over children i of v_bar_i * d(phi_i)/d(v_k),  y_bar = 1        #eq-adjoint-recursion
  x_bar = J^T y_bar                                              vector-Jacobian product #eq-vjp
  work(backward) <= (max fan-in) * work(forward), whatever n is  cheap gradient   #eq-cost
"""

import numpy as np

# region: main
TAPE = []  # every node in creation order, which is a topological order
COUNT = {"forward": 0, "backward": 0, "sweeps": 0}


class Var:
    """A node: its value, its parents with local derivatives d(self)/d(parent), its adjoint."""

    def __init__(self, value, parents=()):
        self.value = float(value)
        self.parents = list(parents)  # [(parent Var, local derivative)]
        self.adjoint = 0.0
        TAPE.append(self)
        if self.parents:
            COUNT["forward"] += 1  # one primitive operation evaluated

    def __add__(self, other):
        return Var(self.value + other.value, [(self, 1.0), (other, 1.0)])

    def __sub__(self, other):
        return Var(self.value - other.value, [(self, 1.0), (other, -1.0)])

    def __mul__(self, other):
        return Var(self.value * other.value, [(self, other.value), (other, self.value)])


def log(a):
    return Var(np.log(a.value), [(a, 1.0 / a.value)])


def sin(a):
    return Var(np.sin(a.value), [(a, np.cos(a.value))])


def tanh(a):
    t = np.tanh(a.value)
    return Var(t, [(a, 1.0 - t * t)])


def backward(y):
    """eq-adjoint-recursion: seed y_bar = 1, then visit the tape once, newest node first,
    and push each node's adjoint to its parents, one multiply-add per edge."""
    COUNT["sweeps"] += 1
    for node in TAPE:
        node.adjoint = 0.0
    y.adjoint = 1.0
    for node in reversed(TAPE):
        for parent, local in node.parents:
            parent.adjoint += node.adjoint * local
            COUNT["backward"] += 1


def fresh():
    TAPE.clear()
    for key in COUNT:
        COUNT[key] = 0


def f(x1, x2):
    """The running example y = ln(x1) + x1 x2 - sin(x2), built node by node on the tape."""
    v1 = log(x1)
    v2 = x1 * x2
    v3 = sin(x2)
    v4 = v1 + v2
    return v4 - v3, [v1, v2, v3, v4]


fresh()
x1, x2 = Var(2.0), Var(5.0)
y, (v1, v2, v3, v4) = f(x1, x2)
backward(y)
print("forward values and adjoints at (x1, x2) = (2, 5)")
print(f"{'node':<4} {'value':>9} {'adjoint dy/dnode':>17}")
newest_first = [("y", y), ("v4", v4), ("v3", v3), ("v2", v2), ("v1", v1),
                ("x2", x2), ("x1", x1)]
for name, node in newest_first:
    print(f"{name:<4} {node.value:>9.4f} {node.adjoint:>17.4f}")
print(f"by hand: dy/dx1 = 1/x1 + x2 = {1 / 2 + 5:.4f},"
      f"  dy/dx2 = x1 - cos(x2) = {2 - np.cos(5):.4f}")
print(f"operations: forward {COUNT['forward']}, backward multiply-adds {COUNT['backward']},"
      f" sweeps {COUNT['sweeps']}")


def f_n(xs):
    """A function of n inputs: y = sum_i tanh(x_i) * x_(i+1), indices wrapping around."""
    n = len(xs)
    total = tanh(xs[0]) * xs[1 % n]
    for i in range(1, n):
        total = total + tanh(xs[i]) * xs[(i + 1) % n]
    return total


def f_n_numpy(x):
    return float(np.sum(np.tanh(x) * np.roll(x, -1)))


print()
print("cost of the whole gradient of f_n(x) = sum_i tanh(x_i) x_(i+1), n inputs")
print(f"{'n':>5} {'forward ops':>12} {'backward ops':>13} {'ratio':>6} {'sweeps':>7}"
      f" {'central-diff. evals':>20} {'their ops':>10}")
rng = np.random.default_rng(0)
for n in [2, 8, 32, 128, 512]:
    fresh()
    xs = [Var(v) for v in rng.normal(size=n)]
    backward(f_n(xs))
    ratio = COUNT["backward"] / COUNT["forward"]
    fwd, bwd = COUNT["forward"], COUNT["backward"]
    print(f"{n:>5} {fwd:>12} {bwd:>13} {ratio:>6.2f} {COUNT['sweeps']:>7}"
          f" {2 * n:>20} {2 * n * fwd:>10}")
# endregion


def gradient_by_central_differences(func, x, step=1e-6):
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = step
        grad[i] = (func(x + e) - func(x - e)) / (2 * step)
    return grad


def relative_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


def check_gradient_matches_finite_differences():
    """Gradient check: the reverse sweep's adjoints equal central differences, for the running
    example at 20 random points and for f_n with n = 10."""
    rng = np.random.default_rng(1)
    for _ in range(20):
        a, b = rng.uniform(0.3, 4.0), rng.uniform(-4.0, 4.0)
        fresh()
        x1, x2 = Var(a), Var(b)
        y, _ = f(x1, x2)
        backward(y)
        got = np.array([x1.adjoint, x2.adjoint])
        want = gradient_by_central_differences(lambda x: np.log(x[0]) + x[0] * x[1] - np.sin(x[1]), [a, b])
        assert relative_error(got, want) < 1e-7, f"at {(a, b)}: reverse mode {got}, central differences {want}"
    x = rng.normal(size=10)
    fresh()
    xs = [Var(v) for v in x]
    backward(f_n(xs))
    got = np.array([v.adjoint for v in xs])
    want = gradient_by_central_differences(f_n_numpy, x)
    assert relative_error(got, want) < 1e-7, f"f_n gradient: reverse mode {got}, central differences {want}"


def f_n_gradient(x):
    """The gradient of f_n by hand: d/dx_i = (1 - tanh(x_i)^2) x_(i+1) + tanh(x_(i-1))."""
    return (1 - np.tanh(x) ** 2) * np.roll(x, -1) + np.tanh(np.roll(x, 1))


def check_one_sweep_for_any_number_of_inputs():
    """One backward sweep gives all n partial derivatives (each equal to the hand-derived one),
    with one multiply-add per edge of the tape: f_n has 3n - 1 operations (n tanh, n products,
    n - 1 sums) and 5n - 2 edges, so the ratio (5n - 2)/(3n - 1) lies between 1.60 and 1.67 for
    n = 2 … 512 and never exceeds the largest fan-in, 2, up to n = 2048."""
    rng = np.random.default_rng(2)
    for n in [2, 3, 16, 128, 512, 2048]:
        fresh()
        x = rng.normal(size=n)
        xs = [Var(v) for v in x]
        y = f_n(xs)
        forward_ops = COUNT["forward"]
        backward(y)
        assert COUNT["sweeps"] == 1, "the gradient should take exactly one backward sweep"
        assert forward_ops == 3 * n - 1, f"n = {n}: {forward_ops} forward operations, not 3n - 1"
        edges = sum(len(node.parents) for node in TAPE)
        assert COUNT["backward"] == edges == 5 * n - 2, (
            f"n = {n}: {COUNT['backward']} multiply-adds for {edges} edges (expected 5n - 2)"
        )
        ratio = COUNT["backward"] / forward_ops
        assert ratio <= 2, f"n = {n}: ratio {ratio:.3f} above the largest fan-in"
        if n <= 512:
            assert 1.60 <= ratio <= 1.67, f"n = {n}: ratio {ratio:.4f} outside [1.60, 1.67]"
        got = np.array([v.adjoint for v in xs])
        want = f_n_gradient(x)
        assert np.allclose(got, want, rtol=1e-12, atol=0), f"n = {n}: gradient {got} vs {want}"
