def double(x):
    return 2 * x


def check_wrong():
    assert double(2) == 5


def check_right():
    assert double(2) == 4
