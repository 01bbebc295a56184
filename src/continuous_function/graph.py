"""The prerequisite graph: one networkx DiGraph with an edge prerequisite → concept.

Learning maps, prev/next, routes and the graph page all read order from here, so that a concept
never offers its own prerequisite as "next" and nothing is ordered by the alphabet alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from continuous_function.model.atlas import Atlas


@dataclass(frozen=True)
class ConceptGraph:
    graph: nx.DiGraph
    """Nodes are concept ids with `domain` and `domain_order` attributes."""

    @classmethod
    def from_atlas(cls, atlas: Atlas) -> ConceptGraph:
        g: nx.DiGraph = nx.DiGraph()
        for domain in atlas.domains:
            for concept in domain.concepts:
                g.add_node(concept.id, domain=domain.id, domain_order=domain.meta.order)
        for concept in atlas.concepts():
            for pre in concept.meta.prerequisites:
                if pre in g:
                    g.add_edge(pre, concept.id)
        return cls(g)

    def cycles(self) -> list[list[str]]:
        """Each prerequisite cycle once, rotated to start at its smallest id, for stable output."""
        found = []
        for cycle in nx.simple_cycles(self.graph):
            start = cycle.index(min(cycle))
            found.append(cycle[start:] + cycle[:start])
        return sorted(found)

    def is_acyclic(self) -> bool:
        return self._acyclic

    @cached_property
    def _acyclic(self) -> bool:
        return bool(nx.is_directed_acyclic_graph(self.graph))

    @cached_property
    def _depths(self) -> dict[str, int]:
        depths: dict[str, int] = {}
        for node in nx.topological_sort(self.graph):
            preds = list(self.graph.predecessors(node))
            depths[node] = 1 + max(depths[p] for p in preds) if preds else 0
        return depths

    def depth(self, concept_id: str) -> int:
        """Length of the longest prerequisite chain ending here (roots are 0); needs a DAG."""
        return self._depths[concept_id]

    def _key(self, node: str) -> tuple[int, int, str]:
        return (self.graph.nodes[node]["domain_order"], self._depths[node], node)

    @cached_property
    def _order(self) -> tuple[str, ...]:
        return tuple(nx.lexicographical_topological_sort(self.graph, key=self._key))

    def topological_order(self, nodes: Iterable[str] | None = None) -> list[str]:
        """A deterministic topological order: domains in their order, then depth, then id."""
        if nodes is None:
            return list(self._order)
        return list(nx.lexicographical_topological_sort(self.graph.subgraph(nodes), key=self._key))

    def domain_order(self, domain_id: str) -> list[str]:
        """A domain's concepts in prerequisite order (ancestors through other domains count)."""
        return [n for n in self._order if self.graph.nodes[n]["domain"] == domain_id]

    def ancestors(self, concept_id: str) -> set[str]:
        return set(nx.ancestors(self.graph, concept_id))

    def descendants(self, concept_id: str) -> set[str]:
        return set(nx.descendants(self.graph, concept_id))

    def prerequisites(self, concept_id: str) -> list[str]:
        return sorted(self.graph.predecessors(concept_id))

    def unlocks(self, concept_id: str) -> list[str]:
        return sorted(self.graph.successors(concept_id))
