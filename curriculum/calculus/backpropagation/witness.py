"""Backpropagation: reverse-mode differentiation of a network's loss, written layer by layer.

Symbols follow page.md (one example x with target t; the batch loss averages over N examples):
  z1 = W1 x + b1,  h = tanh(z1),  y_hat = W2 h + b2,  L = ||y_hat - t||^2 / 2     #eq-forward
  delta2 = dL/d(y_hat) = y_hat - t                                              #eq-output-error
  delta1 = (W2^T delta2) * (1 - h*h)                                            #eq-hidden-error
  dL/dW_l = delta_l a_(l-1)^T,  dL/db_l = delta_l   (a_0 = x, a_1 = h)          #eq-weight-gradient
"""

import matplotlib.pyplot as plt
import numpy as np

# region: main
rng = np.random.default_rng(0)
n_in, n_hidden, n_out, N = 3, 4, 2, 5
X = rng.normal(size=(N, n_in))  # one example per row
T = rng.normal(size=(N, n_out))
params = {
    "W1": rng.normal(size=(n_hidden, n_in)) / np.sqrt(n_in),
    "b1": np.zeros(n_hidden),
    "W2": rng.normal(size=(n_out, n_hidden)) / np.sqrt(n_hidden),
    "b2": np.zeros(n_out),
}


def forward(p, X, T):
    """eq-forward for all N examples at once (rows), keeping what backprop needs."""
    Z1 = X @ p["W1"].T + p["b1"]
    H = np.tanh(Z1)
    Y_hat = H @ p["W2"].T + p["b2"]
    loss = 0.5 * np.sum((Y_hat - T) ** 2) / N
    return loss, H, Y_hat


def backprop(p, X, T):
    """One backward pass: the error signals delta2, delta1, then every weight gradient."""
    loss, H, Y_hat = forward(p, X, T)
    Delta2 = (Y_hat - T) / N  # eq-output-error, one row per example (the 1/N of the mean)
    Delta1 = (Delta2 @ p["W2"]) * (1 - H**2)  # eq-hidden-error: back through W2, then tanh'
    grads = {
        "W2": Delta2.T @ H,  # eq-weight-gradient: sum over examples of delta2 h^T
        "b2": Delta2.sum(axis=0),
        "W1": Delta1.T @ X,  # sum over examples of delta1 x^T
        "b1": Delta1.sum(axis=0),
    }
    return loss, grads


def numerical_gradient(p, X, T, step=1e-5):
    """Central differences, one parameter at a time: 2 forward passes per parameter."""
    grads = {}
    for name, value in p.items():
        g = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            old = value[idx]
            value[idx] = old + step
            up = forward(p, X, T)[0]
            value[idx] = old - step
            down = forward(p, X, T)[0]
            value[idx] = old
            g[idx] = (up - down) / (2 * step)
        grads[name] = g
    return grads


def relative_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


loss, grads = backprop(params, X, T)
numeric = numerical_gradient(params, X, T)
n_params = sum(v.size for v in params.values())
print(f"network {n_in} -> {n_hidden} (tanh) -> {n_out}, squared-error loss,"
      f" N = {N} examples: L = {loss:.6f}")
print(f"{'parameter':<10} {'shape':<7} {'|gradient|':>11}"
      f" {'max relative error vs central diff.':>36}")
for name in ["W1", "b1", "W2", "b2"]:
    shape = "x".join(str(s) for s in params[name].shape)
    err = relative_error(grads[name], numeric[name])
    print(f"{name:<10} {shape:<7} {np.linalg.norm(grads[name]):>11.6f} {err:>36.1e}")
print("cost: backprop = 1 forward + 1 backward pass")
print(f"      central differences = {2 * n_params} forward passes ({n_params} parameters)")

# The demo's network: one input, one tanh hidden unit, one output, L = (y_hat - t)^2 / 2.
w1, w2, x, t = 1.0, -1.0, 1.0, 1.0
h = np.tanh(w1 * x)
y_hat = w2 * h
delta2 = y_hat - t
delta1 = w2 * delta2 * (1 - h**2)
print()
print(f"one hidden unit: w1 = {w1}, w2 = {w2}, x = {x}, t = {t}")
print(f"  forward:  h = tanh(w1 x) = {h:.4f}   y_hat = w2 h = {y_hat:.4f}"
      f"   L = {0.5 * delta2**2:.4f}")
print(f"  backward: delta2 = y_hat - t = {delta2:.4f}"
      f"   delta1 = w2 delta2 (1 - h^2) = {delta1:.4f}")
