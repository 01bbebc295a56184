"""SGD and momentum: an unbiased noisy gradient, and a velocity that remembers past gradients.

Symbols follow page.md:
  g_t = (1/B) sum_{i in B_t} grad l_i(theta_t),  E[g_t] = grad L(theta_t)        #eq-minibatch
  v_{t+1} = beta v_t - eta g_t,  theta_{t+1} = theta_t + v_{t+1}                   #eq-momentum
  constant gradient g:  v_t = -eta g (1 - beta^t) / (1 - beta)  ->  -eta g / (1 - beta)   #eq-terminal
  quadratic, eigenvalue lambda:  z^2 - (1 + beta - eta lambda) z + beta = 0         #eq-characteristic
"""

import matplotlib.pyplot as plt
import numpy as np

# region: main
H = np.diag([1.0, 100.0])            # an ill-conditioned bowl: mu = 1, L = 100, kappa = 100
mu, L = 1.0, 100.0
theta0 = np.array([1.0, 1.0])


def grad_f(theta):
    return H @ theta                   # f(theta) = theta^T H theta / 2, minimizer 0


def heavy_ball(eta, beta, steps, tol=1e-6):
    """v_{t+1} = beta v_t - eta grad f(theta_t); theta_{t+1} = theta_t + v_{t+1}.

    Returns the errors ||theta_t|| and the first t with ||theta_t|| <= tol ||theta_0||."""
    theta, v = theta0.copy(), np.zeros(2)
    errors = [np.linalg.norm(theta)]
    for _ in range(steps):
        v = beta * v - eta * grad_f(theta)
        theta = theta + v
        errors.append(np.linalg.norm(theta))
    errors = np.array(errors)
    hit = np.flatnonzero(errors <= tol * errors[0])
    return errors, (int(hit[0]) if hit.size else None)


def rate(eta, beta):
    """Largest root modulus of z^2 - (1 + beta - eta*lambda) z + beta over lambda in {mu, L}."""
    return max(max(abs(np.roots([1.0, -(1 + beta - eta * lam), beta]))) for lam in (mu, L))


def terminal_velocity(eta, beta, g, steps):
    """The velocity under a constant gradient g: v_t = beta v_{t-1} - eta g."""
    v, out = 0.0, []
    for _ in range(steps):
        v = beta * v - eta * g
        out.append(v)
    return np.array(out)


eta_gd = 2 / (mu + L)                                    # best plain gradient-descent step
eta_hb = 4 / (np.sqrt(L) + np.sqrt(mu)) ** 2             # Polyak's tuned heavy ball
beta_hb = ((np.sqrt(L / mu) - 1) / (np.sqrt(L / mu) + 1)) ** 2
runs = [("GD", 0.01, 0.0), ("momentum", 0.01, 0.5), ("momentum", 0.01, 0.9), ("momentum", 0.01, 0.99),
        ("GD, best eta", eta_gd, 0.0), ("momentum, tuned", eta_hb, beta_hb)]
print(f"f = (theta_1^2 + 100 theta_2^2)/2, kappa = {L / mu:g}; steps until ||theta_t|| <= 1e-6 ||theta_0||")
print()
print(f"{'method':>16}  {'eta':>7}  {'beta':>6}  {'rate':>7}  {'steps':>6}")
for name, eta, beta in runs:
    _, hit = heavy_ball(eta, beta, 5000)
    print(f"{name:>16}  {eta:>7.4f}  {beta:>6.3f}  {rate(eta, beta):>7.4f}  {hit:>6}")

print()
print("constant gradient g = 1, eta = 0.1: the step v_t approaches -eta g / (1 - beta)")
print(f"{'beta':>5}  {'v_1':>7}  {'v_5':>7}  {'v_20':>7}  {'v_100':>7}  {'-eta/(1-beta)':>13}")
for beta in [0.0, 0.5, 0.9]:
    v = terminal_velocity(0.1, beta, 1.0, 100)
    print(f"{beta:>5}  {v[0]:>7.3f}  {v[4]:>7.3f}  {v[19]:>7.3f}  {v[99]:>7.3f}  {-0.1 / (1 - beta):>13.3f}")
# endregion

# region: minibatch
rng = np.random.default_rng(0)
n = 1000
X = rng.normal(size=(n, 2))
y = X @ np.array([2.0, -1.0]) + rng.normal(size=n)
w = np.array([0.0, 0.0])
per_example = (X @ w - y)[:, None] * X          # grad l_i(w) for l_i = (x_i^T w - y_i)^2 / 2
full = per_example.mean(axis=0)                 # grad L(w)
sigma2 = ((per_example - full) ** 2).sum(axis=1).mean()   # trace of the per-example covariance


def minibatch_gradient(batch):
    """g = (1/B) sum_{i in batch} grad l_i(w); a (k, B) array of k batches gives k gradients."""
    return per_example[batch].mean(axis=-2)


