"""The learner store's own unit tests (tests/js/*.test.mjs) under Node's test runner: the rules
that keep learner records from being lost are cheaper to pin down there than in a browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

JS_TESTS = Path(__file__).parent / "js"


def test_store_unit_tests_pass_under_node() -> None:
    node = shutil.which("node")
    assert node, "node is needed (it also installs the npm assets)"
    files = sorted(str(p) for p in JS_TESTS.glob("*.test.mjs"))
    assert files
    run = subprocess.run(
        [node, "--test", *files], capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
