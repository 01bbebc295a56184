"""Derivatives: secant slopes close in on the tangent slope, and we can measure how fast.

Symbols follow page.md:
  D_h f(x) = (f(x+h) - f(x)) / h            forward difference (secant slope)   #eq-secant
  f'(x)    = lim_{h->0} D_h f(x)            derivative                          #eq-derivative
  D_h f(x) - f'(x) = (h/2) f''(xi_h)        forward-difference error            #eq-forward-error
  C_h f(x) = (f(x+h) - f(x-h)) / (2h)       central difference                  #eq-central
  C_h f(x) - f'(x) = (h^2/6) f'''(eta_h)    central-difference error            #eq-central-error
"""

import matplotlib.pyplot as plt
import numpy as np


# region: definitions
def f(x):
    return np.sin(x)


def f_prime(x):  # f'(x): the exact derivative of sin
    return np.cos(x)


def f_second(x):  # f''(x): sets the size of the forward-difference error
    return -np.sin(x)


def f_third(x):  # f'''(x): sets the size of the central-difference error
    return -np.cos(x)


def forward_difference(func, x, h):
    """D_h f(x): slope of the secant through (x, f(x)) and (x+h, f(x+h))."""
    return (func(x + h) - func(x)) / h


def central_difference(func, x, h):
    """C_h f(x): slope of the secant through (x-h, f(x-h)) and (x+h, f(x+h))."""
    return (func(x + h) - func(x - h)) / (2 * h)


# endregion

# region: table
x0 = 1.0
hs = [0.5, 0.1, 0.05, 0.01, 0.001, 0.0001]

print(f"f = sin at x0 = {x0}:  f'(x0) = cos(x0) = {f_prime(x0):.6f}")
print(f"predicted limits:  f''(x0)/2 = {f_second(x0) / 2:+.4f}   f'''(x0)/6 = {f_third(x0) / 6:+.4f}")
print()
print(f"{'h':>8}  {'D_h f(x0)':>10}  {'D_h - f_prime':>13}  {'(D_h - f_prime)/h':>17}  {'(C_h - f_prime)/h^2':>19}")
for h in hs:
    secant = forward_difference(f, x0, h)
    fwd_err = secant - f_prime(x0)
    ctr_err = central_difference(f, x0, h) - f_prime(x0)
    print(f"{h:>8g}  {secant:>10.6f}  {fwd_err:>+13.2e}  {fwd_err / h:>+17.4f}  {ctr_err / h**2:>+19.4f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
xs = np.linspace(-0.5, 2.8, 300)
left.plot(xs, f(xs), color="black", label="f(x) = sin x")
left.plot(xs, f(x0) + f_prime(x0) * (xs - x0), color="tab:red", label="tangent, slope cos(1)")
for h, shade in [(1.5, 0.35), (0.8, 0.6), (0.3, 0.85)]:
    slope = forward_difference(f, x0, h)
    left.plot(xs, f(x0) + slope * (xs - x0), color="tab:blue", alpha=shade, lw=1,
              label=f"secant, h = {h}")
    left.plot([x0 + h], [f(x0 + h)], "o", color="tab:blue", alpha=shade)
left.plot([x0], [f(x0)], "o", color="black")
left.set_ylim(-1.2, 2.0)
left.set_title("secants pivot toward the tangent as h shrinks")
left.legend(fontsize=8, loc="upper left")

h_grid = np.logspace(-13, 0, 200)
fwd = np.abs(forward_difference(f, x0, h_grid) - f_prime(x0))
ctr = np.abs(central_difference(f, x0, h_grid) - f_prime(x0))
right.loglog(h_grid, fwd, label="forward  |D_h - f'|")
right.loglog(h_grid, ctr, label="central  |C_h - f'|")
right.loglog(h_grid, np.abs(f_second(x0)) / 2 * h_grid, "--", color="gray", label="slope 1: h |f''|/2")
right.loglog(h_grid, np.abs(f_third(x0)) / 6 * h_grid**2, ":", color="gray", label="slope 2: h^2 |f'''|/6")
right.set_ylim(1e-16, 1)
right.set_xlabel("h")
right.set_ylabel("absolute error")
right.set_title("error vs h (round-off takes over at tiny h)")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_secant_slope_converges():
    """The secant slope of sin at x0 approaches cos(x0), and gets closer every time h shrinks."""
    errors = [abs(forward_difference(f, x0, h) - f_prime(x0)) for h in hs]
    assert all(a > b for a, b in zip(errors, errors[1:])), (
        f"secant error should shrink as h shrinks, got {[f'{e:.2e}' for e in errors]}"
    )
    assert errors[-1] < 1e-4, (
        f"at h = {hs[-1]} the secant slope should be within 1e-4 of cos({x0}), error {errors[-1]:.2e}"
    )


def check_forward_error_is_first_order():
    """Forward-difference error / h tends to f''(x)/2 (eq-forward-error): halving h halves the error."""
    for x in [-2.0, -1.0, 0.5, 1.0, 2.5]:  # points where f''(x) = -sin(x) is not zero
        for h in [1e-2, 1e-3, 1e-4]:
            ratio = (forward_difference(f, x, h) - f_prime(x)) / h
            target = f_second(x) / 2
            assert abs(ratio - target) <= 0.02 * abs(target), (
                f"at x = {x}, h = {h}: (D_h f - f')/h = {ratio:.5f}, expected about f''(x)/2 = {target:.5f};"
                " the forward difference should be first-order accurate"
            )
        halving = abs(forward_difference(f, x, 2e-3) - f_prime(x)) / abs(forward_difference(f, x, 1e-3) - f_prime(x))
        assert 1.9 < halving < 2.1, f"at x = {x} halving h should halve the error, ratio was {halving:.3f}"


def check_central_error_is_second_order():
    """Central-difference error / h^2 tends to f'''(x)/6 (eq-central-error): halving h quarters the error."""
    for x in [-2.0, -1.0, 0.5, 1.0, 2.5]:  # points where f'''(x) = -cos(x) is not zero
        for h in [1e-1, 1e-2, 1e-3]:
            ratio = (central_difference(f, x, h) - f_prime(x)) / h**2
            target = f_third(x) / 6
            assert abs(ratio - target) <= 0.02 * abs(target), (
                f"at x = {x}, h = {h}: (C_h f - f')/h^2 = {ratio:.5f}, expected about f'''(x)/6 = {target:.5f};"
                " the central difference should be second-order accurate"
            )
        quartering = abs(central_difference(f, x, 2e-2) - f_prime(x)) / abs(central_difference(f, x, 1e-2) - f_prime(x))
        assert 3.8 < quartering < 4.2, f"at x = {x} halving h should quarter the error, ratio was {quartering:.3f}"


def check_abs_has_no_derivative_at_zero():
    """|x| at 0: right secants have slope +1, left secants -1, yet the central difference reports 0."""
    for h in [0.5, 1e-3, 1e-8]:
        right_slope = forward_difference(np.abs, 0.0, h)
        left_slope = forward_difference(np.abs, 0.0, -h)
        assert right_slope == 1.0 and left_slope == -1.0, (
            f"one-sided secant slopes of |x| at 0 should be +1 and -1 for every h, got {right_slope}, {left_slope}"
        )
        assert central_difference(np.abs, 0.0, h) == 0.0, (
            "the symmetric quotient of |x| at 0 is exactly 0 for every h, although no derivative exists there"
        )
# endregion
