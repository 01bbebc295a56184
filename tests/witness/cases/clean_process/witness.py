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


def check_no_inherited_fds():
    assert sorted(int(fd) for fd in os.listdir("/proc/self/fd"))[:3] == [0, 1, 2]
    assert len(os.listdir("/proc/self/fd")) <= 6, os.listdir("/proc/self/fd")
