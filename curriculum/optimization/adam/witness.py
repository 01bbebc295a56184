"""Adam: bias-corrected moving averages of g and g^2, and a step that ignores the gradient's scale.

Symbols follow page.md (all operations elementwise):
  m_t = beta1 m_{t-1} + (1 - beta1) g_t,   v_t = beta2 v_{t-1} + (1 - beta2) g_t^2     #eq-moments
  m_hat_t = m_t / (1 - beta1^t),           v_hat_t = v_t / (1 - beta2^t)               #eq-bias-correction
  theta_t = theta_{t-1} - alpha m_hat_t / (sqrt(v_hat_t) + eps)                          #eq-adam-update
"""

import matplotlib.pyplot as plt
import numpy as np

# region: main
ALPHA, BETA1, BETA2, EPS = 1e-3, 0.9, 0.999, 1e-8      # the defaults of Kingma & Ba, Algorithm 1


def adam_steps(grads, alpha=ALPHA, beta1=BETA1, beta2=BETA2, eps=EPS, correct=True):
    """Run the Adam recursions on a given gradient sequence (rows = steps, columns = coordinates).

    Returns m_hat, v_hat and the steps Delta_t = -alpha m_hat_t / (sqrt(v_hat_t) + eps), one row per t."""
    grads = np.atleast_2d(np.asarray(grads, dtype=float).T).T
    m = np.zeros(grads.shape[1])
    v = np.zeros(grads.shape[1])
    m_hats, v_hats, deltas = [], [], []
    for t, g in enumerate(grads, start=1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t) if correct else m
        v_hat = v / (1 - beta2**t) if correct else v
        m_hats.append(m_hat)
        v_hats.append(v_hat)
        deltas.append(-alpha * m_hat / (np.sqrt(v_hat) + eps))
    return np.array(m_hats), np.array(v_hats), np.array(deltas)


g = 0.5                                         # a constant gradient
T = 1000
m_c, v_c, d_c = adam_steps(np.full(T, g))                   # with bias correction
m_u, v_u, d_u = adam_steps(np.full(T, g), correct=False)    # without
print(f"constant gradient g = {g}, alpha = {ALPHA}, beta1 = {BETA1}, beta2 = {BETA2}")
print(f"{'t':>5}  {'m_t':>7}  {'m_hat_t':>7}  {'v_t':>9}  {'v_hat_t':>7}  {'|step|/alpha':>12}  {'uncorrected':>11}")
for t in [1, 2, 5, 10, 100, 1000]:
    i = t - 1
    print(f"{t:>5}  {m_u[i, 0]:>7.4f}  {m_c[i, 0]:>7.4f}  {v_u[i, 0]:>9.6f}  {v_c[i, 0]:>7.4f}"
          f"  {abs(d_c[i, 0]) / ALPHA:>12.4f}  {abs(d_u[i, 0]) / ALPHA:>11.4f}")