print()
print(f"least squares, n = {n}: full gradient {np.round(full, 3)}, per-example variance {sigma2:.2f}")
print(f"{'B':>4}  {'mean of 20000 g':>18}  {'E||g - grad L||^2':>18}  {'sigma^2 / B':>11}")
for B in [1, 10, 100]:
    gs = minibatch_gradient(rng.integers(0, n, size=(20000, B)))  # 20000 batches of B at once
    spread = ((gs - full) ** 2).sum(axis=1).mean()
    print(f"{B:>4}  {str(np.round(gs.mean(axis=0), 3)):>18}  {spread:>18.3f}  {sigma2 / B:>11.3f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
for name, eta, beta, color in [("GD", 0.01, 0.0, "tab:blue"), ("momentum 0.9", 0.01, 0.9, "tab:orange"),
                               ("tuned momentum", eta_hb, beta_hb, "tab:green")]:
    errors, _ = heavy_ball(eta, beta, 300)
    right.semilogy(errors, color=color, label=f"{name}: eta = {eta:.3f}, beta = {beta:.2f}")
right.set_xlabel("step t")
right.set_ylabel("||theta_t - theta*||")
right.set_title("error on the kappa = 100 bowl")
right.legend(fontsize=8)
for beta, color in [(0.0, "tab:blue"), (0.5, "tab:purple"), (0.9, "tab:orange")]:
    v = terminal_velocity(0.1, beta, 1.0, 40)
    left.plot(np.arange(1, 41), -v, "o-", ms=3, color=color, label=f"beta = {beta}")
    left.axhline(0.1 / (1 - beta), ls=":", color=color)
left.set_xlabel("step t")
left.set_ylabel("step length |v_t|")
left.set_title("constant gradient: step grows to eta/(1 - beta)")
left.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_momentum_beats_gd_same_eta():
    """Same eta on the kappa = 100 bowl: heavy ball (beta = 0.5, 0.9) reaches 1e-6 in fewer steps than GD,
    and the measured late per-step ratio matches the largest root modulus."""
    _, gd = heavy_ball(0.01, 0.0, 5000)
    previous = gd
    for beta in [0.5, 0.9]:
        errors, hb = heavy_ball(0.01, beta, 5000)
        assert hb is not None and hb < previous, f"beta = {beta}: {hb} steps, not fewer than {previous}"
        previous = hb
    assert gd > 4 * previous, f"beta = 0.9 should be several times faster than GD: {previous} vs {gd}"
    assert (gd, previous) == (1341, 258), f"the claim quotes 1341 GD and 258 heavy-ball steps, got {(gd, previous)}"
    for eta, beta in [(0.01, 0.0), (0.01, 0.5), (0.01, 0.9), (eta_hb, beta_hb)]:
        errors, _ = heavy_ball(eta, beta, 600, tol=0.0)
        # average over 100 steps: complex roots make single-step ratios oscillate around |z|
        measured = (errors[-1] / errors[-101]) ** (1 / 100)
        assert abs(measured - rate(eta, beta)) < 0.005, (
            f"eta = {eta:.4f}, beta = {beta:.3f}: measured ratio {measured:.4f}, predicted {rate(eta, beta):.4f}"
        )
    assert abs(rate(eta_hb, beta_hb) - 9 / 11) < 1e-6 and abs(rate(eta_gd, 0.0) - 99 / 101) < 1e-12


def check_terminal_velocity():
    """Under a constant gradient the momentum step is eta g (1 - beta^t)/(1 - beta), tending to eta g/(1 - beta)."""
    for beta in [0.0, 0.5, 0.9, 0.99]:
        v = terminal_velocity(0.1, beta, 2.0, 3000)
        t = np.arange(1, 3001)
        assert np.allclose(v, -0.1 * 2.0 * (1 - beta**t) / (1 - beta), rtol=1e-12, atol=0)
        assert abs(v[-1] / (-0.1 * 2.0) - 1 / (1 - beta)) < 1e-9, (
            f"beta = {beta}: terminal step multiplier {v[-1] / -0.2:.4f}, expected {1 / (1 - beta):.4f}"
        )


def check_minibatch_gradient_unbiased():
    """The minibatch gradient averages to the full gradient, and its spread shrinks like sigma^2 / B."""
    assert np.allclose(per_example.mean(axis=0), full)   # exact: E over a uniform index
    local = np.random.default_rng(1)
    for B in [1, 10, 100]:
        gs = minibatch_gradient(local.integers(0, n, size=(20000, B)))
        stderr = np.sqrt(sigma2 / B / 20000)
        assert np.all(np.abs(gs.mean(axis=0) - full) < 5 * stderr), f"B = {B}: mean {gs.mean(axis=0)} vs {full}"
        spread = ((gs - full) ** 2).sum(axis=1).mean()
        assert abs(spread / (sigma2 / B) - 1) < 0.05, f"B = {B}: spread {spread:.4f}, sigma^2/B = {sigma2 / B:.4f}"
# endregion
