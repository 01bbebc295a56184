"""The route planner (site/route.py and static/js/route.js) and the graph order pages rely on.

Properties over random DAGs (hypothesis): a route is the target plus exactly the prerequisites it
still rests on, in a valid topological order; knowing more never lengthens it. The JavaScript
planner the browser runs must return the same routes and "ready next" lists as the Python one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from continuous_function.graph import ConceptGraph
from continuous_function.model.atlas import Atlas
from continuous_function.model.loader import load_atlas
from continuous_function.site import views
from continuous_function.site.route import RouteGraph, needed, order, plan_route, ready_next

ROOT = Path(__file__).resolve().parents[1]
ROUTE_JS = ROOT / "src" / "continuous_function" / "static" / "js" / "route.js"

# -- random DAGs --------------------------------------------------------------------------------

ID = st.text("abcdefgh0123456789-", min_size=1, max_size=6)


@st.composite
def dags(draw: st.DrawFn, max_nodes: int = 18) -> dict[str, Any]:
    """A graph in graph.json's shape: edges only from earlier to later nodes, so it is acyclic."""
    ids = draw(st.lists(ID, min_size=1, max_size=max_nodes, unique=True))
    n_domains = draw(st.integers(1, 4))
    domains = [{"id": f"d{i}", "order": draw(st.integers(0, 3))} for i in range(n_domains)]
    concepts = []
    for j, cid in enumerate(ids):
        prereqs = draw(st.lists(st.sampled_from(ids[:j]), unique=True, max_size=4)) if j else []
        concepts.append(
            {"id": cid, "domain": f"d{draw(st.integers(0, n_domains - 1))}", "prereqs": prereqs}
        )
    draw(st.randoms()).shuffle(concepts)  # file order must not matter
    return {"domains": domains, "concepts": concepts}


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    graph = draw(dags())
    ids = [c["id"] for c in graph["concepts"]]
    return {
        "graph": graph,
        "target": draw(st.sampled_from(ids)),
        "known": draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids))),
    }


def nx_graph(g: RouteGraph) -> nx.DiGraph:
    d: nx.DiGraph = nx.DiGraph()
    d.add_nodes_from(g.prereqs)
    d.add_edges_from((p, n) for n, pres in g.prereqs.items() for p in pres)
    return d


def assert_topological(g: RouteGraph, route: list[str]) -> None:
    position = {n: i for i, n in enumerate(route)}
    assert len(position) == len(route), "a concept appears twice"
    for n in route:
        for p in g.prereqs[n]:
            if p in position:
                assert position[p] < position[n], f"{p} must come before {n}"


@settings(max_examples=300, deadline=None)
@given(cases())
def test_route_from_nothing_is_the_target_and_all_its_ancestors(case: dict[str, Any]) -> None:
    g = RouteGraph.from_json(case["graph"])
    target = str(case["target"])
    route = plan_route(g, target)
    assert set(route) == nx.ancestors(nx_graph(g), target) | {target}
    assert_topological(g, route)
    assert route[-1] == target


@settings(max_examples=300, deadline=None)
@given(cases())
def test_known_concepts_shorten_the_route_exactly(case: dict[str, Any]) -> None:
    g = RouteGraph.from_json(case["graph"])
    target, known = str(case["target"]), set(case["known"])
    route = plan_route(g, target, known)
    # Reference: the target's ancestors in the graph with the known concepts taken out.
    unknown = nx_graph(g).subgraph(set(g.prereqs) - known)
    expected = set() if target in known else nx.ancestors(unknown, target) | {target}
    assert set(route) == expected
    assert not set(route) & known
    assert_topological(g, route)
    assert set(route) <= set(plan_route(g, target))
    if route:
        assert route[-1] == target


