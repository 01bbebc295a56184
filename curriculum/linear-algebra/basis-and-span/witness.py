"""Basis and span: coordinates in a basis exist, are unique, reconstruct the vector, and change
with the basis; they are dot products only when the basis is orthonormal.

Symbols follow page.md:
  span(v1, ..., vk) = {c1 v1 + ... + ck vk}                   the span                 #eq-span
  x = c1 b1 + ... + cn bn = B c,  c = B^-1 x                    coordinates in a basis   #eq-coordinates
  c' = B'^-1 B c                                                change of basis          #eq-change-of-basis
  c = B^T x  when B^T B = I                                     orthonormal basis        #eq-orthonormal-coordinates
"""

import numpy as np

rng = np.random.default_rng(4)


# region: main
def coordinates(B, x):
    """c with B c = x (eq-coordinates): the recipe for x in the basis of B's columns."""
    return np.linalg.solve(B, x)


def show(v):
    return np.array2string(np.round(v, 3) + 0.0)


x = np.array([0.0, 2.0])
bases = {
    "standard e1, e2": np.eye(2),
    "b1 = (2, 0), b2 = (1, 1)": np.array([[2.0, 1.0], [0.0, 1.0]]),
    "b1 = (1, 1), b2 = (-1, 1)": np.array([[1.0, -1.0], [1.0, 1.0]]),
    "orthonormal, rotated 30°": np.array([[np.cos(np.pi / 6), -np.sin(np.pi / 6)],
                                          [np.sin(np.pi / 6), np.cos(np.pi / 6)]]),
}
print(f"x = {x}")
print("basis (columns of B)       coordinates c    B c          dot products B^T x")
for name, B in bases.items():
    c = coordinates(B, x)
    print(f"{name:<26} {show(c):<16} {show(B @ c):<12} {show(B.T @ x):<18}")

def change_of_basis(B, B_new, c):
    """c' = B'^-1 B c (eq-change-of-basis): the coordinates in B' of the vector B c."""
    return np.linalg.inv(B_new) @ B @ c


B = bases["b1 = (2, 0), b2 = (1, 1)"]
B_new = bases["b1 = (1, 1), b2 = (-1, 1)"]
c = coordinates(B, x)
c_new = change_of_basis(B, B_new, c)
print()
print(f"change of basis: c = {c} in B, c' = B'^-1 B c = {c_new} in B',")
print(f"                 and B' c' = {B_new @ c_new}")
# endregion

S = np.array([[2.0, 1.0, 3.0], [0.0, 1.0, 1.0]])  # three vectors spanning R^2, (2,0) + (1,1) - (3,1) = 0
c1 = np.array([-1.0, 2.0, 0.0])
c2 = c1 + np.array([1.0, 1.0, -1.0])
print(f"dependent spanning set S = (2,0), (1,1), (3,1): S {c1} = {S @ c1}")
print(f"                                               S {c2} = {S @ c2}")
line = np.array([[2.0], [0.0]])  # one vector: its span is the x1-axis
best, residual, *_ = np.linalg.lstsq(line, x, rcond=None)
print(f"span of (2, 0) alone: the closest point to x is {line @ best}, missing x by {np.linalg.norm(x - line @ best):.1f}")


# region: checks
def random_basis(n):
    B = rng.normal(size=(n, n))
    while abs(np.linalg.det(B)) < 0.1:
        B = rng.normal(size=(n, n))
    return B


def check_coordinates_unique_and_reconstruct():
    """In a basis, c = B^-1 x reconstructs x (B c = x) and is the only such vector: B has rank n, so
    B d = 0 forces d = 0, and least squares finds the same c. Drop independence and uniqueness goes."""
    for n in range(1, 7):
        for _ in range(100):
            B, y = random_basis(n), rng.normal(size=n)
            c = coordinates(B, y)
            assert np.allclose(B @ c, y, atol=1e-10), f"B c should reconstruct y in R^{n}"
            assert np.linalg.matrix_rank(B) == n, "a basis of R^n has rank n"
            other, *_ = np.linalg.lstsq(B, y, rcond=None)
            assert np.allclose(other, c, atol=1e-8), f"a second method found different coordinates in R^{n}"
            d = rng.normal(size=n)
            assert np.linalg.norm(B @ (c + d) - y) > 1e-6 * np.linalg.norm(d), "changing c must change B c"
    assert np.allclose(S @ c1, S @ c2) and not np.allclose(c1, c2), (
        "a dependent spanning set should give two different coefficient vectors for the same x"
    )


def close(a, b, rel=1e-9):
    """Equal up to a tolerance relative to the size of b (coordinates grow as a basis skews)."""
    return np.linalg.norm(np.asarray(a) - b) <= rel * max(np.linalg.norm(b), 1e-300)


def check_change_of_basis():
    """eq-change-of-basis: c' = B'^-1 B c are the coordinates of the same x in B' (B' c' = x, and
    they agree with solving B' c' = x directly), the map c -> c' is one matrix P = B'^-1 B for
    all x, and going back with B^-1 B' returns c."""
    for n in range(1, 6):
        B, B_new = random_basis(n), random_basis(n)
        P = change_of_basis(B, B_new, np.eye(n))
        for _ in range(50):
            y = rng.normal(size=n)
            c = coordinates(B, y)
            c_new = change_of_basis(B, B_new, c)
            assert close(B_new @ c_new, y), f"B' c' should be the same vector x (R^{n})"
            assert close(c_new, np.linalg.solve(B_new, y)), f"c' should be x's coordinates in B' (R^{n})"
            assert close(P @ c, c_new), f"one matrix P should convert every c (R^{n})"
            assert close(change_of_basis(B_new, B, c_new), c), "changing back should return c"


def check_orthonormal_coordinates_are_dot_products():
    """eq-orthonormal-coordinates: for an orthonormal basis Q, c = Q^T x (c_i = q_i . x); for the skewed
    basis (2, 0), (1, 1) and x = (0, 2), the dot products (0, 2) are not the coordinates (-1, 2)."""
    for n in range(1, 7):
        Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
        y = rng.normal(size=n)
        assert np.allclose(coordinates(Q, y), Q.T @ y, atol=1e-10), f"orthonormal basis in R^{n}: c = Q^T y"
    B = bases["b1 = (2, 0), b2 = (1, 1)"]
    assert np.allclose(coordinates(B, x), [-1.0, 2.0]), f"coordinates of (0, 2) should be (-1, 2), got {coordinates(B, x)}"
    assert np.allclose(B.T @ x, [0.0, 2.0]), f"dot products with (2, 0), (1, 1) should be (0, 2), got {B.T @ x}"
    assert not np.allclose(coordinates(B, x), B.T @ x), "in a skewed basis coordinates are not dot products"
# endregion
