"""The route planner: an ordered path from what a learner knows to a target concept.

The same algorithm runs in the browser (static/js/route.js) on the graph the build writes to
graph/graph.json; tests run both on the same graphs and require identical routes.

- `needed(target, known)`: the target and every prerequisite it still rests on. A known concept
  is skipped *and so is everything reachable only through it*: whoever knows the Chain Rule is
  not sent back to Functions on its account. With nothing known this is the target plus all of
  its ancestors.
- `plan_route`: those concepts in a topological order (every prerequisite before what needs
  it) that keeps each domain's concepts together where the prerequisites allow. Kahn's
  algorithm; among the concepts whose prerequisites are all placed, it prefers one from the
  domain it placed last, then the smallest (domain order, depth, id). Depth is the longest
  prerequisite chain in the whole graph.
- `ready_next(known)`: concepts not yet known whose prerequisites are all known.

Both implementations are deterministic and compare ids as plain strings (ids are [a-z0-9-]).
Should the graph have a cycle (only in `cfn serve` with content errors) the nodes caught in it
get depth 0 and are appended in key order, so the planner still terminates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from continuous_function.graph import ConceptGraph


@dataclass(frozen=True)
class RouteGraph:
    domain: Mapping[str, str]
    """Concept id → domain id."""
    domain_order: Mapping[str, int]
    """Domain id → its order in the curriculum."""
    prereqs: Mapping[str, tuple[str, ...]]
    """Concept id → its prerequisites (only ids that are nodes)."""

    @classmethod
    def from_concept_graph(cls, graph: ConceptGraph) -> RouteGraph:
        g = graph.graph
        return cls(
            domain={n: g.nodes[n]["domain"] for n in g},
            domain_order={g.nodes[n]["domain"]: g.nodes[n]["domain_order"] for n in g},
            prereqs={n: tuple(sorted(g.predecessors(n))) for n in g},
        )

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RouteGraph:
        """The `graph.json` shape: {domains: [{id, order}], concepts: [{id, domain, prereqs}]}."""
        ids = {c["id"] for c in data["concepts"]}
        return cls(
            domain={c["id"]: c["domain"] for c in data["concepts"]},
            domain_order={d["id"]: d["order"] for d in data["domains"]},
            prereqs={c["id"]: tuple(p for p in c["prereqs"] if p in ids) for c in data["concepts"]},
        )

    @cached_property
    def unlocks(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {n: [] for n in self.prereqs}
        for n, pres in self.prereqs.items():
            for p in pres:
                out[p].append(n)
        return {n: sorted(v) for n, v in out.items()}

    @cached_property
    def depth(self) -> dict[str, int]:
        """Longest prerequisite chain ending at each concept (Kahn layering; cycles get 0)."""
        indeg = {n: len(p) for n, p in self.prereqs.items()}
        depth = dict.fromkeys(self.prereqs, 0)
        ready = sorted(n for n, d in indeg.items() if d == 0)
        while ready:
            n = ready.pop()
            for s in self.unlocks[n]:
                depth[s] = max(depth[s], depth[n] + 1)
                indeg[s] -= 1
                if indeg[s] == 0:
                    ready.append(s)
        for n, d in indeg.items():
            if d:
                depth[n] = 0
        return depth

    def key(self, n: str) -> tuple[int, int, str]:
        return (self.domain_order.get(self.domain[n], 0), self.depth[n], n)

    def ancestors(self, n: str) -> set[str]:
        seen: set[str] = set()
        stack = [n]
        while stack:
            for p in self.prereqs[stack.pop()]:
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
        seen.discard(n)
        return seen


def needed(g: RouteGraph, target: str, known: Iterable[str] = ()) -> set[str]:
    """The target and the prerequisites it still rests on, not walking through known ones."""
    known = set(known)
    if target not in g.prereqs or target in known:
        return set()
    found = {target}
    stack = [target]
    while stack:
        for p in g.prereqs[stack.pop()]:
            if p not in known and p not in found:
                found.add(p)
                stack.append(p)
    return found


def order(g: RouteGraph, nodes: Iterable[str]) -> list[str]:
    """`nodes` in a topological order that keeps a domain's concepts together where possible."""
    todo = set(nodes)
    indeg = {n: sum(p in todo for p in g.prereqs[n]) for n in todo}
    available = {n for n, d in indeg.items() if d == 0}
    out: list[str] = []
    current: str | None = None
    while available:
        same = [n for n in available if g.domain[n] == current]
        pick = min(same or available, key=g.key)
        available.remove(pick)
        out.append(pick)
        current = g.domain[pick]
        for s in g.unlocks[pick]:
            if s in indeg:
                indeg[s] -= 1
                if indeg[s] == 0:
                    available.add(s)
    if len(out) < len(todo):  # a cycle: place what is left in key order
        placed = set(out)
        out += sorted((n for n in todo if n not in placed), key=g.key)
    return out


def plan_route(g: RouteGraph, target: str, known: Iterable[str] = ()) -> list[str]:
    return order(g, needed(g, target, known))


def ready_next(g: RouteGraph, known: Iterable[str]) -> list[str]:
    """Concepts not known whose prerequisites are all known, in key order."""
    known = set(known)
    return sorted(
        (n for n, pres in g.prereqs.items() if n not in known and all(p in known for p in pres)),
        key=g.key,
    )
