"""Chain rule: the slope of a composition is the product of the local slopes.

Symbols follow page.md:
  u = f(x), y = g(u), h = g o f                    inner, outer, composite
  h'(x) = g'(f(x)) f'(x)                           chain rule                    #eq-chain
  dy/dx = dy/du * du/dx                            the same, in Leibniz form     #eq-leibniz
  x_l = f_l(x_{l-1}),  h'(x) = prod_l f_l'(x_{l-1})   a chain of L functions     #eq-chain-product
"""

import numpy as np

# region: main
# name -> (g, g', f, f'): outer function g and inner function f with their derivatives
COMPOSITIONS = {
    "sin(x^2)": (np.sin, np.cos, lambda x: x**2, lambda x: 2 * x),
    "exp(sin x)": (np.exp, np.exp, np.sin, np.cos),
    "(tanh x)^2": (lambda u: u**2, lambda u: 2 * u, np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "log(1 + x^2)": (np.log, lambda u: 1 / u, lambda x: 1 + x**2, lambda x: 2 * x),
}


def chain_rule(g_prime, f, f_prime, x):
    """h'(x) = g'(f(x)) * f'(x): the outer slope is read at u = f(x), not at x."""
    u = f(x)
    return g_prime(u) * f_prime(x)


def central_difference(func, x, step=1e-5):
    """An independent numerical slope, (func(x + s) - func(x - s)) / (2 s)."""
    return (func(x + step) - func(x - step)) / (2 * step)


x0 = 1.2
print(f"one point, x0 = {x0}: the composite slope is the product of the two local slopes")
print(f"{'h(x) = g(f(x))':<14} {'u = f(x0)':>10} {'f_prime(x0)':>11} {'g_prime(u)':>10}"
      f" {'product':>9} {'central diff':>12} {'|difference|':>12}")
for name, (g, g_prime, f, f_prime) in COMPOSITIONS.items():
    u = f(x0)
    slope = chain_rule(g_prime, f, f_prime, x0)
    numeric = central_difference(lambda x: g(f(x)), x0)
    print(f"{name:<14} {u:>10.4f} {f_prime(x0):>11.4f} {g_prime(u):>10.4f}"
          f" {slope:>9.4f} {numeric:>12.6f} {abs(slope - numeric):>12.1e}")

# A chain of L = 8 identical layers x_l = tanh(w x_{l-1}): eq-chain-product.
w, L, x_start = 1.5, 8, 0.3


def layer(x):
    return np.tanh(w * x)


def layer_prime(x):
    return w * (1 - np.tanh(w * x) ** 2)


print()
print(f"a chain of L = {L} layers x_l = tanh({w} x_(l-1)), starting at x_0 = {x_start}")
print(f"{'l':>2} {'x_(l-1)':>9} {'local slope':>12} {'running product':>16}")
xs, product = [x_start], 1.0
for l in range(1, L + 1):
    local = layer_prime(xs[-1])
    product *= local
    print(f"{l:>2} {xs[-1]:>9.4f} {local:>12.4f} {product:>16.6f}")
    xs.append(layer(xs[-1]))


def chain_of_layers(x):
    for _ in range(L):
        x = layer(x)
    return x


whole_chain = central_difference(chain_of_layers, x_start)
print(f"central difference of the whole chain at x_0: {whole_chain:.6f}")
# endregion


def check_chain_rule_matches_central_differences():
    """g'(f(x)) f'(x) equals an independent central-difference slope for every composition."""
    for name, (g, g_prime, f, f_prime) in COMPOSITIONS.items():
        for x in [-1.7, -0.6, 0.25, 0.9, 1.2, 2.1]:
            slope = chain_rule(g_prime, f, f_prime, x)
            numeric = central_difference(lambda t: g(f(t)), x)
            assert abs(slope - numeric) <= 1e-7 * max(1.0, abs(slope)), (
                f"{name} at x = {x}: chain rule gives {slope:.9f}, central difference {numeric:.9f}"
            )


def check_outer_slope_read_at_inner_value():
    """Reading the outer slope at x instead of at u = f(x) gives wrong slopes (the misconception)."""
    g, g_prime, f, f_prime = COMPOSITIONS["sin(x^2)"]
    worst = 0.0
    for x in [0.5, 1.0, 1.2, 1.5, 2.0]:
        numeric = central_difference(lambda t: g(f(t)), x)
        wrong = g_prime(x) * f_prime(x)  # cos(x) * 2x instead of cos(x^2) * 2x
        right = chain_rule(g_prime, f, f_prime, x)
        assert abs(right - numeric) < 1e-7 * max(1.0, abs(right)), f"the chain rule itself failed at x = {x}"
        worst = max(worst, abs(wrong - numeric))
    assert worst > 1.0, (
        f"cos(x) * 2x should miss the slope of sin(x^2) badly somewhere, largest miss was {worst:.3f}"
    )


def check_chain_of_layers_is_product_of_local_slopes():
    """The slope of an L-layer chain is the product of L local slopes, each read at its own input."""
    x, product = x_start, 1.0
    for _ in range(L):
        product *= layer_prime(x)
        x = layer(x)
    numeric = central_difference(chain_of_layers, x_start)
    assert abs(product - numeric) <= 1e-8 * max(1.0, abs(product)), (
        f"product of local slopes {product:.9f} != central difference {numeric:.9f}"
    )
    assert abs(product) < 0.1, f"this saturating chain should shrink the slope, product = {product:.4f}"
