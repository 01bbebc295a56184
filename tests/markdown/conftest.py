from __future__ import annotations

from collections.abc import Iterator

import pytest

from continuous_function.markdown import MathRenderer


@pytest.fixture(scope="session")
def math() -> Iterator[MathRenderer]:
    """One V8 context for the whole session, as in a build (starting one costs ~0.3 s)."""
    with MathRenderer() as renderer:
        yield renderer
