"""Pages for finding the way: search, the knowledge graph and the route planner (issue 7).

`finding_pages` is called by `build()` after the concept pages are rendered. It returns:

- `search/index.html` and the prebuilt, sharded search index under `search/` (the documents
  of site/search_index.py, indexed by site/search_shards.py; searched by static/js/search-core.js);
- `graph/index.html` (the dot-laid-out picture and the same graph as a list), `graph/graph.json`
  (concepts, domains and prerequisites: what route.js, graph.js and the home page's "ready next"
  read) and `graph/domains.css` (the domain colours as custom properties);
- `route/index.html` (the planner; it runs in the browser on graph.json);
- `<domain>/<concept>/map.svg` for every concept: its neighbourhood, shown in the learning map;
- the vendored search libraries under `static/vendor/` (MiniSearch and a Porter stemmer, from
  node_modules; their licences go along).

These files are regenerated on every build, like every page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from continuous_function.graph import ConceptGraph
from continuous_function.memo import Memo
from continuous_function.model.atlas import Atlas, Concept, Domain
from continuous_function.site import assets
from continuous_function.site.graph_page import (
    GraphvizMissingError,
    atlas_dot,
    atlas_svg,
    neighbourhood_dot,
    run_dot,
    short_title,
    standalone_svg,
)
from continuous_function.site.pages import SiteRenderer
from continuous_function.site.search_index import SearchIndex, build_search_index
from continuous_function.site.search_shards import search_files

VENDOR = {
    # node_modules path → site path
    "minisearch/dist/es/index.js": "static/vendor/minisearch/index.js",
    "minisearch/LICENSE.txt": "static/vendor/minisearch/LICENSE.txt",
    "stemmer/index.js": "static/vendor/stemmer/index.js",
    "stemmer/license": "static/vendor/stemmer/LICENSE.txt",
}


@dataclass
class Row:
    concept: Concept
    requires: list[Concept] = field(default_factory=list)
    unlocks: list[Concept] = field(default_factory=list)


@dataclass
class Group:
    domain: Domain
    rows: list[Row] = field(default_factory=list)


def finding_pages(atlas: Atlas, graph: ConceptGraph, renderer: SiteRenderer) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    index = build_search_index(atlas, renderer.cache.page_text)
    files |= search_files(index, renderer.cache.search_terms)
    files["graph/graph.json"] = graph_json(atlas, graph, index).encode()
    files["graph/domains.css"] = "".join(
        f".d-{d.id}{{--d:{d.meta.color}}}\n" for d in atlas.domains
    ).encode()
    files |= vendor_files()

    groups = list_groups(atlas, graph)
    concepts = list(atlas.concepts())
    svg, maps = _pictures(atlas, graph, renderer.cache.svgs)
    files |= maps

    site = renderer.site
    stats = {"concepts": len(concepts), "edges": graph.graph.number_of_edges()}
    files["graph/index.html"] = renderer._page(
        "graph.html",
        "graph/",
        1,
        svg=Markup(svg),
        groups=groups,
        legend=atlas.domains,
        stats=stats,
        current_domain=None,
        page_title=f"Knowledge graph — {site.title}",
        description="Every concept of the atlas and the prerequisites that connect them.",
        has_math=False,
    )
    files["search/index.html"] = renderer._page(
        "search.html",
        "search/",
        1,
        domains=atlas.domains,
        current_domain=None,
        page_title=f"Search — {site.title}",
        description="Search every concept, equation, claim and misconception of the atlas.",
        has_math=False,
    )
    files["route/index.html"] = renderer._page(
        "route.html",
        "route/",
        1,
        current_domain=None,
        page_title=f"Plan a route — {site.title}",
        description="An ordered route to a concept from what you already know.",
        has_math=False,
    )
    return files


def _pictures(
    atlas: Atlas, graph: ConceptGraph, laid_out: Memo[str, str]
) -> tuple[str, dict[str, bytes]]:
    """The atlas picture and every neighbourhood map; only graphviz's layouts are cached (by dot
    source), the pictures around them are drawn afresh from this build's atlas."""
    layout = atlas_dot(atlas, graph)
    concepts = list(atlas.concepts())
    sources = [layout.dot] + [neighbourhood_dot(atlas, graph, c) for c in concepts]
    try:
        svgs = run_dot(sources, laid_out)
    except GraphvizMissingError:
        svgs = []
    svg = (
        atlas_svg(atlas, graph, layout, svgs[0], "../")
        if svgs
        else (
            '<p class="panel">The picture needs graphviz at build time; the list below shows the '
            "same graph.</p>"
        )
    )
    maps = {
        f"{concept.key}/map.svg": standalone_svg(
            text, f"Prerequisite map of {concept.meta.title}"
        ).encode()
        for concept, text in zip(concepts, svgs[1:], strict=False)
    }
    return svg, maps


def list_groups(atlas: Atlas, graph: ConceptGraph) -> list[Group]:
    """Domains in order, each with its concepts in prerequisite order and their edges."""
    order = graph.topological_order() if graph.is_acyclic() else sorted(graph.graph)
    rank = {cid: i for i, cid in enumerate(order)}
    groups = []
    for domain in atlas.domains:
        group = Group(domain)
        for concept in sorted(domain.concepts, key=lambda c: rank.get(c.id, 0)):

            def get(ids: list[str]) -> list[Concept]:
                found = (atlas.concept(i) for i in sorted(ids, key=lambda i: rank.get(i, 0)))
                return [c for c in found if c is not None]

            group.rows.append(
                Row(concept, get(graph.prerequisites(concept.id)), get(graph.unlocks(concept.id)))
            )
        groups.append(group)
    return groups


def graph_json(atlas: Atlas, graph: ConceptGraph, index: SearchIndex) -> str:
    minutes = {c.key: c.minutes for c in index.concepts}
    data = {
        "domains": [
            {"id": d.id, "title": d.meta.title, "color": d.meta.color, "order": d.meta.order}
            for d in atlas.domains
        ],
        "concepts": [
            {
                "id": c.id,
                "key": c.key,
                "title": c.meta.title,
                "short": short_title(c.meta.title),
                "domain": c.domain,
                "status": c.meta.status.value,
                "minutes": minutes.get(c.key, 0),
                "prereqs": graph.prerequisites(c.id) if c.id in graph.graph else [],
            }
            for c in atlas.concepts()
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def vendor_files() -> dict[str, bytes]:
    modules = assets.node_modules()
    files = {}
    for src, dest in VENDOR.items():
        data = (modules / src).read_bytes()
        if dest.endswith(".js"):
            # The source map is not shipped; drop the comment so browsers do not ask for it.
            data = b"\n".join(
                line for line in data.split(b"\n") if not line.startswith(b"//# sourceMappingURL=")
            )
        files[dest] = data
    return files
