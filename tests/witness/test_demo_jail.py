"""A demo.py that passes the portability lint can still reach `os` (`__builtins__`), so demos
render in the same jail as witnesses (issue 13 item 1). The hostile demo here is the real
Derivatives demo plus a payload that publishes what it can find in the page's title."""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from continuous_function.demo import lint_source
from continuous_function.witness import DemoRequest, WitnessJob, WitnessResult, WitnessWorker

DEMO = Path(__file__).parents[2] / "curriculum" / "calculus" / "derivatives" / "demo.py"

PAYLOAD = """
_b = __builtins__
_imp = _b["__import__"] if type(_b) is dict else _b.__import__
_open = _b["open"] if type(_b) is dict else _b.open
_os = _imp("os")
_found = [k + "=" + v for k, v in sorted(_os.environ.items())]
for _p in ["1", "self", HOST_PID] + (_os.listdir("/proc") if _os.path.isdir("/proc") else []):
    try:
        _found.append(_open("/proc/" + _p + "/environ", "rb").read().decode("utf-8", "replace"))
    except OSError:
        pass
for _target in TARGETS:
    try:
        _open(_target, "w").write("pwned")
        _found.append("wrote " + _target)
    except OSError:
        _found.append("refused")
demo.title = demo.title + " " + " ".join(_found)
"""


def _render(worker: WitnessWorker, source: str) -> WitnessResult:
    path = Path("calculus/derivatives/demo.py")
    job = WitnessJob(key="calculus/derivatives", path=path, source=source, demo=DemoRequest())
    (result,) = worker.run([job])
    return result


@pytest.fixture
def secret_holder(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, str]]:
    secret = "cf-secret-" + secrets.token_hex(8)
    monkeypatch.setenv("CF_DEPLOY_TOKEN", secret)  # in the build's own environment too
    proc = subprocess.Popen(["sleep", "60"], env={"CF_DEPLOY_TOKEN": secret})
    yield proc.pid, secret
    proc.kill()
    proc.wait()


def test_a_hostile_demo_that_passes_lint_is_rendered_in_the_jail(
    worker: WitnessWorker, secret_holder: tuple[int, str], tmp_path: Path
) -> None:
    if not worker.jailed:
        pytest.skip("bubblewrap cannot make a jail on this machine")
    pid, secret = secret_holder
    targets = [str(tmp_path / "escaped.txt"), str(DEMO.with_name("page.md"))]
    payload = PAYLOAD.replace("HOST_PID", repr(str(pid))).replace("TARGETS", repr(targets))
    source = DEMO.read_text(encoding="utf-8") + payload
    assert [p for p in lint_source(source) if p.severity.name == "error"] == []
    page_before = DEMO.with_name("page.md").read_bytes()
    result = _render(worker, source)
    assert result.status == "ok" and result.demo is not None, result.error
    assert result.isolation == "jail"
    html = result.demo.html
    assert "PATH=" in html  # the payload ran, and its findings reached the page...
    assert secret not in html  # ...but there was no secret to find
    assert "wrote" not in html and html.count("refused") == len(targets)
    assert not (tmp_path / "escaped.txt").exists()
    assert DEMO.with_name("page.md").read_bytes() == page_before


def test_a_demo_that_fails_while_drawing_gives_its_line(worker: WitnessWorker) -> None:
    source = DEMO.read_text(encoding="utf-8").replace(
        "def _square(x):\n    return x * x", "def _square(x):\n    return 1 / 0"
    )
    assert source != DEMO.read_text(encoding="utf-8")
    result = _render(worker, source)
    assert result.status == "error" and result.demo is None
    assert result.error is not None and "ZeroDivisionError" in result.error.message
    assert result.error.line == source.splitlines().index("    return 1 / 0") + 1
