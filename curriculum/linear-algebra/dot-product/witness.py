"""Dot product: sum of products = lengths times the cosine of the angle; Cauchy-Schwarz; projection.

Symbols follow page.md:
  u . v = u1 v1 + ... + un vn                  the dot product                  #eq-dot
  u . v = |u| |v| cos(theta)                   lengths and angle                #eq-cosine
  |u . v| <= |u| |v|                           Cauchy-Schwarz                   #eq-cauchy-schwarz
  p = (u . v / v . v) v,  (u - p) . v = 0      projection onto the line of v    #eq-projection
"""

import numpy as np

rng = np.random.default_rng(1)


# region: main
def dot(u, v):
    """u . v: multiply coordinate by coordinate and add (eq-dot)."""
    return sum(u_i * v_i for u_i, v_i in zip(u, v))


def length(u):
    """|u| = sqrt(u . u)."""
    return np.sqrt(dot(u, u))


def polar(r, degrees):
    """The 2-D vector of length r at the given angle from the x1-axis."""
    a = np.radians(degrees)
    return np.array([r * np.cos(a), r * np.sin(a)])


def project(u, v):
    """p: the point of the line through v closest to u (eq-projection)."""
    return dot(u, v) / dot(v, v) * v


# Pairs ((|u|, angle of u), (|v|, angle of v)). The angle between them,
# theta = angle_v - angle_u, is known from the construction, not from the dot product.
pairs = [((2.0, 30), (1.5, 100)), ((2.0, 30), (1.5, 120)),
         ((2.0, 30), (1.5, 160)), ((3.0, 30), (0.5, 40))]
print(" |u|  |v|  theta  u1 v1 + u2 v2  |u||v| cos theta  sign")
for (ru, au), (rv, av) in pairs:
    u, v = polar(ru, au), polar(rv, av)
    by_coordinates = dot(u, v)
    by_geometry = ru * rv * np.cos(np.radians(av - au))
    sign = "zero" if abs(by_coordinates) < 1e-12 else ("+" if by_coordinates > 0 else "-")
    theta = av - au
    print(f"{ru:>4} {rv:>4} {theta:>5}°  {by_coordinates:>13.4f}  {by_geometry:>16.4f}  {sign}")
# endregion

u = np.array([3.0, 1.0])
v = np.array([2.0, 2.0])
p = project(u, v)
print()
print(f"projection of u = {u} on the line of v = {v}: p = {p}")
print(f"residual u - p = {u - p}, (u - p) . v = {dot(u - p, v)}")

print()
print("random vectors with independent N(0, 1) entries, 5000 pairs per row")
print(f"{'n':>5}  {'mean |cos theta|':>16}  {'largest |cos theta|':>19}  {'var(u . v) / n':>14}")
def random_pairs(count, n):
    """count pairs (u, v) of vectors in R^n with independent N(0, 1) entries, one pair a row."""
    return rng.normal(size=(count, n)), rng.normal(size=(count, n))


def row_dots(U, V):
    """u . v for each row pair: the same sum of products as dot(), vectorised."""
    return np.sum(U * V, axis=1)


for n in [2, 16, 128, 1024]:
    U, V = random_pairs(5000, n)
    dots = row_dots(U, V)
    cos = dots / (np.linalg.norm(U, axis=1) * np.linalg.norm(V, axis=1))
    print(f"{n:>5}  {np.mean(np.abs(cos)):>16.4f}  {np.max(np.abs(cos)):>19.4f}  {np.var(dots) / n:>14.3f}")


# region: checks
def check_dot_equals_lengths_times_cosine():
    """eq-cosine: for 2-D vectors built from a length and an angle, the sum of products equals
    |u| |v| cos(theta), with theta taken from the construction rather than from the dot product."""
    for _ in range(1000):
        ru, rv = rng.uniform(0.1, 5, size=2)
        au, av = rng.uniform(-180, 180, size=2)
        lhs = dot(polar(ru, au), polar(rv, av))
        rhs = ru * rv * np.cos(np.radians(av - au))
        assert abs(lhs - rhs) <= 1e-12 * ru * rv, (
            f"u.v = {lhs:.15f} but |u||v|cos(theta) = {rhs:.15f} (|u|={ru:.3f}, |v|={rv:.3f}, theta={av - au:.2f}°)"
        )


def check_cauchy_schwarz():
    """eq-cauchy-schwarz: |u . v| <= |u| |v| for random vectors in several dimensions. The gap is
    Lagrange's identity |u|^2 |v|^2 - (u . v)^2 = sum over i < j of (u_i v_j - u_j v_i)^2, which is
    zero exactly when u and v are parallel; equality is checked for v = lambda u."""
    for n in [2, 3, 10, 40]:
        for _ in range(300):
            u, v = rng.normal(size=(2, n))
            assert abs(dot(u, v)) <= length(u) * length(v) * (1 + 1e-12), f"Cauchy-Schwarz fails in R^{n}"
            gap = dot(u, u) * dot(v, v) - dot(u, v) ** 2
            minors = sum((u[i] * v[j] - u[j] * v[i]) ** 2 for i in range(n) for j in range(i + 1, n))
            assert abs(gap - minors) <= 1e-10 * dot(u, u) * dot(v, v), (
                f"in R^{n} the Cauchy-Schwarz gap {gap:.6g} should equal the sum of squared 2x2 minors {minors:.6g}"
            )
            lam = rng.normal()
            ratio = abs(dot(u, lam * u)) / (length(u) * length(lam * u))
            assert abs(ratio - 1) < 1e-12, f"for v = {lam:.3f} u equality should hold, got ratio {ratio}"


def check_projection_residual_orthogonal():
    """eq-projection: the residual u - p is orthogonal to v, so |u|^2 = |p|^2 + |u - p|^2 (Pythagoras)."""
    for n in [2, 5, 50]:
        for _ in range(300):
            u, v = rng.normal(size=(2, n))
            p = project(u, v)
            r = u - p
            assert abs(dot(r, v)) <= 1e-12 * length(u) * length(v), f"residual not orthogonal to v in R^{n}"
            assert abs(dot(u, u) - dot(p, p) - dot(r, r)) <= 1e-12 * dot(u, u), "Pythagoras fails"


def check_random_dot_variance_grows_with_dimension():
    """For independent N(0, 1) entries, u . v has mean 0 and variance n, so it must be divided by
    sqrt(n) to keep a fixed scale (the reason for the 1/sqrt(d_k) in scaled dot-product attention)."""
    count = 20000
    for n in [4, 64, 256]:
        U, V = random_pairs(count, n)
        dots = row_dots(U, V)
        assert np.allclose(dots[:3], [dot(u, v) for u, v in zip(U[:3], V[:3])], rtol=1e-12), (
            "row_dots should be the dot product"
        )
        # sampling error of the mean is sqrt(n / count); of var/n about sqrt(2 / count) + kurtosis
        assert abs(np.mean(dots)) < 5 * np.sqrt(n / count), f"mean of u.v {np.mean(dots):.3f} in R^{n}, expected 0"
        assert abs(np.var(dots) / n - 1) < 0.05, f"var(u.v)/n = {np.var(dots) / n:.3f} in R^{n}, expected about 1"
        assert abs(np.var(dots / np.sqrt(n)) - 1) < 0.05, "scaling by 1/sqrt(n) should give variance about 1"
# endregion
