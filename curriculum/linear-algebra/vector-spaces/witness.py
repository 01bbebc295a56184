"""Vector spaces: the axioms hold for R^n, and a subset is a subspace exactly when it is closed.

Symbols follow page.md:
  a1 v1 + ... + ak vk                           a linear combination            #eq-linear-combination
  U is a subspace  <=>  0 in U and a u + b v in U for all u, v in U, a, b      #eq-subspace-test
  L_p = {p + t d}: u + v = 2p + (s + t) d       a shifted line                  #eq-shifted-line
"""

import numpy as np

rng = np.random.default_rng(0)

# region: main
# The eight axioms of a real vector space, written for vectors u, v, w and scalars a, b.
AXIOMS = {
    "u + v = v + u": lambda u, v, w, a, b: (u + v, v + u),
    "(u + v) + w = u + (v + w)": lambda u, v, w, a, b: ((u + v) + w, u + (v + w)),
    "u + 0 = u": lambda u, v, w, a, b: (u + np.zeros_like(u), u),
    "u + (-u) = 0": lambda u, v, w, a, b: (u + (-u), np.zeros_like(u)),
    "a(bu) = (ab)u": lambda u, v, w, a, b: (a * (b * u), (a * b) * u),
    "1u = u": lambda u, v, w, a, b: (1.0 * u, u),
    "a(u + v) = au + av": lambda u, v, w, a, b: (a * (u + v), a * u + a * v),
    "(a + b)u = au + bu": lambda u, v, w, a, b: ((a + b) * u, a * u + b * u),
}


def worst_violation(axiom, n=5, trials=200):
    """Largest gap between the two sides of an axiom, over random u, v, w in R^n
    and random scalars a, b."""
    worst = 0.0
    for _ in range(trials):
        u, v, w = rng.normal(size=(3, n))
        a, b = rng.normal(size=2)
        left, right = axiom(u, v, w, a, b)
        worst = max(worst, float(np.max(np.abs(left - right))))
    return worst


# Subsets of the plane R^2, each given by a membership test.
d = np.array([2.0, 1.0])  # direction of both lines
p = np.array([0.0, 1.0])  # the shift: p is not a multiple of d


def on_line(x, offset):
    """Is x on the line {offset + t d}? Then x - offset is parallel to d:
    their 2-D cross product is zero."""
    r = x - offset
    return abs(r[0] * d[1] - r[1] * d[0]) < 1e-9


SETS = {
    "line through 0, {t d}": (lambda x: on_line(x, 0 * p), lambda: rng.normal() * d),
    "shifted line, {p + t d}": (lambda x: on_line(x, p), lambda: p + rng.normal() * d),
    "quadrant, x1 >= 0, x2 >= 0": (
        lambda x: bool(np.all(x >= 0)),
        lambda: np.abs(rng.normal(size=2)),
    ),
    "the two axes, x1 x2 = 0": (
        lambda x: bool(x[0] == 0 or x[1] == 0),
        lambda: rng.normal() * np.eye(2)[rng.integers(2)],
    ),
}


def closure(member, sample, trials=500):
    """Fractions of random members u, v (and scalars a) with u + v, and with a u,
    back in the set."""
    sums = scalings = 0
    for _ in range(trials):
        u, v = sample(), sample()
        a = rng.uniform(-3, 3)
        sums += member(u + v)
        scalings += member(a * u)
    return sums / trials, scalings / trials
# endregion

print("Axioms in R^5 (200 random draws each): largest |left - right|")
for name, axiom in AXIOMS.items():
    print(f"  {name:<28} {worst_violation(axiom):.1e}")
print()
print(f"{'subset of R^2':<28} {'has 0':>6} {'u+v in':>7} {'au in':>6}  subspace?")
for name, (member, sample) in SETS.items():
    has_zero = member(np.zeros(2))
    sums, scalings = closure(member, sample)
    verdict = "yes" if has_zero and sums == 1 and scalings == 1 else "no"
    print(f"{name:<28} {str(has_zero):>6} {sums:>7.0%} {scalings:>6.0%}  {verdict}")

u = p + 1.0 * d  # two points of the shifted line
v = p - 0.5 * d
print()
print(f"shifted line: u = {u}, v = {v}, u + v = {u + v}, on the line: {on_line(u + v, p)}")
print(f"              (u + v)/2 = {(u + v) / 2}, on the line: {on_line((u + v) / 2, p)}")
print(f"floating point: (0.1 + 0.2) + 0.3 = {(0.1 + 0.2) + 0.3!r},  0.1 + (0.2 + 0.3) = {0.1 + (0.2 + 0.3)!r}")


# region: checks
def check_axioms_hold_in_rn():
    """All eight axioms hold in R^n for random vectors and scalars (up to floating-point rounding)."""
    for n in [1, 3, 10]:
        for name, axiom in AXIOMS.items():
            gap = worst_violation(axiom, n=n, trials=100)
            assert gap < 1e-12, f"axiom {name} fails in R^{n}: gap {gap:.2e}"


def check_subspace_test():
    """eq-subspace-test sorts the sets: the line {t d} contains 0 and keeps every a u + b v of its
    points; the quadrant keeps sums but not scalings, the two axes keep scalings but not sums."""
    member, sample = SETS["line through 0, {t d}"]
    assert member(np.zeros(2)), "the line through the origin should contain 0"
    for _ in range(500):
        u, v = sample(), sample()
        a, b = rng.uniform(-5, 5, size=2)
        assert member(a * u + b * v), f"a u + b v left the line: u={u}, v={v}, a={a:.3f}, b={b:.3f}"
    sums, scalings = closure(*SETS["quadrant, x1 >= 0, x2 >= 0"])
    assert sums == 1.0 and scalings < 1.0, f"quadrant: sums {sums:.0%}, scalings {scalings:.0%}"
    sums, scalings = closure(*SETS["the two axes, x1 x2 = 0"])
    assert sums < 1.0 and scalings == 1.0, f"axes: sums {sums:.0%}, scalings {scalings:.0%}"


def check_shifted_line_is_not_subspace():
    """The shifted line {p + t d} misses 0, and u + v and 2u always leave it, while (u + v)/2 stays:
    u + v = 2p + (s + t) d is on it only if p is a multiple of d (eq-shifted-line)."""
    member, sample = SETS["shifted line, {p + t d}"]
    assert not member(np.zeros(2)), "the shifted line should not contain 0"
    for _ in range(500):
        u, v = sample(), sample()
        assert not member(u + v), f"u + v should leave the shifted line: u={u}, v={v}"
        assert not member(2 * u), f"2u should leave the shifted line: u={u}"
        assert member((u + v) / 2), f"the midpoint (u + v)/2 should stay on the shifted line: u={u}, v={v}"
# endregion
