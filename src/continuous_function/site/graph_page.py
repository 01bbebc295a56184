"""The knowledge graph as pictures: graphviz `dot` lays it out at build time (issue 7).

- `atlas_svg`: the whole prerequisite graph, left to right (prerequisites on the left), for the
  /graph/ page. dot's SVG is rewritten so that every concept is an `<a>` link with an accessible
  name, in prerequisite order (the tab order), with classes instead of colours (the page's CSS
  colours it by domain and theme, and graph.js adds focus and progress classes). Edges come first
  (drawn underneath) and are hidden from assistive technology: the page's text view lists them.
- `neighbourhood_svgs`: per concept, a small standalone picture of its prerequisites and what it
  unlocks, shown as an image in the learning map. It keeps its colours in presentation
  attributes and reads on light and dark backgrounds alike.

All graphs of one build go through a single `dot` process (dot accepts many graphs in one input).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from continuous_function.diagnostics import CfnError
from continuous_function.graph import ConceptGraph
from continuous_function.memo import Memo
from continuous_function.model.atlas import Atlas, Concept

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

SCALE = 1.25
"""CSS pixels per dot point in the page graph (11 pt labels read at about 14 px)."""
NEIGHBOURS_SHOWN = 6
"""A neighbourhood picture shows at most this many prerequisites and unlocks (then "+N more")."""
NEIGHBOURHOOD_SCALE = 1.3
"""CSS pixels per dot point in a neighbourhood picture (10 pt labels at 13 px)."""
EDGE_GREY = "#8a8f98"
TEXT_DARK = "#1b1d21"

_DOT_TIMEOUT_S = 60


class GraphvizMissingError(CfnError, RuntimeError):
    """`dot` is not on PATH: install graphviz (scripts/system-deps.sh)."""


def run_dot(sources: list[str], laid_out: Memo[str, str]) -> list[str]:
    """Lay out several graphs with one `dot -Tsvg` process; one SVG document per graph.
    `laid_out` (the build cache's dot source → SVG) spares the graphs that did not change."""
    svgs = {s: laid_out.peek(s) for s in dict.fromkeys(sources)}
    missing = [s for s, svg in svgs.items() if svg is None]
    if missing:
        exe = shutil.which("dot")
        if exe is None:
            raise GraphvizMissingError(
                "graphviz `dot` is not installed (see scripts/system-deps.sh)"
            )
        done = subprocess.run(
            [exe, "-Tsvg"],
            input="\n".join(missing).encode("utf-8"),
            capture_output=True,
            timeout=_DOT_TIMEOUT_S,
            check=True,
        )
        docs = [d for d in re.split(r"(?=<\?xml )", done.stdout.decode("utf-8")) if d.strip()]
        if len(docs) != len(missing):
            raise RuntimeError(f"dot returned {len(docs)} graphs for {len(missing)}")
        for source, svg in zip(missing, docs, strict=True):
            laid_out.put(source, svg)
            svgs[source] = svg
    return [svgs[s] or "" for s in sources]


def short_title(title: str) -> str:
    """The part of a title before its colon: "RLHF: Reward Modeling + …" → "RLHF"."""
    return title.split(":", 1)[0].strip()


def _label(title: str, width: int = 18) -> str:
    lines = textwrap.wrap(short_title(title), width) or [title]
    return "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tint(color: str, amount: float) -> str:
    """`color` mixed with white: amount 0 is white, 1 is the colour itself."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = (round(255 - (255 - c) * amount) for c in (r, g, b))
    return "#" + "".join(f"{c:02x}" for c in mix)


# -- the atlas graph ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AtlasGraph:
    order: list[str]
    """Concept ids in prerequisite order (the tab order of the picture)."""
    dot: str


def atlas_dot(atlas: Atlas, graph: ConceptGraph) -> AtlasGraph:
    order = graph.topological_order() if graph.is_acyclic() else sorted(graph.graph)
    lines = [
        "digraph atlas {",
        'graph [rankdir=LR, nodesep=0.14, ranksep=0.4, pad=0.15, bgcolor="transparent"];',
        'node [shape=box, style=rounded, fontname="Helvetica", fontsize=11, height=0.32, '
        'margin="0.11,0.05", penwidth=1.5];',
        "edge [arrowsize=0.6, penwidth=1];",
    ]
    index = {cid: i for i, cid in enumerate(order)}
    for cid in order:
        concept = atlas.concept(cid)
        title = concept.meta.title if concept else cid
        lines.append(f'n{index[cid]} [id="n{index[cid]}", label="{_label(title)}"];')
    for i, (u, v) in enumerate(sorted(graph.graph.edges, key=lambda e: (index[e[0]], index[e[1]]))):
        lines.append(f'n{index[u]} -> n{index[v]} [id="e{i}"];')
    lines.append("}")
    return AtlasGraph(order, "\n".join(lines))


def _strip(el: ET.Element, *names: str) -> None:
    for name in names:
        el.attrib.pop(name, None)


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text)]


def atlas_svg(
    atlas: Atlas, graph: ConceptGraph, layout: AtlasGraph, svg_text: str, root: str
) -> str:
    """dot's SVG for the atlas, rewritten into the page's accessible, class-styled picture."""
    svg = ET.fromstring(svg_text[svg_text.index("<svg") :])
    view_box = svg.get("viewBox", "0 0 100 100")
    w, h = _numbers(view_box)[2:4]
    scene = svg.find(f"{{{SVG}}}g")
    assert scene is not None
    transform = scene.get("transform", "")
    edges: list[ET.Element] = []
    nodes: dict[int, ET.Element] = {}
    for child in list(scene):
        cls = child.get("class", "")
        if cls == "edge":
            edges.append(child)
        elif cls == "node":
            nodes[int(child.get("id", "n0")[1:])] = child
    edge_list = sorted(
        graph.graph.edges, key=lambda e: (layout.order.index(e[0]), layout.order.index(e[1]))
    )

    out = ET.Element(
        f"{{{SVG}}}svg",
        {
            "class": "graph-svg",
            "viewBox": view_box,
            "width": f"{w * SCALE:.0f}",
            "height": f"{h * SCALE:.0f}",
            "role": "group",
            "aria-labelledby": "graph-svg-title",
            "data-width": f"{w:.2f}",
            "data-height": f"{h:.2f}",
        },
    )
    title = ET.SubElement(out, f"{{{SVG}}}title", {"id": "graph-svg-title"})
    title.text = (
        f"Prerequisite graph: {len(layout.order)} concepts, "
        f"{graph.graph.number_of_edges()} prerequisite links"
    )
    g = ET.SubElement(out, f"{{{SVG}}}g", {"class": "graph-scene", "transform": transform})
    edge_group = ET.SubElement(g, f"{{{SVG}}}g", {"class": "graph-edges", "aria-hidden": "true"})
    for el in edges:
        i = int(el.get("id", "e0")[1:])
        u, v = edge_list[i]
        group = ET.SubElement(
            edge_group, f"{{{SVG}}}g", {"class": "gedge", "data-from": u, "data-to": v}
        )
        for part in el:
            if part.tag == f"{{{SVG}}}path":
                ET.SubElement(group, part.tag, {"class": "gline", "d": part.get("d", "")})
            elif part.tag == f"{{{SVG}}}polygon":
                ET.SubElement(
                    group, part.tag, {"class": "garrow", "points": part.get("points", "")}
                )
    node_group = ET.SubElement(g, f"{{{SVG}}}g", {"class": "graph-nodes"})
    for i, cid in enumerate(layout.order):
        concept = atlas.concept(cid)
        drawn = nodes.get(i)
        if concept is None or drawn is None:
            continue
        domain = atlas.domain(concept.domain)
        domain_title = domain.meta.title if domain else concept.domain
        link = ET.SubElement(
            node_group,
            f"{{{SVG}}}a",
            {
                "href": f"{root}{concept.key}/",
                "class": f"gnode d-{concept.domain} s-{concept.meta.status.value}",
                "id": f"node-{cid}",
                "data-id": cid,
                "aria-label": f"{concept.meta.title} ({domain_title})",
            },
        )
        xs: list[float] = []
        ys: list[float] = []
        for part in drawn:
            if part.tag in (f"{{{SVG}}}path", f"{{{SVG}}}polygon"):
                shape = ET.SubElement(link, part.tag, {"class": "gshape"})
                for attr in ("d", "points"):
                    if part.get(attr):
                        shape.set(attr, part.get(attr, ""))
                        nums = _numbers(part.get(attr, ""))
                        xs += nums[0::2]
                        ys += nums[1::2]
            elif part.tag == f"{{{SVG}}}text":
                text = ET.SubElement(
                    link,
                    part.tag,
                    {
                        "class": "glabel",
                        "x": part.get("x", "0"),
                        "y": part.get("y", "0"),
                        "text-anchor": "middle",
                    },
                )
                text.text = part.text
        if xs and ys:
            ET.SubElement(
                link,
                f"{{{SVG}}}circle",
                {
                    "class": "gmark",
                    "cx": f"{max(xs) - 1:.2f}",
                    "cy": f"{min(ys) + 1:.2f}",
                    "r": "4.5",
                },
            )
    return ET.tostring(out, encoding="unicode")


# -- neighbourhood pictures ---------------------------------------------------------------------


def neighbourhood_dot(atlas: Atlas, graph: ConceptGraph, concept: Concept) -> str:
    colors = {d.id: d.meta.color for d in atlas.domains}

    def node(name: str, c: Concept | None, label: str, current: bool = False) -> str:
        color = colors.get(c.domain, EDGE_GREY) if c else EDGE_GREY
        fill = tint(color, 0.3 if current else 0.14) if c else "#ffffff"
        # `label` is already a dot string body (`_label` escapes it and joins lines with \n)
        attrs = [f'label="{label}"', f'color="{color}"', f'fillcolor="{fill}"']
        if current:
            attrs += ["penwidth=2.5", 'fontname="Helvetica-Bold"']
        if c is None:
            attrs += ['style="rounded,dashed,filled"', f'fontcolor="{TEXT_DARK}"']
        return f"{name} [{', '.join(attrs)}];"

    lines = [
        "digraph neighbourhood {",
        'graph [rankdir=LR, nodesep=0.08, ranksep=0.3, pad=0.06, bgcolor="transparent"];',
        'node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, '
        f'height=0.26, margin="0.08,0.03", penwidth=1.2, fontcolor="{TEXT_DARK}"];',
        f'edge [arrowsize=0.5, penwidth=1, color="{EDGE_GREY}"];',
        node(
            "c",
            concept,
            _label(concept.meta.title, 20).replace("\\n", " ")
            if len(concept.meta.title) < 24
            else _label(concept.meta.title, 20),
            True,
        ),
    ]
    order = (
        {cid: i for i, cid in enumerate(graph.topological_order())} if graph.is_acyclic() else {}
    )
    for side, ids in (("p", graph.prerequisites(concept.id)), ("u", graph.unlocks(concept.id))):
        ids = sorted(ids, key=lambda i: (order.get(i, 0), i))
        shown = (
            ids[:NEIGHBOURS_SHOWN] if len(ids) <= NEIGHBOURS_SHOWN else ids[: NEIGHBOURS_SHOWN - 1]
        )
        for i, cid in enumerate(shown):
            other = atlas.concept(cid)
            lines.append(node(f"{side}{i}", other, _label(other.meta.title if other else cid)))
            lines.append(f"{side}{i} -> c;" if side == "p" else f"c -> {side}{i};")
        if len(shown) < len(ids):
            lines.append(node(f"{side}more", None, f"+{len(ids) - len(shown)} more"))
            lines.append(f"{side}more -> c;" if side == "p" else f"c -> {side}more;")
    lines.append("}")
    return "\n".join(lines)


def standalone_svg(svg_text: str, label: str) -> str:
    """dot's SVG as a small image file: no comments or tooltips, size in CSS pixels."""
    body = svg_text[svg_text.index("<svg") :]
    svg = ET.fromstring(body)
    w, h = _numbers(svg.get("viewBox", "0 0 100 100"))[2:4]
    svg.set("width", f"{w * NEIGHBOURHOOD_SCALE:.0f}")
    svg.set("height", f"{h * NEIGHBOURHOOD_SCALE:.0f}")
    svg.set("role", "img")
    svg.set("aria-label", label)
    for parent in svg.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG}}}title":
                parent.remove(child)
    for el in svg.iter():
        if el.tag != f"{{{SVG}}}svg":
            _strip(el, "id")
    return ET.tostring(svg, encoding="unicode") + "\n"
