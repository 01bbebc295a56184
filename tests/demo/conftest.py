"""Fixtures for the demo tests: the two bundled demos, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from continuous_function.demo import Demo, load_demo

ROOT = Path(__file__).resolve().parents[2]
DERIVATIVES = ROOT / "curriculum" / "calculus" / "derivatives" / "demo.py"
FUNCTIONS = ROOT / "curriculum" / "calculus" / "functions" / "demo.py"


@pytest.fixture(scope="session")
def derivatives() -> Demo:
    return load_demo(DERIVATIVES)


@pytest.fixture(scope="session")
def functions() -> Demo:
    return load_demo(FUNCTIONS)
