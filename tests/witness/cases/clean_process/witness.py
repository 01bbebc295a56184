"""The child sees a minimal environment, an empty working directory and no stdin."""
import os
import sys

print(sorted(os.environ))


def check_environment():
    assert os.environ["MPLBACKEND"] == "Agg"
    assert "PYTHONPATH" not in os.environ
    assert os.environ["HOME"] == os.getcwd()


def check_empty_workdir():
    assert os.listdir(".") == [], os.listdir(".")


def check_no_stdin():
    assert sys.stdin.read() == ""


def _is_open(fd):
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def check_no_inherited_fds():
    # probed, not listed: in the jail there is no /proc to list them in
    open_fds = [fd for fd in range(256) if _is_open(fd)]
    assert open_fds[:3] == [0, 1, 2]
    assert len(open_fds) <= 6, open_fds
