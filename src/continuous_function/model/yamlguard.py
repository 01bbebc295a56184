"""Refuse YAML that is legal but hostile, before anything builds objects from it.

One linear pass over the parser's events (no recursion, so depth itself cannot crash it) finds
what the constructor and pydantic would choke on: nesting deep enough to exhaust the stack,
aliases that expand exponentially ("billion laughs": nine levels of nine aliases is a 1 KB file
that expands to 10⁹ nodes), an alias inside its own anchor, and tags: `!!python/…` asks for
Python objects, and even `!!str` reaches the schema as a tagged wrapper instead of text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, StreamMark
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
    ScalarEvent,
)

MAX_DEPTH = 32
"""A concept.yaml nests about six levels deep."""
MAX_NODES = 100_000
"""Nodes after expanding every alias; the largest bundled concept.yaml has about 1,500."""


class HostileYaml(MarkedYAMLError):
    """A YAML file the build will not construct; located like any other YAML error."""

    def __init__(self, problem: str, mark: StreamMark | None) -> None:
        super().__init__(problem=problem, problem_mark=mark)


@dataclass
class _Open:
    anchor: str | None
    start: int


@dataclass
class _Walk:
    nodes: int = 0
    stack: list[_Open] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)


def check_events(text: str) -> None:
    """Raise HostileYaml (or the parser's own error) for the first problem in `text`."""
    walk = _Walk()
    for event in YAML(typ="rt").parse(text):
        if isinstance(event, NodeEvent) and not isinstance(event, AliasEvent):
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise HostileYaml(
                    f"the tag '{tag}' is not allowed (content is plain text, numbers, lists "
                    "and maps; quote a value to make it text)",
                    event.start_mark,
                )
        if isinstance(event, AliasEvent):
            anchor = str(event.anchor)
            if any(o.anchor == anchor for o in walk.stack):
                raise HostileYaml(f"alias '*{anchor}' is inside its own anchor", event.start_mark)
            walk.nodes += walk.sizes.get(anchor, 1)
        elif isinstance(event, ScalarEvent):
            walk.nodes += 1
        elif isinstance(event, CollectionStartEvent):
            walk.nodes += 1
            walk.stack.append(_Open(event.anchor and str(event.anchor), walk.nodes))
            if len(walk.stack) > MAX_DEPTH:
                raise HostileYaml(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
        elif isinstance(event, CollectionEndEvent) and walk.stack:
            opened = walk.stack.pop()
            if opened.anchor:
                walk.sizes[opened.anchor] = walk.nodes - opened.start + 1
        if isinstance(event, ScalarEvent) and event.anchor:
            walk.sizes[str(event.anchor)] = 1
        if walk.nodes > MAX_NODES:
            raise HostileYaml(
                f"expands to more than {MAX_NODES:,} values (aliases repeat whole subtrees); "
                "write the values out or use fewer aliases",
                event.start_mark,
            )