rng = np.random.default_rng(0)
noise = rng.normal(size=(20, 1))
print()
print("noisy gradients c * (1 + 0.5 z_t) in one coordinate: |step|/alpha for the first steps")
print(f"{'c':>7}  {'Adam t=1':>8}  {'t=2':>6}  {'t=20':>6}  {'SGD step/alpha t=1':>19}")
for c in [1e-4, 1.0, 1e4]:
    grads = c * (1 + 0.5 * noise)
    _, _, d = adam_steps(grads)
    print(f"{c:>7g}  {abs(d[0, 0]) / ALPHA:>8.4f}  {abs(d[1, 0]) / ALPHA:>6.4f}  {abs(d[19, 0]) / ALPHA:>6.4f}"
          f"  {abs(grads[0, 0]):>19.4g}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
t = np.arange(1, 51)
left.plot(t, m_u[:50, 0], color="tab:red", label="m_t (biased toward 0)")
left.plot(t, m_c[:50, 0], color="tab:blue", label="m_hat_t = m_t / (1 - beta1^t)")
left.axhline(g, ls=":", color="gray")
left.set_xlabel("step t")
left.set_title(f"first moment under a constant gradient g = {g}")
left.legend(fontsize=8)
right.plot(t, np.abs(d_u[:50, 0]) / ALPHA, color="tab:red", label="step / alpha, no bias correction")
right.plot(t, np.abs(d_c[:50, 0]) / ALPHA, color="tab:blue", label="step / alpha, with bias correction")
right.set_xlabel("step t")
right.set_ylim(0, 3.5)
right.set_title("uncorrected steps start about 3.16 alpha")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_bias_correction_unbiased():
    """m_hat_1 = g_1 exactly; for a constant gradient m_hat_t = g and v_hat_t = g^2 at every t;
    for noisy stationary gradients E[m_hat_t] = E[g] while E[m_t] = (1 - beta1^t) E[g]."""
    for g1 in [-3.0, 1e-3, 42.0]:
        m_hat, v_hat, _ = adam_steps([g1])
        assert m_hat[0, 0] == g1 and np.isclose(v_hat[0, 0], g1**2, rtol=1e-15), (m_hat, v_hat)
    assert np.allclose(m_c[:, 0], g, rtol=1e-12, atol=0) and np.allclose(v_c[:, 0], g**2, rtol=1e-9, atol=0)
    assert abs(m_u[0, 0] - (1 - BETA1) * g) <= 1e-15 * abs(g), "uncorrected m_1 should be (1 - beta1) g"
    local = np.random.default_rng(1)
    runs = 20000
    grads = 0.5 + 2.0 * local.normal(size=(10, runs))   # E[g] = 0.5, standard deviation 2
    m_hat, _, _ = adam_steps(grads)
    m_raw, _, _ = adam_steps(grads, correct=False)
    for t in [1, 2, 5, 10]:
        weights = (1 - BETA1) * BETA1 ** (t - np.arange(1, t + 1)) / (1 - BETA1**t)
        stderr = 2.0 * np.sqrt((weights**2).sum() / runs)
        assert abs(m_hat[t - 1].mean() - 0.5) < 5 * stderr, f"t = {t}: mean m_hat {m_hat[t - 1].mean():.4f}"
        assert abs(m_raw[t - 1].mean() - (1 - BETA1**t) * 0.5) < 5 * stderr * (1 - BETA1**t)
        assert abs(m_raw[t - 1].mean() - 0.5) > 10 * stderr * (1 - BETA1**t), f"t = {t}: m_t should be biased"


def check_scale_invariance():
    """Multiplying one coordinate's gradients by c > 0 leaves its Adam steps unchanged (eps aside); SGD's scale by c."""
    local = np.random.default_rng(2)
    base = 1 + 0.5 * local.normal(size=(50, 3))
    scales = np.array([1e-3, 1.0, 1e3])                   # a different scale per coordinate
    _, _, d_base = adam_steps(base, eps=0.0)
    _, _, d_scaled = adam_steps(base * scales, eps=0.0)
    assert np.allclose(d_scaled, d_base, rtol=1e-12, atol=0), "eps = 0: steps must be identical"
    _, _, d_eps = adam_steps(base * scales)              # default eps = 1e-8
    assert np.allclose(d_eps, d_base, rtol=1e-4, atol=0), "with eps = 1e-8 the steps agree to 1e-4"
    tiny = adam_steps(base * 1e-8)[2]                     # gradients as small as eps: no longer invariant
    assert np.all(np.abs(tiny) < 0.75 * np.abs(d_base)), "gradients near eps should give visibly smaller steps"


def check_first_step_is_alpha():
    """With bias correction the first step is alpha |g1| / (|g1| + eps) per coordinate; without it,
    alpha (1 - beta1) / sqrt(1 - beta2), about 3.16 alpha for the defaults."""
    g1 = np.array([2.5, -1e-2, 7e3])
    _, _, d = adam_steps([g1])
    assert np.allclose(d[0], -ALPHA * g1 / (np.abs(g1) + EPS), rtol=1e-12, atol=0)
    assert np.allclose(np.abs(d[0]), ALPHA, rtol=1e-3), "first steps are alpha in every coordinate"
    _, _, d_u1 = adam_steps([g1], correct=False)
    expected = ALPHA * (1 - BETA1) / np.sqrt(1 - BETA2)
    assert np.allclose(np.abs(d_u1[0]), expected, rtol=1e-3), f"uncorrected first step {np.abs(d_u1[0])}"
    assert abs(expected / ALPHA - 3.1623) < 1e-3
# endregion