print(f"  dL/dw2 = delta2 h = {delta2 * h:+.4f}   dL/dw1 = delta1 x = {delta1 * x:+.4f}")
# endregion

# region: figure
fig, ax = plt.subplots(figsize=(6, 3.6))
w_grid = params["W1"][0, 0] + np.linspace(-2.0, 2.0, 201)
losses = []
for w in w_grid:
    trial = {k: v.copy() for k, v in params.items()}
    trial["W1"][0, 0] = w
    losses.append(forward(trial, X, T)[0])
w0 = params["W1"][0, 0]
ax.plot(w_grid, losses, color="black", label="loss as W1[0,0] varies")
ax.plot(w_grid, loss + grads["W1"][0, 0] * (w_grid - w0), "--", color="tab:red",
        label=f"tangent with backprop slope {grads['W1'][0, 0]:.4f}")
ax.plot([w0], [loss], "o", color="tab:blue")
ax.set_xlabel("W1[0,0]")
ax.set_ylabel("L")
ax.set_ylim(min(losses) - 0.05, max(losses) + 0.05)
ax.legend(fontsize=8)
ax.set_title("loss along one weight; the tangent has the backprop slope")
fig.tight_layout()
# endregion


def check_backprop_matches_finite_differences():
    """Every entry of the backprop gradient of the 2-layer MLP matches central differences
    to a relative error below 1e-6, for three different random initialisations."""
    for seed in [0, 1, 2]:
        r = np.random.default_rng(seed)
        p = {
            "W1": r.normal(size=(n_hidden, n_in)),
            "b1": r.normal(size=n_hidden),
            "W2": r.normal(size=(n_out, n_hidden)),
            "b2": r.normal(size=n_out),
        }
        Xs, Ts = r.normal(size=(N, n_in)), r.normal(size=(N, n_out))
        _, g = backprop(p, Xs, Ts)
        num = numerical_gradient(p, Xs, Ts)
        for name in p:
            err = relative_error(g[name], num[name])
            assert err < 1e-6, f"seed {seed}, {name}: relative error {err:.2e} between backprop and central differences"


def one_unit_loss(w1, w2, x, t):
    """The demo's network: y_hat = w2 tanh(w1 x), loss L = (y_hat - t)^2 / 2."""
    return 0.5 * (w2 * np.tanh(w1 * x) - t) ** 2


def one_unit_gradients(w1, w2, x, t):
    """The demo's formulas, by backprop: dL/dw1 = (y_hat - t) w2 (1 - h^2) x, dL/dw2 = (y_hat - t) h."""
    h = np.tanh(w1 * x)
    err_signal = w2 * h - t
    return err_signal * w2 * (1 - h**2) * x, err_signal * h


def check_one_unit_network_gradients():
    """The demo's formulas dL/dw2 = (y_hat - t) h and dL/dw1 = (y_hat - t) w2 (1 - h^2) x match
    central differences over 200 random (w1, w2, x, t)."""
    r = np.random.default_rng(3)
    s = 1e-6
    for _ in range(200):
        a, b, xx, tt = r.uniform(-3, 3), r.uniform(-3, 3), r.uniform(-2, 2), r.uniform(-3, 3)
        g1, g2 = one_unit_gradients(a, b, xx, tt)
        n1 = (one_unit_loss(a + s, b, xx, tt) - one_unit_loss(a - s, b, xx, tt)) / (2 * s)
        n2 = (one_unit_loss(a, b + s, xx, tt) - one_unit_loss(a, b - s, xx, tt)) / (2 * s)
        # central differences carry ~1e-10 rounding error: a floor of 1e-6 on tiny gradients
        assert abs(g1 - n1) < 1e-6 * max(1.0, abs(n1)), f"dL/dw1 {g1} vs {n1} at {(a, b, xx, tt)}"
        assert abs(g2 - n2) < 1e-6 * max(1.0, abs(n2)), f"dL/dw2 {g2} vs {n2} at {(a, b, xx, tt)}"


def check_small_step_against_gradient_lowers_loss():
    """Moving every weight a small step against its backprop gradient lowers the loss."""
    for seed in [0, 1, 2, 3, 4]:
        r = np.random.default_rng(seed)
        p = {k: r.normal(size=v.shape) for k, v in params.items()}
        before, g = backprop(p, X, T)
        stepped = {k: p[k] - 1e-3 * g[k] for k in p}
        after = forward(stepped, X, T)[0]
        assert after < before, f"seed {seed}: the loss rose from {before:.6f} to {after:.6f} after a step against the gradient"
