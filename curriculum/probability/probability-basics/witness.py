"""Probability basics: events as sets of outcomes, conditional probability, independence, Bayes.

Symbols follow page.md:
  P(Omega) = 1,  P(A u B) = P(A) + P(B) for disjoint A, B          axioms           #eq-axioms
  P(A u B) = P(A) + P(B) - P(A n B)                                inclusion-excl.  #eq-union
  P(A | B) = P(A n B) / P(B)                                       conditional      #eq-conditional
  P(A n B) = P(A) P(B)                                             independence     #eq-independence
  P(D | +) = P(+ | D) P(D) / (P(+ | D) P(D) + P(+ | not D) P(not D))  Bayes' rule  #eq-bayes
"""

import matplotlib.pyplot as plt
import numpy as np


# region: definitions
# The sample space of two fair dice: 36 equally likely outcomes (first, second).
first, second = np.meshgrid(np.arange(1, 7), np.arange(1, 7), indexing="ij")
first, second = first.ravel(), second.ravel()
total = first + second


def prob(event):
    """P(event) for a boolean mask over the 36 equally likely outcomes."""
    return event.sum() / event.size


def cond(a, b):
    """P(A | B) = P(A n B) / P(B), defined only when P(B) > 0."""
    return prob(a & b) / prob(b)


def posterior(prior, sens, fpr):
    """P(D | +) by Bayes' rule, with P(+) from the law of total probability."""
    evidence = sens * prior + fpr * (1 - prior)
    return sens * prior / evidence


A = total == 7  # the sum is 7
B = first == 6  # the first die shows 6
C = total >= 10  # the sum is at least 10
# endregion

# region: table
print(f"P(A) = P(sum = 7)        = {prob(A):.4f}")
print(f"P(B) = P(first = 6)      = {prob(B):.4f}")
print(f"P(C) = P(sum >= 10)      = {prob(C):.4f}")
print(f"P(B u C) = {prob(B | C):.4f}   P(B) + P(C) - P(B n C) = {prob(B) + prob(C) - prob(B & C):.4f}")
print(f"P(A | B) = {cond(A, B):.4f}   P(A) = {prob(A):.4f}   -> independent")
print(f"P(C | B) = {cond(C, B):.4f}   P(C) = {prob(C):.4f}   -> dependent")
print()

prior, sens, fpr = 0.05, 0.90, 0.10
rng = np.random.default_rng(0)
n = 1_000_000
has_d = rng.random(n) < prior
positive = np.where(has_d, rng.random(n) < sens, rng.random(n) < fpr)
print(f"screening test: P(D) = {prior}, P(+ | D) = {sens}, P(+ | not D) = {fpr}")
print(f"P(+)     formula {sens * prior + fpr * (1 - prior):.4f}   simulated {positive.mean():.4f}")
print(f"P(D | +) formula {posterior(prior, sens, fpr):.4f}   simulated {has_d[positive].mean():.4f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
grid = np.zeros((6, 6))
grid[(first[B | C] - 1), (second[B | C] - 1)] = 1
grid[(first[B & C] - 1), (second[B & C] - 1)] = 2
left.imshow(grid.T, origin="lower", extent=(0.5, 6.5, 0.5, 6.5), cmap="Blues", vmin=0, vmax=2.5)
left.set_xlabel("first die")
left.set_ylabel("second die")
left.set_title("B u C (light) and B n C (dark): 9 and 3 of 36")

priors = np.linspace(0.001, 0.5, 300)
for s, f in [(0.9, 0.1), (0.99, 0.01), (0.9, 0.01)]:
    right.plot(priors, posterior(priors, s, f), label=f"P(+|D) = {s}, P(+|not D) = {f}")
right.axhline(0.5, color="gray", ls=":")
right.set_xlabel("base rate P(D)")
right.set_ylabel("P(D | +)")
right.set_title("a positive result means little when D is rare")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_axioms_on_dice():
    """P(Omega) = 1, additivity over disjoint events, and inclusion-exclusion for overlapping ones."""
    omega = np.ones(36, dtype=bool)
    assert np.isclose(prob(omega), 1.0, rtol=1e-12), f"P(Omega) should be 1, got {prob(omega)}"
    assert not (A & C).any(), "sum = 7 and sum >= 10 should be disjoint"
    assert np.isclose(prob(A | C), prob(A) + prob(C), rtol=1e-12), "additivity fails for disjoint A, C"
    assert np.isclose(prob(~C), 1 - prob(C), rtol=1e-12), "complement rule P(not C) = 1 - P(C) fails"
    union = prob(B) + prob(C) - prob(B & C)
    assert np.isclose(prob(B | C), union, rtol=1e-12) and np.isclose(union, 0.25, rtol=1e-12), (
        f"P(B u C) should be 9/36 = 0.25 by inclusion-exclusion, got {prob(B | C)} and {union}"
    )
    assert prob(B | C) < prob(B) + prob(C), "adding overlapping events should overcount"


def check_independence_and_dependence():
    """sum = 7 is independent of the first die; sum >= 10 is not (P(C | B) = 1/2, P(C) = 1/6)."""
    assert np.isclose(prob(A & B), prob(A) * prob(B), rtol=1e-12), "A and B should be independent"
    assert np.isclose(cond(A, B), prob(A), rtol=1e-12), "conditioning on B should not change P(A)"
    assert np.isclose(cond(C, B), 0.5, rtol=1e-12) and np.isclose(prob(C), 1 / 6, rtol=1e-12), (
        f"expected P(C | B) = 1/2 and P(C) = 1/6, got {cond(C, B)} and {prob(C)}"
    )
    assert not np.isclose(prob(C & B), prob(C) * prob(B), rtol=0.1), "C and B should be dependent"


def check_conditional_is_a_frequency():
    """P(A | B) = P(A n B) / P(B) is the long-run fraction of B-trials in which A happens."""
    rolls = np.random.default_rng(1).integers(1, 7, size=(400_000, 2))
    s = rolls.sum(axis=1)
    on_b = rolls[:, 0] == 6
    freq = (s[on_b] >= 10).mean()
    assert np.isclose(freq, cond(C, B), rtol=0.02), f"simulated P(C | B) = {freq:.4f}, formula {cond(C, B):.4f}"


def check_bayes_rule_and_base_rate():
    """Bayes' rule matches the simulated population, and P(D | +) = 0.321 is far below P(+ | D) = 0.9."""
    formula = posterior(prior, sens, fpr)
    simulated = has_d[positive].mean()
    assert np.isclose(simulated, formula, rtol=0.02), f"simulated P(D | +) {simulated:.4f}, Bayes {formula:.4f}"
    assert np.isclose(formula, 0.045 / 0.14, rtol=1e-9), f"P(D | +) should be 0.045 / 0.14, got {formula}"
    assert formula < 0.5 < sens, "with a 5% base rate most positives should be false positives"
    assert posterior(0.5, sens, fpr) > 0.5, "at a 50% base rate the same test should make D more likely"
# endregion
