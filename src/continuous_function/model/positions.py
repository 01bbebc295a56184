"""Where each YAML node came from, so diagnostics can point at the exact line and column."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from continuous_function.diagnostics import Location

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Positions:
    """Line/column (1-based) of every value and every mapping key of one YAML file."""

    path: Path
    values: Mapping[YamlPath, tuple[int, int]] = field(default_factory=dict)
    keys: Mapping[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def of(self, loc: YamlPath, *, key: bool = False) -> Location:
        """Location of the node at `loc`, or of its nearest ancestor that exists."""
        table = self.keys if key else self.values
        for n in range(len(loc), -1, -1):
            prefix = tuple(loc[:n])
            if prefix in table:
                line, col = table[prefix]
                return Location(self.path, line, col)
            if key and prefix in self.values:
                line, col = self.values[prefix]
                return Location(self.path, line, col)
        return Location(self.path, 1, 1)


def index_positions(path: Path, node: Any) -> Positions:
    values: dict[YamlPath, tuple[int, int]] = {}
    keys: dict[YamlPath, tuple[int, int]] = {}
    for loc, value_pos, key_pos in _walk(node, ()):
        if value_pos is not None:
            values[loc] = value_pos
        if key_pos is not None:
            keys[loc] = key_pos
    return Positions(path, values, keys)


def _walk(
    node: Any, loc: YamlPath
) -> Iterator[tuple[YamlPath, tuple[int, int] | None, tuple[int, int] | None]]:
    if not loc and isinstance(node, CommentedMap | CommentedSeq):
        yield loc, (node.lc.line + 1, node.lc.col + 1), None
    if isinstance(node, CommentedMap):
        for k, v in node.items():
            # A key merged in with `<<: *anchor` has no position in this map: use the map's.
            kl, kc, vl, vc = node.lc.data.get(k) or (node.lc.line, node.lc.col) * 2
            yield (*loc, str(k)), (vl + 1, vc + 1), (kl + 1, kc + 1)
            yield from _walk(v, (*loc, str(k)))
    elif isinstance(node, CommentedSeq):
        for i, v in enumerate(node):
            il, ic = node.lc.item(i)
            yield (*loc, i), (il + 1, ic + 1), None
            yield from _walk(v, (*loc, i))
