SEEN = []


def record(x):
    SEEN.append(2 * x)


record(3)  # a top-level call the check depends on: the pruned module would drop it


def check_recorded_double():
    assert SEEN == [6]
