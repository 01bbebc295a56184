from collections.abc import Iterator

import pytest

from continuous_function.witness import WitnessWorker


@pytest.fixture(scope="session")
def worker() -> Iterator[WitnessWorker]:
    """One warm worker for the whole session, as a build would use it (startup is ~1 s)."""
    with WitnessWorker(workers=2) as w:
        yield w
