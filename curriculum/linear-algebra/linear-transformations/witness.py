"""Linear transformations: linearity, matrices from the images of a basis, composition as the
matrix product, and the determinant as the signed factor by which areas scale.

Symbols follow page.md:
  T(a u + b v) = a T(u) + b T(v)                                linearity                #eq-linearity
  T(x) = x1 T(e1) + ... + xn T(en) = A x,  A = [T(e1) ... T(en)]  the matrix of T         #eq-matrix-columns
  (S o T)(x) = B (A x) = (B A) x                                  composition              #eq-composition
  signed area(A R) = det(A) * signed area(R),  det A = a d - b c  area scaling             #eq-det-area
"""

import numpy as np

rng = np.random.default_rng(5)


# region: main
def matrix_of(T, n):
    """The matrix of a linear map T on R^n: its columns are T(e1), ..., T(en)
    (eq-matrix-columns)."""
    return np.column_stack([T(e) for e in np.eye(n)])


def det2(A):
    """det A = a d - b c for A = [[a, b], [c, d]]."""
    return A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]


def show(A):
    """A 2x2 matrix as [[a, b], [c, d]] (no "-0")."""
    a, b, c, d = (A + 0.0).ravel()
    return f"[[{a:g}, {b:g}], [{c:g}, {d:g}]]"


def signed_area(P):
    """Shoelace formula: the signed area of the polygon with vertices P (rows),
    positive when the vertices run counterclockwise."""
    x, y = P[:, 0], P[:, 1]
    return 0.5 * np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)


square = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])  # counterclockwise
maps = {
    "shear": lambda x: np.array([x[0] + x[1], x[1]]),
    "rotate 90°": lambda x: np.array([-x[1], x[0]]),
    "stretch x1, squash x2": lambda x: np.array([2 * x[0], 0.5 * x[1]]),
    "swap coordinates": lambda x: np.array([x[1], x[0]]),
    "demo default": lambda x: np.array([x[0] + 1.5 * x[1], x[0] + 0.5 * x[1]]),
    "collapse to a line": lambda x: np.array([x[0] + 2 * x[1], 0.5 * x[0] + x[1]]),
}
print("map T                  A = [T(e1) T(e2)]     det A  area of A(square)  orientation")
for name, T in maps.items():
    A = matrix_of(T, 2)
    area = signed_area(np.array([T(p) for p in square]))
    orientation = "flipped" if area < -1e-12 else "kept" if area > 1e-12 else "collapsed"
    print(f"{name:<22} {show(A):<20} {det2(A):>6.2f} {area:>18.2f}  {orientation}")

R = matrix_of(maps["rotate 90°"], 2)
H = matrix_of(maps["shear"], 2)
x = np.array([1.0, 2.0])
print()
print(f"shear after rotation:  H(R x) = {H @ (R @ x)},  (H R) x = {(H @ R) @ x},")
print(f"                       H R = {show(H @ R)}")
print(f"rotation after shear:  R(H x) = {R @ (H @ x)},  (R H) x = {(R @ H) @ x},")
print(f"                       R H = {show(R @ H)}")
# endregion

u0, v0 = np.array([1.0, -2.0]), np.array([-3.0, 1.0])
affine = lambda x: H @ x + np.array([1.0, 0.0])  # noqa: E731
relu = lambda x: np.maximum(x, 0.0)  # noqa: E731
print()
print("T(u + v) - (T(u) + T(v)) for u = (1, -2), v = (-3, 1):")
for name, T in [("x -> H x", lambda x: H @ x), ("x -> H x + (1, 0)", affine), ("x -> relu(x)", relu)]:
    print(f"  {name:<18} {T(u0 + v0) - (T(u0) + T(v0))}")


# region: checks
def check_linearity():
    """eq-linearity for matrix maps on random vectors and scalars, and A x = sum_j x_j A e_j; an
    affine map with nonzero shift and the ReLU map violate it."""
    for _ in range(300):
        m, n = rng.integers(1, 6, size=2)
        A = rng.normal(size=(m, n))
        u, v = rng.normal(size=(2, n))
        a, b = rng.normal(size=2)
        assert np.allclose(A @ (a * u + b * v), a * (A @ u) + b * (A @ v), atol=1e-12), "matrix maps are linear"
        assert np.allclose(A @ u, sum(u[j] * A[:, j] for j in range(n)), atol=1e-12), "A x = sum x_j (column j)"
        assert np.allclose(matrix_of(lambda x: A @ x, n), A), "the columns of A are the images of e_j"
    assert not np.allclose(affine(u0 + v0), affine(u0) + affine(v0)), "x -> H x + (1, 0) should not be linear"
    assert not np.allclose(affine(np.zeros(2)), 0), "an affine map with a shift moves the origin"
    assert not np.allclose(relu(u0 + v0), relu(u0) + relu(v0)), "relu should not be linear"


def check_composition_is_matrix_product():
    """eq-composition: applying A then B equals applying the product B A, for random compatible
    shapes; the order matters: for the shear H and the rotation R, H R != R H."""
    for _ in range(300):
        n, m, p = rng.integers(1, 6, size=3)
        A, B = rng.normal(size=(m, n)), rng.normal(size=(p, m))
        x = rng.normal(size=n)
        assert np.allclose(B @ (A @ x), (B @ A) @ x, atol=1e-10), "B(Ax) should equal (BA)x"
        assert np.allclose(matrix_of(lambda y: B @ (A @ y), n), B @ A, atol=1e-10), "matrix of S o T is B A"
    assert not np.allclose(H @ R, R @ H), "shear and rotation should not commute"


def check_determinant_is_signed_area_scaling():
    """eq-det-area: for random 2x2 matrices and random triangles, the signed area of the image is
    det A times the signed area of the original; det A < 0 exactly when the orientation flips."""
    for _ in range(500):
        A = rng.uniform(-3, 3, size=(2, 2))
        P = rng.normal(size=(3, 2))
        before, after = signed_area(P), signed_area(P @ A.T)
        assert abs(after - det2(A) * before) <= 1e-10 * (1 + abs(before)), (
            f"area {after:.6f} != det {det2(A):.6f} x {before:.6f}"
        )
        assert abs(det2(A) - np.linalg.det(A)) < 1e-10, "ad - bc should match numpy's determinant"
        if abs(det2(A) * before) > 1e-9:
            assert (after * before < 0) == (det2(A) < 0), "orientation flips exactly when det A < 0"
# endregion
