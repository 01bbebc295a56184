"""Functions: one output per input, composition order, and what f(x - a) does to a graph.

Symbols follow page.md:
  f : X -> Y, x -> f(x)               a function                  #eq-function
  graph(f) = {(x, f(x)) : x in X}     its graph                   #eq-graph
  (g o f)(x) = g(f(x))                composition                 #eq-composition
  g_a(x) = f(x - a)                   horizontal shift by a       #eq-shift
"""

import matplotlib.pyplot as plt
import numpy as np

# region: definitions
FUNCTIONS = {  # the four functions offered by the demo
    "square": lambda x: x**2,
    "sin": np.sin,
    "exp": np.exp,
    "abs": np.abs,
}
square, sin = FUNCTIONS["square"], FUNCTIONS["sin"]


def compose(g, f):
    """(g o f)(x) = g(f(x)): apply f first, then g."""
    return lambda x: g(f(x))


def shift(f, a):
    """g_a(x) = f(x - a)."""
    return lambda x: f(x - a)


def is_function(pairs):
    """Vertical-line test on sampled points: no input may appear with two different outputs."""
    output_of = {}
    for x, y in pairs:
        if x in output_of and not np.isclose(output_of[x], y):
            return False
        output_of[x] = y
    return True


# endregion

# region: tables
xs = np.linspace(-1.0, 1.0, 41)
relations = {
    "parabola  y = x^2": [(x, x**2) for x in xs],
    "circle    x^2 + y^2 = 1": [(x, s * np.sqrt(1 - x**2)) for x in xs for s in (+1, -1)],
    "upper half  y = sqrt(1 - x^2)": [(x, np.sqrt(1 - x**2)) for x in xs],
}
print("vertical-line test on 41 sampled inputs in [-1, 1]")
for name, pairs in relations.items():
    print(f"  {name:<32} function? {is_function(pairs)}")

sin_of_square = compose(sin, square)  # x -> sin(x^2)
square_of_sin = compose(square, sin)  # x -> (sin x)^2
print()
print("composition order: f(x) = x^2, g(x) = sin x")
print(f"{'x':>6}  {'g(f(x)) = sin(x^2)':>19}  {'f(g(x)) = (sin x)^2':>20}")
for x in [-1.0, 0.0, 0.5, 1.0, 2.0]:
    print(f"{x:>6}  {sin_of_square(x):>19.4f}  {square_of_sin(x):>20.4f}")

a = 1.5
print()
print(f"shift by a = {a}: g(x) = f(x - a) takes at x = a the value f had at 0")
print(f"{'fn':>7}  {'f(0)':>7}  {'g(a)':>7}  {'f(a)':>7}  {'g(0) = f(-a)':>12}")
for name, f in FUNCTIONS.items():
    g = shift(f, a)
    print(f"{name:>7}  {f(0.0):>7.4f}  {g(a):>7.4f}  {f(a):>7.4f}  {g(0.0):>12.4f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
grid = np.linspace(-3, 3, 601)
left.plot(grid, sin_of_square(grid), label="sin(x^2): square first")
left.plot(grid, square_of_sin(grid), label="(sin x)^2: sin first")
left.set_title("same two functions, opposite order")
left.set_ylim(-1.1, 1.55)
left.legend(fontsize=8, loc="upper center", ncol=2)
right.plot(grid, np.abs(grid), color="black", label="f(x) = |x|")
right.plot(grid, shift(np.abs, a)(grid), color="tab:blue", label=f"g(x) = f(x - {a})")
right.annotate("", xy=(a, 0.05), xytext=(0, 0.05), arrowprops={"arrowstyle": "->", "color": "tab:blue"})
right.set_title(f"subtracting a = {a} inside moves the graph right")
right.legend(fontsize=8, loc="upper center")
fig.tight_layout()
# endregion


# region: checks
def check_vertical_line_test():
    """Sampled x^2 passes the vertical-line test, the full circle fails, the upper half passes."""
    assert is_function(relations["parabola  y = x^2"]), "y = x^2 gives one output per input, so it is a function"
    assert not is_function(relations["circle    x^2 + y^2 = 1"]), (
        "the circle pairs x = 0.5 with y = +0.866 and y = -0.866, so it must fail the vertical-line test"
    )
    assert is_function(relations["upper half  y = sqrt(1 - x^2)"]), (
        "keeping only the upper half leaves one output per input, so it is a function"
    )


def check_composition_order_matters():
    """g(f(x)) and f(g(x)) differ: sin(1^2) = 0.8415 but (sin 1)^2 = 0.7081. Composition is still associative."""
    g_after_f, f_after_g = compose(sin, square), compose(square, sin)
    assert np.isclose(g_after_f(2.0), np.sin(4.0)) and np.isclose(f_after_g(2.0), np.sin(2.0) ** 2), (
        "compose(g, f) must apply f first: compose(sin, square)(2) = sin(4) and compose(square, sin)(2) = sin(2)^2"
    )
    gap = abs(g_after_f(1.0) - f_after_g(1.0))
    assert gap > 0.1, f"sin(x^2) and (sin x)^2 should differ clearly at x = 1, gap was {gap:.4f}"
    assert g_after_f(0.0) == f_after_g(0.0) == 0.0, "both orders give 0 at x = 0"
    left_grouped = compose(np.exp, compose(sin, square))
    right_grouped = compose(compose(np.exp, sin), square)
    assert np.allclose(left_grouped(grid), right_grouped(grid)), (
        "composition is associative: exp o (sin o square) and (exp o sin) o square are the same function"
    )


def check_shift_moves_graph_right():
    """g(x) = f(x - a) satisfies g(x + a) = f(x): every point of the graph moves a units to the right."""
    for name, f in FUNCTIONS.items():
        for shift_by in [-2.0, -0.5, 1.5]:
            g = shift(f, shift_by)
            assert np.allclose(g(grid + shift_by), f(grid)), (
                f"{name}: the point (x, f(x)) should reappear at (x + a, f(x)) on the graph of f(x - a), a = {shift_by}"
            )
    for shift_by in [-2.0, -0.5, 1.5]:
        corner = grid[np.argmin(shift(np.abs, shift_by)(grid))]
        assert abs(corner - shift_by) < 1e-9, (
            f"the corner of |x - a| should sit at x = a = {shift_by} (to the right for a > 0), found x = {corner:.3f}"
        )
# endregion
