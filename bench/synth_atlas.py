"""A synthetic atlas of N written concepts, made from the bundled published ones (issue 11).

    .venv/bin/python bench/synth_atlas.py OUT [--concepts 1000] [--seed 7] [--shared-witnesses]

Used by `bench/scale_bench.py`; run alone, it writes the atlas to OUT so `cfn check OUT` or
`cfn build OUT` can be tried on it.

Concept i is a copy of bundled published concept `i mod 17` (page, witness, demo and
concept.yaml) with a new id `<template>-<i>` and a numbered title, placed in domain `i mod 12`
so every domain holds about N/12 concepts. References stay valid and the graph acyclic by
construction: a copy's prerequisites are the latest earlier copies of its template's
prerequisites plus, past the first round, one random earlier concept (so the graph is one
connected, deep DAG rather than 59 islands); `next` points at the earliest later copy of each
`next` (a later concept is never an ancestor); `related` at the nearest copy of each.

Each copy's page.md, witness.py and demo.py get a line naming the copy, so no two files have
the same bytes and a content-keyed cache cannot serve copy 500 from copy 1's entry: a cold
build really renders, runs and bundles N of each. `--shared-witnesses` leaves witness.py
byte-identical to its template instead (17 distinct sources); the witness cache keys results by
path as well as source, so each copy still runs once.
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "curriculum"


@dataclass(frozen=True)
class Template:
    domain: str
    id: str
    folder: Path
    prerequisites: list[str]
    next: list[str]
    related: list[str]
    meta: dict[str, Any]


def _yaml() -> YAML:
    """The C-backed safe loader: round-trip YAML costs ~0.2 s a file, a minute per atlas."""
    yaml = YAML(typ="safe")
    yaml.width = 100
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    return yaml


def templates(source: Path = BUNDLED) -> list[Template]:
    """The published concepts, prerequisites first (so a round of copies is itself ordered)."""
    yaml = _yaml()
    found: dict[str, Template] = {}
    for path in sorted(source.glob("*/*/concept.yaml")):
        meta = yaml.load(path.read_text(encoding="utf-8"))
        if meta.get("status") != "published":
            continue
        folder = path.parent
        found[folder.name] = Template(
            folder.parent.name,
            folder.name,
            folder,
            list(meta.get("prerequisites", [])),
            list(meta.get("next", [])),
            list(meta.get("related", [])),
            meta,
        )
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(found)
    graph.add_edges_from((p, t.id) for t in found.values() for p in t.prerequisites if p in found)
    return [found[cid] for cid in nx.lexicographical_topological_sort(graph)]


def _write_cited_references(bib: Path, out: Path, shapes: list[Template]) -> None:
    """Only the works the copied concepts cite: an entry no concept cites is a B006 warning, and
    the bundled bibliography also serves concepts that are not published yet. Entries are kept
    as written (a round trip through pybtex would rewrite `~` in URLs)."""
    cited = {use["ref"] for t in shapes for use in t.meta.get("sources", [])}
    cited |= {ref for t in shapes for claim in t.meta.get("claims", []) for ref in claim["sources"]}
    entries = re.split(r"(?m)^(?=@)", bib.read_text(encoding="utf-8"))
    kept = [e for e in entries if (m := re.match(r"@\w+\{([^,]+),", e)) and m[1].strip() in cited]
    out.write_text("".join(kept), encoding="utf-8")


def synthesize(
    out: Path,
    n: int = 1000,
    *,
    seed: int = 7,
    shared_witnesses: bool = False,
    source: Path = BUNDLED,
) -> list[str]:
    """Write an atlas of `n` concepts to `out` (replaced); return the concept keys in order."""
    rng = random.Random(seed)
    shapes = templates(source)
    domains = sorted(p.parent.name for p in source.glob("*/domain.yaml"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _write_cited_references(source / "references.bib", out / "references.bib", shapes)
    for domain in domains:
        (out / domain).mkdir()
        shutil.copy2(source / domain / "domain.yaml", out / domain / "domain.yaml")

    ids = [f"{shapes[i % len(shapes)].id}-{i}" for i in range(n)]
    copies: dict[str, list[int]] = {}
    for i in range(n):
        copies.setdefault(shapes[i % len(shapes)].id, []).append(i)

    def latest_before(template: str, i: int) -> int | None:
        earlier = [j for j in copies.get(template, []) if j < i]
        return earlier[-1] if earlier else None

    def earliest_after(template: str, i: int) -> int | None:
        later = [j for j in copies.get(template, []) if j > i]
        return later[0] if later else None

    def nearest(template: str, i: int) -> int | None:
        others = [j for j in copies.get(template, []) if j != i]
        return min(others, key=lambda j: abs(j - i)) if others else None

    yaml = _yaml()
    keys = []
    for i, cid in enumerate(ids):
        shape = shapes[i % len(shapes)]
        domain = domains[i % len(domains)]
        folder = out / domain / cid
        shutil.copytree(shape.folder, folder)
        meta = copy.deepcopy(shape.meta)
        meta["title"] = f"{meta['title']} {i}"
        prereqs = [latest_before(p, i) for p in shape.prerequisites]
        if i >= len(shapes):
            prereqs.append(rng.randrange(i))
        meta["prerequisites"] = _ids(ids, prereqs)
        meta["next"] = _ids(ids, [earliest_after(t, i) for t in shape.next])
        meta["related"] = _ids(ids, [nearest(t, i) for t in shape.related])
        for key in ("prerequisites", "next", "related"):
            if not meta[key]:
                del meta[key]
        text = io.StringIO()
        yaml.dump(meta, text)
        (folder / "concept.yaml").write_text(text.getvalue(), encoding="utf-8")
        marker = f"synthetic copy {i} of {shape.domain}/{shape.id}"
        _append(folder / "page.md", f"\nThis is {marker}.\n")
        _append(folder / "demo.py", f"\n# {marker}\n")
        if not shared_witnesses:
            _append(folder / "witness.py", f"\n# {marker}\n")
        keys.append(f"{domain}/{cid}")

    curriculum = yaml.load((source / "curriculum.yaml").read_text(encoding="utf-8"))
    firsts = {shape.id: ids[i] for i, shape in enumerate(shapes) if i < n}
    curriculum["start_here"] = [firsts[c] for c in curriculum.get("start_here", []) if c in firsts]
    text = io.StringIO()
    yaml.dump(curriculum, text)
    (out / "curriculum.yaml").write_text(text.getvalue(), encoding="utf-8")
    return keys


def _ids(ids: list[str], picks: list[int | None]) -> list[str]:
    return list(dict.fromkeys(ids[j] for j in picks if j is not None))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared-witnesses", action="store_true")
    args = parser.parse_args()
    keys = synthesize(
        args.out, args.concepts, seed=args.seed, shared_witnesses=args.shared_witnesses
    )
    print(f"{len(keys)} concepts written to {args.out}")


if __name__ == "__main__":
    main()
