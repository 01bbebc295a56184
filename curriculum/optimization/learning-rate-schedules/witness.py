"""Learning-rate schedules: warmup + cosine decay, and why the step size has to shrink for SGD.

Symbols follow page.md:
  eta_t = eta_peak t / T_w                                        for t < T_w   (linear warmup)
  eta_t = eta_min + (eta_peak - eta_min) (1 + cos(pi p)) / 2,  p = (t - T_w)/(T - T_w)     #eq-warmup-cosine
  sum_t eta_t = infinity,  sum_t eta_t^2 < infinity                                       #eq-robbins-monro
  E[e_{t+1}^2] = (1 - eta_t lam)^2 E[e_t^2] + eta_t^2 sigma^2     (noisy 1-D quadratic)   #eq-noise-recursion
"""

import matplotlib.pyplot as plt
import numpy as np

# region: main
PEAK, FLOOR, T_W, T = 1e-3, 1e-4, 100, 1000


def warmup_cosine(t, peak=PEAK, floor=FLOOR, t_w=T_W, total=T):
    """Linear warmup from 0 to peak over t_w steps, then cosine decay from peak to floor at step total."""
    t = np.asarray(t, dtype=float)
    p = np.clip((t - t_w) / (total - t_w), 0.0, 1.0)       # progress through the decay
    decay = floor + (peak - floor) * (1 + np.cos(np.pi * p)) / 2
    return np.where(t < t_w, peak * t / t_w, decay)


def warmup_linear(t, peak=PEAK, floor=FLOOR, t_w=T_W, total=T):
    """The same warmup, then a straight line from peak to floor."""
    t = np.asarray(t, dtype=float)
    p = np.clip((t - t_w) / (total - t_w), 0.0, 1.0)
    return np.where(t < t_w, peak * t / t_w, floor + (peak - floor) * (1 - p))


def warmup_rsqrt(t, peak=PEAK, t_w=T_W):
    """Warmup, then decay proportional to 1/sqrt(t): peak * min(t / t_w, sqrt(t_w / t))."""
    t = np.asarray(t, dtype=float)
    return np.where(t < t_w, peak * t / t_w, peak * np.sqrt(t_w / np.maximum(t, t_w)))


print(f"peak = {PEAK}, floor = {FLOOR}, warmup T_w = {T_W}, total T = {T}")
print(f"{'t':>5}  {'p':>5}  {'cosine':>9}  {'linear':>9}  {'rsqrt':>9}")
for t in [0, 50, 100, 325, 550, 775, 1000]:
    p = max(0.0, (t - T_W) / (T - T_W))
    print(f"{t:>5}  {p:>5.2f}  {float(warmup_cosine(t)):>9.3e}  {float(warmup_linear(t)):>9.3e}"
          f"  {float(warmup_rsqrt(t)):>9.3e}")


# SGD on f(theta) = lam theta^2 / 2 with gradient noise of variance sigma^2: exact mean and mean square.
lam, sigma, theta0 = 1.0, 1.0, 1.0


def run(schedule, steps):
    """Propagate E[theta_t] and E[theta_t^2] through theta <- theta - eta_t (lam theta + noise).

    Returns both for t = 0, 1, ..., steps."""
    means, mss = [theta0], [theta0**2]
    for t in range(steps):
        eta = schedule(t)
        means.append((1 - eta * lam) * means[-1])
        mss.append((1 - eta * lam) ** 2 * mss[-1] + eta**2 * sigma**2)
    return np.array(means), np.array(mss)


schedules = {
    "constant 0.1": lambda t: 0.1,
    "1/(t+10)": lambda t: 1.0 / (t + 10),
    "10/(t+10)^2": lambda t: 10.0 / (t + 10) ** 2,
}
print()
print("SGD on a noisy quadratic (lam = 1, sigma = 1, theta_0 = 1): E[theta_T] and E[theta_T^2]")
print(f"{'schedule':>16}  {'sum eta (T=1e5)':>15}  {'sum eta^2':>9}  {'E[theta] T=1e3':>14}"
      f"  {'E[theta^2] T=1e3':>16}  {'T=1e4':>9}  {'T=1e5':>9}")
for name, schedule in schedules.items():
    etas = np.array([schedule(t) for t in range(100000)])
    means, mss = run(schedule, 100000)
    print(f"{name:>16}  {etas.sum():>15.2f}  {(etas**2).sum():>9.4f}  {means[1000]:>14.2e}"
          f"  {mss[1000]:>16.2e}  {mss[10000]:>9.2e}  {mss[100000]:>9.2e}")
