def count_up(n):
    i = 0
    while i < n:
        i += 1
    return i


def check_counts_to_ten():
    """`i += 1` → `i -= 1` never ends: that mutant only broke the code (crashed, not killed);
    `i < n` → `i > n` returns 0, which the assertion notices."""
    assert count_up(10) == 10
