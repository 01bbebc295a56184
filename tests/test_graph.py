"""The prerequisite graph, driven by fixture atlases in tests/graph_cases/<case>/expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from continuous_function.graph import ConceptGraph
from continuous_function.model.loader import load_atlas

CASES = Path(__file__).parent / "graph_cases"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_graph_case(case: str) -> None:
    atlas, diags = load_atlas(CASES / case)
    assert atlas is not None and diags == []
    graph = ConceptGraph.from_atlas(atlas)
    expected = json.loads((CASES / case / "expected.json").read_text())
    order = graph.topological_order()
    assert order == expected["topological_order"]
    for a, b in graph.graph.edges:
        assert order.index(a) < order.index(b)
    for domain, concepts in expected["domain_order"].items():
        assert graph.domain_order(domain) == concepts
    for node, ancestors in expected["ancestors"].items():
        assert sorted(graph.ancestors(node)) == ancestors
    for node, descendants in expected["descendants"].items():
        assert sorted(graph.descendants(node)) == descendants
    for node, depth in expected["depth"].items():
        assert graph.depth(node) == depth


def test_cycles_are_reported_once_each() -> None:
    atlas, _ = load_atlas(Path(__file__).parent / "cases" / "cycle")
    assert atlas is not None
    graph = ConceptGraph.from_atlas(atlas)
    assert not graph.is_acyclic()
    assert graph.cycles() == [["derivatives", "functions"]]
