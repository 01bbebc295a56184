"""Gradient descent on a quadratic: it converges exactly when the step size is below 2/L.

Symbols follow page.md:
  theta_{t+1} = theta_t - eta * grad f(theta_t)              gradient descent step     #eq-gd-step
  f(theta) = 1/2 (theta - theta*)^T H (theta - theta*)        the quadratic model
  e_{t+1} = (I - eta H) e_t,  e_t = theta_t - theta*          error recursion           #eq-error-recursion
  rho(eta) = max_i |1 - eta lambda_i| = max(|1 - eta mu|, |1 - eta L|)                  #eq-rate
  f(theta - eta g) <= f(theta) - eta (1 - L eta / 2) ||g||^2  descent lemma             #eq-descent-lemma
"""

import matplotlib.pyplot as plt
import numpy as np

# region: main
H = np.diag([1.0, 10.0])                 # Hessian: eigenvalues mu = 1 (flat) and L = 10 (steep)
theta_star = np.array([0.0, 0.0])        # the minimizer
mu, L = np.linalg.eigvalsh(H)            # smallest and largest eigenvalue


def f(theta):
    e = theta - theta_star
    return 0.5 * e @ H @ e


def grad_f(theta):
    return H @ (theta - theta_star)


def gradient_descent(theta0, eta, steps):
    """theta_{t+1} = theta_t - eta * grad f(theta_t); returns every iterate."""
    thetas = [np.asarray(theta0, dtype=float)]
    for _ in range(steps):
        thetas.append(thetas[-1] - eta * grad_f(thetas[-1]))
    return np.array(thetas)


def rate(eta):
    """rho(eta) = max_i |1 - eta * lambda_i|: the worst per-step factor on the error."""
    return max(abs(1 - eta * mu), abs(1 - eta * L))


theta0 = np.array([2.0, 1.0])
steps = 100
print(f"mu = {mu:g}, L = {L:g}, threshold 2/L = {2 / L:g}, best eta = 2/(mu+L) = {2 / (mu + L):.4f}")
print()
print(f"{'eta':>7}  {'eta*L':>6}  {'|1-eta*mu|':>10}  {'|1-eta*L|':>9}  {'rho(eta)':>8}"
      f"  {'||e_100||/||e_0||':>17}  {'last ratio':>10}")