@settings(max_examples=200, deadline=None)
@given(cases(), st.data())
def test_knowing_more_never_lengthens_a_route(case: dict[str, Any], data: st.DataObject) -> None:
    g = RouteGraph.from_json(case["graph"])
    target, known = str(case["target"]), set(case["known"])
    extra = data.draw(st.sets(st.sampled_from(sorted(g.prereqs))))
    assert set(plan_route(g, target, known | extra)) <= set(plan_route(g, target, known))


@settings(max_examples=200, deadline=None)
@given(cases())
def test_ready_next_are_the_unknown_concepts_with_known_prerequisites(case: dict[str, Any]) -> None:
    g = RouteGraph.from_json(case["graph"])
    known = set(case["known"])
    ready = ready_next(g, known)
    assert set(ready) == {
        n for n, pres in g.prereqs.items() if n not in known and set(pres) <= known
    }
    assert ready == sorted(ready, key=g.key)


def test_a_domain_run_is_not_interrupted_when_the_graph_allows() -> None:
    # a1 → a2 and b1 → b2 are independent; a1 < b1 in the domain order, so a1, a2, then b1, b2.
    data = {
        "domains": [{"id": "a", "order": 1}, {"id": "b", "order": 2}],
        "concepts": [
            {"id": "a1", "domain": "a", "prereqs": []},
            {"id": "a2", "domain": "a", "prereqs": ["a1"]},
            {"id": "b1", "domain": "b", "prereqs": []},
            {"id": "b2", "domain": "b", "prereqs": ["b1"]},
            {"id": "t", "domain": "b", "prereqs": ["a2", "b2"]},
        ],
    }
    g = RouteGraph.from_json(data)
    assert plan_route(g, "t") == ["a1", "a2", "b1", "b2", "t"]


def test_a_cycle_does_not_hang_the_planner() -> None:
    data = {
        "domains": [{"id": "a", "order": 1}],
        "concepts": [
            {"id": "x", "domain": "a", "prereqs": ["y"]},
            {"id": "y", "domain": "a", "prereqs": ["x"]},
            {"id": "t", "domain": "a", "prereqs": ["x"]},
        ],
    }
    g = RouteGraph.from_json(data)
    assert set(order(g, needed(g, "t"))) == {"x", "y", "t"}


# -- Python and JavaScript agree ----------------------------------------------------------------

NODE_RUNNER = r"""
import { readFileSync } from "node:fs";
const [routeJs, casesPath] = process.argv.slice(-2);
const { RouteGraph, planRoute, readyNext } = await import(routeJs);
const out = JSON.parse(readFileSync(casesPath, "utf8")).map(({ graph, target, known }) => {
  const g = new RouteGraph(graph);
  const k = new Set(known);
  return { route: planRoute(g, target, k), ready: readyNext(g, k) };
});
console.log(JSON.stringify(out));
"""


def run_js(tmp_path: Path, batch: list[dict[str, Any]]) -> list[dict[str, list[str]]]:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    done = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_RUNNER, ROUTE_JS.as_uri(), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[dict[str, list[str]]] = json.loads(done.stdout)
    return result


needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


@needs_node
@settings(max_examples=4, deadline=None)
@given(st.lists(cases(), min_size=60, max_size=60))
def test_javascript_planner_agrees_with_python(
    tmp_path_factory: pytest.TempPathFactory, batch: list[dict[str, Any]]
) -> None:
    js = run_js(tmp_path_factory.mktemp("route"), batch)
    for case, got in zip(batch, js, strict=True):
        g = RouteGraph.from_json(case["graph"])
        known = set(case["known"])
        assert got["route"] == plan_route(g, str(case["target"]), known), case
        assert got["ready"] == ready_next(g, known), case


# -- the bundled atlas ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def atlas_graph() -> tuple[Atlas, ConceptGraph]:
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    return atlas, ConceptGraph.from_atlas(atlas)


