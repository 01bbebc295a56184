"""Named regions of a witness.py, so a page can show one part of its code witness.

A region is the lines between `# region: <name>` and `# endregion`; regions may nest, and the
marker lines themselves are never shown.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

_START = re.compile(r"^\s*#\s*region:\s*(?P<name>\S+)\s*$")
_END = re.compile(r"^\s*#\s*endregion\b(?::?\s*(?P<name>\S+))?\s*$")


class RegionError(ValueError):
    """A missing or malformed region; `line` (1-based, in witness.py) when one is at fault."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def extract_region(source: str, region: str | None) -> str:
    """The code of `region` (dedented), or the whole file without markers when `region` is None."""
    lines = source.splitlines()
    spans = _regions(lines)
    if region is None:
        return _join(line for line in lines if not _is_marker(line))
    if region not in spans:
        names = ", ".join(sorted(spans)) or "none"
        raise RegionError(
            f"witness.py has no region {region!r} (regions: {names}); mark it with "
            f"'# region: {region}' … '# endregion', or fix the name in [[witness:{region}]]"
        )
    first, last = spans[region]
    body = [line for line in lines[first + 1 : last] if not _is_marker(line)]
    return _join(textwrap.dedent("\n".join(body)).splitlines())


def _regions(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Region name → (start marker index, end marker index), checking the markers pair up."""
    spans: dict[str, tuple[int, int]] = {}
    open_regions: list[tuple[str, int]] = []
    for index, line in enumerate(lines):
        if start := _START.match(line):
            name = start.group("name")
            if name in spans or any(name == n for n, _ in open_regions):
                raise RegionError(f"region {name!r} is defined twice; rename one", index + 1)
            open_regions.append((name, index))
        elif end := _END.match(line):
            if not open_regions:
                raise RegionError("'# endregion' has no matching '# region: <name>'", index + 1)
            name, begin = open_regions.pop()
            closing = end.group("name")
            if closing is not None and closing != name:
                raise RegionError(
                    f"'# endregion: {closing}' closes region {name!r}; use '# endregion'",
                    index + 1,
                )
            spans[name] = (begin, index)
    if open_regions:
        name, begin = open_regions[-1]
        raise RegionError(f"region {name!r} is never closed; add '# endregion'", begin + 1)
    return spans


def _is_marker(line: str) -> bool:
    return bool(_START.match(line) or _END.match(line))


def _join(lines: Iterable[str]) -> str:
    text = "\n".join(lines)
    return text.strip("\n") + "\n"