for eta in [0.05, 0.1, 2 / (mu + L), 0.19, 0.199, 0.201, 0.21]:
    path = gradient_descent(theta0, eta, steps)
    err = np.linalg.norm(path - theta_star, axis=1)
    print(f"{eta:>7.4f}  {eta * L:>6.3f}  {abs(1 - eta * mu):>10.4f}  {abs(1 - eta * L):>9.4f}"
          f"  {rate(eta):>8.4f}  {err[-1] / err[0]:>17.3e}  {err[-1] / err[-2]:>10.4f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
xs, ys = np.meshgrid(np.linspace(-2.5, 2.5, 200), np.linspace(-1.6, 1.6, 200))
zs = 0.5 * (H[0, 0] * xs**2 + H[1, 1] * ys**2)
left.contour(xs, ys, zs, levels=[0.25, 1, 2.5, 5, 9], colors="lightgray")
for eta, color in [(0.05, "tab:blue"), (0.19, "tab:orange"), (0.205, "tab:red")]:
    path = gradient_descent(theta0, eta, 14)
    left.plot(path[:, 0], path[:, 1], "o-", ms=3, lw=1, color=color, label=f"eta = {eta}")
left.set_xlim(-2.5, 2.5)
left.set_ylim(-1.6, 1.6)
left.set_title("first 14 steps on f = (x^2 + 10 y^2)/2")
left.legend(fontsize=8, loc="lower left")
for eta, color in [(0.05, "tab:blue"), (2 / 11, "tab:green"), (0.19, "tab:orange"), (0.205, "tab:red")]:
    err = np.linalg.norm(gradient_descent(theta0, eta, 60) - theta_star, axis=1)
    right.semilogy(err, color=color, label=f"eta = {eta:.3f}, rho = {rate(eta):.3f}")
    right.semilogy(err[0] * rate(eta) ** np.arange(61), ":", color=color, lw=1)
right.set_xlabel("step t")
right.set_ylabel("||theta_t - theta*||")
right.set_title("error vs step (dotted: rho^t ||e_0||)")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_threshold_two_over_l():
    """eta just below 2/L converges from any start; eta just above 2/L diverges."""
    for start in [theta0, np.array([-1.0, 0.3]), np.array([0.0, 1e-3])]:
        below = gradient_descent(start, 0.99 * 2 / L, 3000)
        above = gradient_descent(start, 1.01 * 2 / L, 3000)
        e0 = np.linalg.norm(start - theta_star)
        assert np.linalg.norm(below[-1] - theta_star) < 1e-6 * e0, (
            f"eta = 0.99 * 2/L should converge from {start}, error {np.linalg.norm(below[-1]):.3e}"
        )
        assert np.linalg.norm(above[-1] - theta_star) > 1e6 * e0, (
            f"eta = 1.01 * 2/L should diverge from {start}, error {np.linalg.norm(above[-1]):.3e}"
        )


def check_rate_is_max_abs_one_minus_eta_lambda():
    """The late per-step error ratio equals rho(eta) = max|1 - eta*lambda|, and 2/(mu+L) minimises it."""
    for eta in [0.05, 0.1, 0.15, 0.19, 0.21]:
        err = np.linalg.norm(gradient_descent(theta0, eta, 200) - theta_star, axis=1)
        measured = err[-1] / err[-2]
        assert abs(measured - rate(eta)) < 1e-6, (
            f"eta = {eta}: measured ratio {measured:.8f}, predicted rho = {rate(eta):.8f}"
        )
    grid = np.linspace(0.001, 2 / L, 20001)
    best = grid[np.argmin([rate(eta) for eta in grid])]
    assert abs(best - 2 / (mu + L)) < 1e-3, f"rho is smallest at eta = {best:.4f}, expected 2/(mu+L)"
    kappa = L / mu
    assert abs(rate(2 / (mu + L)) - (kappa - 1) / (kappa + 1)) < 1e-12


def logistic_loss(w, X, y):
    """Mean logistic loss log(1 + e^z) - y z, z = X w: smooth, convex and not quadratic."""
    z = X @ w
    return np.mean(np.logaddexp(0.0, z) - y * z)


def logistic_gradient(w, X, y):
    return X.T @ (1 / (1 + np.exp(-X @ w)) - y) / len(y)


def logistic_smoothness(X):
    """L = lambda_max(X^T X / N) / 4: sigma'' <= 1/4 bounds the Hessian X^T diag(sigma'') X / N."""
    return np.linalg.eigvalsh(X.T @ X / len(X)).max() / 4


def check_descent_lemma_on_logistic_loss():
    """For an L-smooth non-quadratic loss, every step with eta < 2/L lowers f by at least eta(1 - L eta/2)||g||^2."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X @ np.array([1.0, -2.0, 0.5]) + 0.5 * rng.normal(size=200) > 0).astype(float)
    L_log = logistic_smoothness(X)
    h = 1e-6
    for _ in range(200):
        w = rng.normal(scale=3.0, size=3)
        f_w, g = logistic_loss(w, X, y), logistic_gradient(w, X, y)
        numeric = [
            (logistic_loss(w + h * e, X, y) - logistic_loss(w - h * e, X, y)) / (2 * h) for e in np.eye(3)
        ]
        assert np.allclose(g, numeric, rtol=1e-5, atol=1e-8), f"gradient {g} vs central differences {numeric}"
        for eta in [0.5 / L_log, 1.0 / L_log, 1.9 / L_log]:
            bound = f_w - eta * (1 - L_log * eta / 2) * (g @ g)
            f_next = logistic_loss(w - eta * g, X, y)
            assert f_next <= bound + 1e-12 * abs(bound), f"descent lemma violated at eta*L = {eta * L_log:.2f}"
            assert f_next < f_w, "a step with eta < 2/L should lower the loss"
    # and L is no overestimate: at w = 0, where sigma'' = 1/4, the Hessian's largest eigenvalue is L
    top = np.linalg.eigh(X.T @ X)[1][:, -1]
    w0 = 1e-3 * top
    g0 = logistic_gradient(w0, X, y) - logistic_gradient(np.zeros(3), X, y)  # curvature part only
    assert np.allclose(g0, L_log * w0, rtol=1e-3), "at w = 0 the loss curves by exactly L along the top eigenvector"
# endregion