print(f"noise floor for constant eta = 0.1: eta sigma^2 / (lam (2 - eta lam)) = {0.1 / (2 - 0.1):.4e}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
ts = np.arange(0, T + 1)
left.plot(ts, warmup_cosine(ts), label="warmup + cosine")
left.plot(ts, warmup_linear(ts), "--", label="warmup + linear")
left.plot(ts, warmup_rsqrt(ts), ":", label="warmup + 1/sqrt(t)")
left.set_xlabel("step t")
left.set_ylabel("learning rate")
left.set_title("schedules with T_w = 100, T = 1000")
left.legend(fontsize=8)
for name, schedule in schedules.items():
    _, mss = run(schedule, 20000)
    right.loglog(np.arange(1, 20001), mss[1:], label=name)
right.set_xlabel("step t")
right.set_ylabel("E[theta_t^2]")
right.set_title("E[theta_t^2]: floor, to zero, stuck")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_warmup_cosine_values():
    """Key values of warmup + cosine, continuity at T_w, and monotonicity on each phase."""
    assert warmup_cosine(0) == 0.0
    assert np.isclose(warmup_cosine(T_W / 2), PEAK / 2, rtol=1e-12)
    assert np.isclose(warmup_cosine(T_W), PEAK, rtol=1e-12)
    assert np.isclose(warmup_cosine(T_W - 1e-9), PEAK, rtol=1e-9), "continuous at the end of warmup"
    assert np.isclose(warmup_cosine((T_W + T) / 2), (PEAK + FLOOR) / 2, rtol=1e-12), "midpoint of decay"
    assert np.isclose(warmup_cosine(T), FLOOR, rtol=1e-12)
    q = T_W + (T - T_W) / 4
    assert np.isclose(warmup_cosine(q), FLOOR + (PEAK - FLOOR) * (2 + np.sqrt(2)) / 4, rtol=1e-12)
    ts = np.arange(0, T + 1)
    eta = warmup_cosine(ts)
    assert np.all(np.diff(eta[: T_W + 1]) > 0), "warmup must increase"
    assert np.all(np.diff(eta[T_W:]) <= 0), "decay must not increase"
    lin = warmup_linear(ts)
    mid = (T_W + T) // 2
    assert np.all(eta[T_W + 1 : mid] > lin[T_W + 1 : mid]), "cosine is above linear in the first half of decay"
    assert np.all(eta[mid + 1 : T] < lin[mid + 1 : T]), "and below it in the second half"
    assert np.isclose(warmup_rsqrt(4 * T_W), PEAK / 2, rtol=1e-12), "1/sqrt decay halves by 4 T_w"


def check_robbins_monro_conditions():
    """1/(t+10) has a divergent sum and a convergent sum of squares, and drives E[theta^2] to 0;
    a constant step keeps a noise floor; a summable schedule stops short of the optimum."""
    harmonic = schedules["1/(t+10)"]
    decade = [harmonic(np.arange(10**k, 10 ** (k + 1))).sum() for k in [2, 3, 4, 5]]
    assert all(abs(s - np.log(10)) < 0.1 for s in decade), f"each decade adds about ln 10 to sum eta: {decade}"
    tail = (harmonic(np.arange(10**5, 10**6)) ** 2).sum()
    assert tail < 1e-5, f"sum of eta^2 converges: the tail beyond 1e5 is {tail:.2e}"
    mss = run(harmonic, 100000)[1]
    ms = [mss[1000], mss[10000], mss[100000]]
    assert ms[0] > ms[1] > ms[2] and ms[2] < 2e-5, f"1/t schedule: E[theta^2] should go to 0, got {ms}"
    assert 5 < ms[1] / ms[2] < 20, "and fall roughly like 1/t"
    summable = schedules["10/(t+10)^2"]
    mean = run(summable, 100000)[0][-1]
    assert mean > 0.3, f"a summable schedule cannot forget the start: E[theta] = {mean:.3f}"


def check_constant_step_noise_floor():
    """With a constant step, E[theta_t^2] tends to eta sigma^2 / (lam (2 - eta lam)), proportional to eta."""
    for eta in [0.01, 0.1, 0.5]:
        ms = run(lambda t: eta, 20000)[1][-1]
        floor = eta * sigma**2 / (lam * (2 - eta * lam))
        assert abs(ms / floor - 1) < 1e-6, f"eta = {eta}: E[theta^2] = {ms:.6e}, floor {floor:.6e}"
# endregion
