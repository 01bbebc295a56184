"""Random variables: a function on outcomes, its PMF, its expectation and its variance.

Symbols follow page.md:
  p_X(x) = P(X = x) = P({w : X(w) = x})                 probability mass function  #eq-pmf
  E[X]   = sum_x x p_X(x)                               expectation                #eq-expectation
  E[aX + bY] = a E[X] + b E[Y]                          linearity                  #eq-linearity
  Var X  = E[(X - E[X])^2] = E[X^2] - E[X]^2            variance                   #eq-variance
  Var(X + Y) = Var X + Var Y   for independent X, Y     variance of a sum          #eq-var-sum
"""

import matplotlib.pyplot as plt
import numpy as np

# region: definitions
# Sample space: the 36 equally likely outcomes (first, second) of two fair dice.
first, second = np.meshgrid(np.arange(1, 7), np.arange(1, 7), indexing="ij")
first, second = first.ravel(), second.ravel()
P_OUTCOME = np.full(36, 1 / 36)

X = first  # a random variable is a function of the outcome: the first die
Y = second  # the second die
S = X + Y  # the sum, another function of the same outcome


def pmf(rv):
    """p(x) = P(rv = x): add the probabilities of the outcomes that rv maps to x."""
    values = np.unique(rv)
    return values, np.array([P_OUTCOME[rv == x].sum() for x in values])


def expectation(rv):
    """E[rv] = sum_x x p(x), computed from the PMF (not from the outcomes)."""
    values, probs = pmf(rv)
    return float((values * probs).sum())


def variance(rv):
    """Var rv = E[(rv - E[rv])^2]."""
    return expectation((rv - expectation(rv)) ** 2)


# endregion

# region: table
values, probs = pmf(S)
print("PMF of S = X + Y (sum of two dice):")
for x, p in zip(values, probs):
    print(f"  P(S = {x:2d}) = {round(p * 36):d}/36 = {p:.4f}  " + "#" * round(p * 36))
print()
print(f"E[X] = {expectation(X):.4f}   Var X = {variance(X):.4f}   (35/12 = {35 / 12:.4f})")
print(f"E[S] = {expectation(S):.4f}   E[X] + E[Y] = {expectation(X) + expectation(Y):.4f}")
print(f"Var S = {variance(S):.4f}   Var X + Var Y = {variance(X) + variance(Y):.4f}")
print(f"Var(X + X) = Var(2X) = {variance(2 * X):.4f}   (dependent: not Var X + Var X)")

rng = np.random.default_rng(0)
draws = rng.integers(1, 7, size=(100_000, 2)).sum(axis=1)
print(f"100,000 simulated sums: mean {draws.mean():.4f}, variance {draws.var():.4f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
left.bar(values, probs, color="tab:blue", label="PMF of S")
left.axvline(expectation(S), color="tab:red", label="E[S] = 7")
sd = np.sqrt(variance(S))
left.hlines(0.175, 7 - sd, 7 + sd, color="tab:red", ls="--", label="E[S] ± sd")
left.set_xlabel("s")
left.set_ylabel("P(S = s)")
left.set_title("sum of two dice")
left.legend(fontsize=8)

counts = np.arange(1, 100_001)
running = np.cumsum(draws) / counts
right.semilogx(counts, running, color="tab:blue", label="running mean of simulated S")
right.axhline(7, color="tab:red", ls=":", label="E[S] = 7")
right.set_xlabel("number of rolls")
right.set_title("sample means settle at the expectation")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_pmf_is_a_distribution():
    """The PMF of S is nonnegative, sums to 1, and is the triangle (6 - |s - 7|) / 36."""
    vals, ps = pmf(S)
    assert np.all(ps >= 0) and np.isclose(ps.sum(), 1.0, rtol=1e-12), f"PMF sums to {ps.sum()}"
    triangle = (6 - np.abs(vals - 7)) / 36
    assert np.allclose(ps, triangle, rtol=1e-12), f"PMF of S should be (6 - |s - 7|)/36, got {ps}"


def check_expectation_is_linear():
    """E[X + Y] = E[X] + E[Y] = 7 and E[3X - 2] = 3 E[X] - 2 (eq-linearity)."""
    assert np.isclose(expectation(X), 3.5, rtol=1e-12), f"E[X] = {expectation(X)}, expected 3.5"
    assert np.isclose(expectation(S), expectation(X) + expectation(Y), rtol=1e-12), "E[X + Y] != E[X] + E[Y]"
    assert np.isclose(expectation(3 * X - 2), 3 * expectation(X) - 2, rtol=1e-12), "E[3X - 2] != 3E[X] - 2"
    assert np.isclose(draws.mean(), 7.0, rtol=0.01), f"simulated mean {draws.mean():.4f} should be near 7"


def check_variance_adds_only_when_independent():
    """Var X = 35/12; Var(X + Y) = 35/6 for independent dice, but Var(X + X) = 4 Var X = 35/3."""
    assert np.isclose(variance(X), 35 / 12, rtol=1e-12), f"Var X = {variance(X)}, expected 35/12"
    assert np.isclose(variance(X), expectation(X**2) - expectation(X) ** 2, rtol=1e-12), "shortcut formula fails"
    assert np.isclose(variance(S), variance(X) + variance(Y), rtol=1e-12), "Var(X + Y) should be Var X + Var Y"
    assert np.isclose(variance(X + X), 4 * variance(X), rtol=1e-12), "Var(2X) should be 4 Var X"
    assert not np.isclose(variance(X + X), 2 * variance(X), rtol=0.1), "variances of dependent terms do not add"
    assert np.isclose(draws.var(), 35 / 6, rtol=0.02), f"simulated variance {draws.var():.4f}, expected 35/6"


# endregion
