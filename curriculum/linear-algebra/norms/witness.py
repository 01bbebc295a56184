"""Norms: the L1, L2 and max norms satisfy the norm axioms and are ordered; p < 1 is not a norm.

Symbols follow page.md:
  |x| >= 0 (= 0 only for x = 0),  |a x| = |a| |x|,  |x + y| <= |x| + |y|      #eq-norm-axioms
  |x|_p = (sum_i |x_i|^p)^(1/p),  |x|_inf = max_i |x_i|                        #eq-p-norm
  |x|_inf <= |x|_2 <= |x|_1 <= sqrt(n) |x|_2 <= n |x|_inf                      #eq-norm-ordering
"""

import numpy as np

rng = np.random.default_rng(2)


# region: main
def p_norm(x, p):
    """|x|_p from eq-p-norm; p = inf gives the max norm."""
    if p == np.inf:
        return max(abs(x_i) for x_i in x)
    return sum(abs(x_i) ** p for x_i in x) ** (1 / p)


examples = {
    "one nonzero entry": np.array([0.0, -2.0, 0.0, 0.0]),
    "(3, -4, 0, 12)": np.array([3.0, -4.0, 0.0, 12.0]),
    "random": rng.normal(size=4),
    "all entries equal": np.array([0.5, 0.5, 0.5, 0.5]),
}
n = 4
print("x in R^4                 |x|_inf    |x|_2    |x|_1  sqrt(n)|x|_2  n|x|_inf")
for name, x in examples.items():
    inf_, two, one = p_norm(x, np.inf), p_norm(x, 2), p_norm(x, 1)
    row = [inf_, two, one, np.sqrt(n) * two, n * inf_]
    print(f"{name:<23}" + "".join(f"{value:>9.4f}" for value in row[:3])
          + f"{row[3]:>14.4f}{row[4]:>10.4f}")

x, y = np.array([1.0, 0.0]), np.array([0.0, 1.0])
print()
print(f"{'p':>5}  {'|x + y|_p':>10}  {'|x|_p + |y|_p':>14}  triangle inequality")
for p in [np.inf, 2, 1, 0.5]:
    lhs, rhs = p_norm(x + y, p), p_norm(x, p) + p_norm(y, p)
    verdict = "holds" if lhs <= rhs + 1e-12 else "FAILS"
    print(f"{p:>5}  {lhs:>10.4f}  {rhs:>14.4f}  {verdict}")
# endregion

print()
print("|x|_1 / |x|_2 lies between 1 and sqrt(n); in R^10000, sqrt(n) = 100:")
dense = rng.normal(size=10_000)
sparse = np.zeros(10_000)
sparse[rng.choice(10_000, size=10, replace=False)] = rng.normal(size=10)
for name, v in [("dense N(0, 1) entries", dense), ("10 nonzero entries", sparse)]:
    print(f"  {name:<22} |x|_1 / |x|_2 = {p_norm(v, 1) / p_norm(v, 2):7.2f}")


# region: checks
def check_norm_axioms():
    """eq-norm-axioms for p = 1, 2, inf: zero only at 0, absolute homogeneity, triangle inequality."""
    for p in [1, 2, np.inf]:
        assert p_norm(np.zeros(5), p) == 0, f"|0|_{p} should be 0"
        for _ in range(500):
            dim = rng.integers(1, 20)
            x, y = rng.normal(size=(2, dim))
            a = rng.normal() * 10
            assert p_norm(x, p) > 0, f"|x|_{p} should be positive for x != 0"
            assert abs(p_norm(a * x, p) - abs(a) * p_norm(x, p)) <= 1e-12 * abs(a) * p_norm(x, p), (
                f"|a x|_{p} should equal |a| |x|_{p}"
            )
            assert p_norm(x + y, p) <= (p_norm(x, p) + p_norm(y, p)) * (1 + 1e-12), (
                f"triangle inequality fails for p = {p}: |x+y| = {p_norm(x + y, p)}, |x|+|y| = {p_norm(x, p) + p_norm(y, p)}"
            )


def check_norm_ordering():
    """eq-norm-ordering on random vectors, and each inequality is tight: one nonzero entry gives
    |x|_inf = |x|_2 = |x|_1; equal magnitudes give |x|_1 = sqrt(n)|x|_2 and sqrt(n)|x|_2 = n|x|_inf."""
    tol = 1 + 1e-12
    for dim in [2, 5, 100]:
        for _ in range(500):
            x = rng.normal(size=dim) * rng.uniform(0.01, 100)
            chain = [p_norm(x, np.inf), p_norm(x, 2), p_norm(x, 1), np.sqrt(dim) * p_norm(x, 2), dim * p_norm(x, np.inf)]
            for left, right in zip(chain, chain[1:]):
                assert left <= right * tol, f"ordering broken in R^{dim}: {chain}"
        spike = np.zeros(dim)
        spike[dim // 2] = -3.0
        assert p_norm(spike, np.inf) == p_norm(spike, 2) == p_norm(spike, 1) == 3.0, "one nonzero entry: all equal"
        flat = np.full(dim, -0.7) * np.where(np.arange(dim) % 2, 1, -1)
        one = p_norm(flat, 1)  # the tolerance is relative: these norms grow with the dimension
        assert abs(one - np.sqrt(dim) * p_norm(flat, 2)) <= 1e-12 * one, "equal magnitudes: |x|_1 = sqrt(n)|x|_2"
        assert abs(np.sqrt(dim) * p_norm(flat, 2) - dim * p_norm(flat, np.inf)) <= 1e-12 * one, "equal magnitudes"


def check_p_below_one_is_not_a_norm():
    """For p = 1/2 the triangle inequality fails: |e1 + e2|_(1/2) = 4 > 2 = |e1| + |e2|, and it fails
    for every pair of nonzero vectors with disjoint supports."""
    e1, e2 = np.eye(2)
    assert abs(p_norm(e1 + e2, 0.5) - 4.0) < 1e-12 and p_norm(e1, 0.5) + p_norm(e2, 0.5) == 2.0, (
        f"|e1 + e2|_(1/2) = {p_norm(e1 + e2, 0.5)} should be 4 and |e1| + |e2| = 2"
    )
    for _ in range(200):
        x = np.concatenate([rng.normal(size=3), np.zeros(3)])
        y = np.concatenate([np.zeros(3), rng.normal(size=3)])
        assert p_norm(x + y, 0.5) > p_norm(x, 0.5) + p_norm(y, 0.5), "p = 1/2 should break the triangle inequality"
# endregion
