"""`Memo`: one pure function's results by input, the building block of `BuildCache`.

A bottom-layer module (it imports nothing of the package) so any stage can take a memo passed
in without depending on the build.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """One pure function's results by input. Bounded: when full it starts over, which costs time
    and never correctness."""

    def __init__(self, limit: int = 100_000) -> None:
        self._values: dict[K, V] = {}
        self._limit = limit
        self.hits = 0
        self.misses = 0

    def get(self, key: K, compute: Callable[[], V]) -> V:
        found = self.peek(key)
        if found is None:
            found = compute()
            self.put(key, found)
        return found

    def peek(self, key: K) -> V | None:
        """The value if known (counted as a hit), else None (counted as a miss)."""
        if key in self._values:
            self.hits += 1
            return self._values[key]
        self.misses += 1
        return None

    def put(self, key: K, value: V) -> None:
        """For batch work: a caller that computes several misses at once stores them here."""
        if len(self._values) >= self._limit:
            self._values.clear()
        self._values[key] = value

    @property
    def size(self) -> int:
        """Entries held. (Not `__len__`: an empty memo must not be falsy where `memo or None`
        style checks decide whether to use it.)"""
        return len(self._values)
