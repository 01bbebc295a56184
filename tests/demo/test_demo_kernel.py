"""The JS-kernel escape hatch: a demo's kernel.mjs must agree with its Python reference."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from continuous_function.demo import LIB_PATH, find_micropython, load_demo, render_demo_html

EXAMPLE = Path(__file__).with_name("kernel_example") / "calculus" / "bump"
NODE = shutil.which("node")


def test_cpython_uses_the_reference() -> None:
    demo = load_demo(EXAMPLE / "demo.py")
    assert demo.kernel == EXAMPLE / "kernel.mjs"
    assert demo.module.levels is demo.module.levels_reference
    html = render_demo_html(demo, src_url="/static/demos/calculus/bump/demo.py")
    assert 'data-demo-kernel="/static/demos/calculus/bump/kernel.mjs"' in html


@pytest.mark.skipif(NODE is None, reason="node is not installed (needed to run the JS kernel)")
def test_kernel_matches_reference() -> None:
    demo = load_demo(EXAMPLE / "demo.py")
    rng = random.Random(7)
    inputs = [[rng.choice([4, 24]), rng.uniform(-1, 1), rng.uniform(0.1, 1)] for _ in range(20)]
    run = subprocess.run(
        [
            str(NODE),
            str(EXAMPLE.parent.parent / "check.mjs"),
            str(find_micropython() / "micropython.mjs"),
            str(LIB_PATH),
            str(EXAMPLE / "demo.py"),
            str(EXAMPLE / "kernel.mjs"),
        ],
        input=json.dumps(inputs),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)
    assert out["bound"] is True  # under MicroPython with the kernel registered, the kernel is used
    for args, direct, bridged in zip(inputs, out["direct"], out["bridged"], strict=True):
        expected = demo.module.levels_reference(*args)
        assert direct == pytest.approx(expected, rel=1e-12, abs=1e-15)
        assert bridged == direct  # JSON carries the kernel's doubles unchanged
