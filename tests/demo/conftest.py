"""Fixtures for the demo tests: the two flagship demos, loaded once, and random valid states."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

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


def random_values(demo: Demo, rng: random.Random) -> dict[str, Any]:
    """A valid value for every control of `demo`, drawn from its options or range."""
    values: dict[str, Any] = {}
    for c in demo.controls:
        if c.kind == "select":
            values[c.id] = rng.choice(c.options).id
        elif c.kind == "toggle":
            values[c.id] = rng.random() < 0.5
        else:
            assert c.lo is not None and c.hi is not None
            values[c.id] = rng.uniform(c.lo, c.hi)
    return values