def test_route_to_backpropagation_from_nothing(atlas_graph: tuple[Atlas, ConceptGraph]) -> None:
    _, graph = atlas_graph
    g = RouteGraph.from_concept_graph(graph)
    route = plan_route(g, "backpropagation")
    assert set(route) == graph.ancestors("backpropagation") | {"backpropagation"}
    assert_topological(g, route)
    assert route[0] in {n for n in route if not g.prereqs[n]}
    # Knowing the Chain Rule drops it and what only it needed; Functions stays if still needed.
    shorter = plan_route(g, "backpropagation", {"chain-rule"})
    assert "chain-rule" not in shorter
    assert set(shorter) < set(route)
    assert_topological(g, shorter)


def test_every_route_in_the_atlas_is_valid(atlas_graph: tuple[Atlas, ConceptGraph]) -> None:
    _, graph = atlas_graph
    g = RouteGraph.from_concept_graph(graph)
    for target in graph.graph:
        route = plan_route(g, target)
        assert set(route) == graph.ancestors(target) | {target}
        assert_topological(g, route)


def test_next_is_never_a_prerequisite(atlas_graph: tuple[Atlas, ConceptGraph]) -> None:
    """Prev/next on concept pages come from the graph: "next" never points back to an ancestor,
    and "previous" is never something that depends on this concept."""
    atlas, graph = atlas_graph
    for concept in atlas.concepts():
        _, _, prev, following = views.neighbours(atlas, graph, concept)
        ancestors = graph.ancestors(concept.id)
        if following is not None:
            assert following.id not in ancestors, (concept.id, following.id)
        if prev is not None:
            assert prev.id not in graph.descendants(concept.id), (concept.id, prev.id)


def test_domain_pages_list_concepts_in_prerequisite_order(
    atlas_graph: tuple[Atlas, ConceptGraph],
) -> None:
    atlas, graph = atlas_graph
    for domain in atlas.domains:
        listed = graph.domain_order(domain.id)
        position = {cid: i for i, cid in enumerate(listed)}
        for cid in listed:
            for pre in graph.prerequisites(cid):
                if pre in position:
                    assert position[pre] < position[cid]


# -- what the build writes ------------------------------------------------------------------------


def test_graph_json_matches_the_atlas(
    built_site: Path, atlas_graph: tuple[Atlas, ConceptGraph]
) -> None:
    _, graph = atlas_graph
    data = json.loads((built_site / "graph" / "graph.json").read_text(encoding="utf-8"))
    edges = {(p, c["id"]) for c in data["concepts"] for p in c["prereqs"]}
    assert edges == set(graph.graph.edges)
    g = RouteGraph.from_json(data)
    assert plan_route(g, "backpropagation") == plan_route(
        RouteGraph.from_concept_graph(graph), "backpropagation"
    )


def test_the_graph_list_view_lists_every_edge(
    built_site: Path, atlas_graph: tuple[Atlas, ConceptGraph]
) -> None:
    _, graph = atlas_graph
    html = (built_site / "graph" / "index.html").read_text(encoding="utf-8")
    requires = set(re.findall(r'data-edge="([^"]+)"', html))
    unlocks = re.findall(r'data-unlock="([^"]+)"', html)
    edges = {f"{u}>{v}" for u, v in graph.graph.edges}
    assert len(re.findall(r'data-edge="', html)) == graph.graph.number_of_edges()
    assert requires == edges
    assert len(unlocks) == graph.graph.number_of_edges() and set(unlocks) == edges
    assert html.count('class="gedge"') == graph.graph.number_of_edges()
    assert html.count('class="gnode ') == graph.graph.number_of_nodes()


def test_every_concept_has_a_neighbourhood_picture(
    built_site: Path, atlas_graph: tuple[Atlas, ConceptGraph]
) -> None:
    atlas, _ = atlas_graph
    for concept in atlas.concepts():
        svg = (built_site / concept.key / "map.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "style=" not in svg
        page = (built_site / concept.key / "index.html").read_text(encoding="utf-8")
        assert 'src="map.svg"' in page
