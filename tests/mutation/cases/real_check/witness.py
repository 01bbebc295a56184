def secant(f, x, h):
    return (f(x + h) - f(x)) / h


def square(x):
    return x * x


for h in [1.0, 0.1, 0.01]:
    print(h, secant(square, 1.0, h))


def check_secant_of_square_is_two_plus_h():
    for h in [0.5, 0.1, 0.01]:
        got = secant(square, 1.0, h)
        assert abs(got - (2 + h)) <= 1e-9 * (2 + h), (h, got)
