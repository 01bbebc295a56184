"""Linear independence: the rank found by elimination agrees with the existence of a null vector.

Symbols follow page.md:
  c1 v1 + ... + ck vk = 0  =>  c1 = ... = ck = 0          independence                #eq-independence
  A c = 0 with A = [v1 ... vk]                              the same, as a matrix      #eq-null-space
  dim N(A) = k - rank(A)                                    free columns = null vectors #eq-rank-nullity
  det [v1 v2] = a d - b c                                   two vectors in the plane   #eq-det-2d
"""

import numpy as np

rng = np.random.default_rng(3)


# region: main
def row_reduce(A, tol=1e-10):
    """Gauss-Jordan elimination with partial pivoting: the reduced matrix R and
    its pivot columns. Row operations keep the solutions of A c = 0 (eq-null-space)."""
    R = np.array(A, dtype=float)
    rows, cols = R.shape
    scale = max(1.0, np.abs(R).max())
    pivots = []
    for c in range(cols):
        r = len(pivots)
        if r == rows:
            break
        i = r + int(np.argmax(np.abs(R[r:, c])))
        if abs(R[i, c]) <= tol * scale:
            continue  # no pivot in this column: c is a free column
        R[[r, i]] = R[[i, r]]
        R[r] /= R[r, c]
        for k in range(rows):
            if k != r:
                R[k] -= R[k, c] * R[r]
        pivots.append(c)
    return R, pivots


def null_vector(A):
    """A nonzero c with A c = 0, built from the first free column, or None if every
    column has a pivot (eq-rank-nullity: there are k - rank free columns)."""
    R, pivots = row_reduce(A)
    free = [j for j in range(R.shape[1]) if j not in pivots]
    if not free:
        return None
    c = np.zeros(R.shape[1])
    c[free[0]] = 1.0
    for row, p in enumerate(pivots):
        c[p] = -R[row, free[0]]  # pivot variable = -(its row's entry in the free column)
    return c


examples = {  # each list of vectors becomes the columns of A
    "(2,1), (1,3)": [[2, 1], [1, 3]],
    "(2,1), (-4,-2)": [[2, 1], [-4, -2]],
    "(2,1), (0,0)": [[2, 1], [0, 0]],
    "(2,1), (1,3), (-1,2)": [[2, 1], [1, 3], [-1, 2]],
    "(1,0,2), (0,1,1), (1,2,4)": [[1, 0, 2], [0, 1, 1], [1, 2, 4]],
    "intercept + 3 one-hots": [[1, 1, 1, 1, 1],  # 5 samples, categories r, g, b, r, b
                               [1, 0, 0, 1, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 1]],
}
print("vectors (columns of A)       k rank  independent  null vector c            |A c|")
for name, vectors in examples.items():
    A = np.array(vectors, dtype=float).T
    _, pivots = row_reduce(A)
    c = null_vector(A)
    shown = "none (only c = 0)" if c is None else np.array2string(c + 0.0, precision=2)
    residual = "" if c is None else f"{np.linalg.norm(A @ c):.1e}"
    k, rank, independent = A.shape[1], len(pivots), str(c is None)
    print(f"{name:<27} {k:>2} {rank:>4}  {independent:<11}  {shown:<22} {residual:>7}")
# endregion

A = np.array([[1.0, 1.0], [1.0, 1.0 + 1e-12]]).T
print()
print("nearly dependent, v2 = v1 + (0, 1e-12):")
print(f"  rank by elimination (tolerance 1e-10): {len(row_reduce(A)[1])}")
sigma = np.linalg.svd(A, compute_uv=False)
numpy_tol = sigma.max() * max(A.shape) * np.finfo(float).eps
print(f"  np.linalg.matrix_rank (tolerance {numpy_tol:.1e}): {np.linalg.matrix_rank(A)}")
print(f"  det = {np.linalg.det(A):.3e}, singular values = {sigma[0]:.3f} and {sigma[1]:.3e}")


# region: checks
def random_matrix():
    """A random n x k integer matrix; half the time one column is made a combination of others."""
    n, k = rng.integers(1, 6), rng.integers(1, 6)
    A = rng.integers(-3, 4, size=(n, k)).astype(float)
    if k >= 2 and rng.random() < 0.5:
        j = rng.integers(k)
        A[:, j] = A @ np.where(np.arange(k) == j, 0, rng.integers(-2, 3, size=k))
    return A


def check_rank_test_matches_null_vector():
    """Columns are independent (rank = k) exactly when no nonzero c has A c = 0 (eq-null-space).
    Rank by elimination matches numpy's SVD rank; a built null vector really solves A c = 0;
    when rank = k, the smallest singular value is positive, so no nonzero c can have A c = 0."""
    matrices = [np.array(v, dtype=float).T for v in examples.values()] + [random_matrix() for _ in range(400)]
    dependent_seen = independent_seen = 0
    for A in matrices:
        k = A.shape[1]
        rank = len(row_reduce(A)[1])
        assert rank == np.linalg.matrix_rank(A), f"elimination rank {rank} != SVD rank for\n{A}"
        c = null_vector(A)
        if rank < k:
            dependent_seen += 1
            assert c is not None and np.abs(c).max() > 0, f"rank {rank} < {k} but no null vector for\n{A}"
            assert np.linalg.norm(A @ c) <= 1e-9 * max(1.0, np.abs(A).max()), f"A c = {A @ c} is not 0"
        else:
            independent_seen += 1
            assert c is None, f"rank = k = {k} but a null vector {c} was returned"
            assert np.linalg.svd(A, compute_uv=False).min() > 1e-9, "full column rank needs sigma_min > 0"
    assert dependent_seen > 50 and independent_seen > 50, "the test set should contain both cases"


def check_more_vectors_than_dimension_are_dependent():
    """k > n vectors in R^n always have a null vector: at most n pivots, so at least k - n free
    columns (eq-rank-nullity)."""
    for _ in range(300):
        n = rng.integers(1, 5)
        k = n + rng.integers(1, 4)
        A = rng.normal(size=(n, k))
        c = null_vector(A)
        assert c is not None, f"{k} vectors in R^{n} should be dependent"
        assert np.linalg.norm(A @ c) <= 1e-9 * np.linalg.norm(c) * max(1.0, np.abs(A).max())


def check_one_hot_with_intercept_is_dependent():
    """An intercept column plus one one-hot column per category: the one-hots sum to the intercept,
    so c = (1, -1, -1, -1) is a null vector, and least-squares coefficients are not unique."""
    A = np.array(examples["intercept + 3 one-hots"], dtype=float).T
    assert len(row_reduce(A)[1]) == 3, "4 columns but rank 3"
    c = np.array([1.0, -1.0, -1.0, -1.0])
    assert np.allclose(A @ c, 0), "the one-hot columns should sum to the intercept column"
    y = np.array([3.0, 1.0, 2.0, 3.5, 1.5])
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    assert np.allclose(A @ beta, A @ (beta + 7.0 * c)), "shifting by a null vector must leave the fit unchanged"
    assert A.shape[1] - 1 == np.linalg.matrix_rank(A[:, :3]), "dropping one one-hot column restores independence"
# endregion
