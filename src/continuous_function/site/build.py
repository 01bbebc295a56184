"""`build()`: load → validate → execute → render → write, in that order, reading before writing.

One function names every stage. Writing happens only at the end and atomically, so a failed
build leaves the previous site untouched. Unchanged concept pages are copied from the previous
build instead of re-rendered (their inputs are hashed), and witnesses re-run only when their
source or the interpreter/library versions change (the witness cache).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, cast

from continuous_function.diagnostics import Diagnostic, Severity, sort_key
from continuous_function.execute import execute
from continuous_function.graph import ConceptGraph
from continuous_function.markdown import MathRenderer, TexRenderer, pygments_css
from continuous_function.model.atlas import Atlas, Concept
from continuous_function.model.loader import load_atlas
from continuous_function.objects import page_objects
from continuous_function.site import assets
from continuous_function.site.demos import DemoBundle, prepare_demos
from continuous_function.site.finding import finding_pages
from continuous_function.site.pages import SiteInfo, SiteRenderer
from continuous_function.site.sitemap import sitemap_xml
from continuous_function.site.write import sync_site, write_site
from continuous_function.validate.run import validate
from continuous_function.witness import WitnessResult

MANIFEST = ".cfn-build.json"


class PageRecord(TypedDict):
    """What the previous build knew about one concept page, to reuse it unchanged."""

    hash: str
    files: list[str]


class Manifest(TypedDict, total=False):
    version: str
    pages: dict[str, PageRecord]


Progress = Callable[[str], None]


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: bool = False
    rendered: list[str] = field(default_factory=list)
    """Concept keys rendered this time (the rest were reused from the previous build)."""
    reused: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    """Site files (paths relative to `out`) whose bytes this build changed."""
    witnesses_run: int = 0

    def failed(self, strict: bool = False) -> bool:
        return any(d.severity is Severity.error or strict for d in self.diagnostics)


def build(
    root: Path,
    out: Path | None,
    *,
    strict: bool = False,
    dev: bool = False,
    cache_dir: Path | None = None,
    base_url: str = "http://127.0.0.1:8000/",
    progress: Progress | None = None,
    math: TexRenderer | None = None,
) -> BuildResult:
    """Build the site from `root` into `out` (None: check only, write nothing).

    `math` lets a long-running caller (cfn serve) keep one KaTeX engine across builds.
    In `dev` mode (cfn serve) a concept with errors is still rendered, with its errors in a banner
    (one whose concept.yaml does not load gets an error page), and the rest of the site is
    written; otherwise any error (or warning, with `strict`) writes nothing.
    """
    say = progress or (lambda _msg: None)
    result = BuildResult()
    say("load")
    atlas, result.diagnostics = load_atlas(root)
    if atlas is None:
        return result
    say("validate")
    result.diagnostics += validate(atlas)
    graph = ConceptGraph.from_atlas(atlas)
    say("execute witnesses")
    cache = cache_dir or default_cache_dir()
    witnesses, found = execute(atlas, cache)
    result.witnesses_run = sum(not r.cached for r in witnesses.values())
    result.diagnostics += found
    say("prepare demos")
    demos, found = prepare_demos(atlas, cache)
    result.diagnostics += found
    say("render")
    previous = _read_manifest(out) if out is not None else {}
    files, manifest = _render(
        atlas, graph, witnesses, demos, result, previous, out, dev, base_url, math
    )
    result.diagnostics = sorted(set(result.diagnostics), key=sort_key)
    if out is None or (result.failed(strict) and not dev):
        return result
    say("write")
    files[MANIFEST] = json.dumps(manifest, indent=1, sort_keys=True).encode()
    demo_sources = {c.key: c.demo_path for c in atlas.concepts() if c.demo_present}
    files = assets.static_files(demo_sources) | files
    files["static/css/bundle.css"] = assets.bundle_css(files)
    if dev:
        result.changed = sync_site(out, files)  # cfn serve: only changed files, each atomically
    else:
        write_site(out, files)
        result.changed = sorted(files)
    result.written = True
    return result


def default_cache_dir() -> Path:
    """Witness results are cached per checkout (`.cache/witness`), or where CFN_CACHE says."""
    return Path(os.environ.get("CFN_CACHE", ".cache")) / "witness"


def _render(
    atlas: Atlas,
    graph: ConceptGraph,
    witnesses: dict[str, WitnessResult],
    demos: dict[str, DemoBundle],
    result: BuildResult,
    previous: Manifest,
    out: Path | None,
    dev: bool,
    base_url: str,
    shared_math: TexRenderer | None,
) -> tuple[dict[str, bytes], Manifest]:
    site = SiteInfo(
        title=atlas.meta.title,
        tagline=atlas.meta.tagline,
        base_url=base_url,
        asset_version=assets.package_digest()[:10],
        dev=dev,
        nav_domains=atlas.domains,
    )
    old_pages = previous.get("pages", {})
    pages: dict[str, PageRecord] = {}
    files: dict[str, bytes] = {}
    by_concept = _diagnostics_by_concept(atlas, result.diagnostics)
    with LazyMath(shared_math) as math:
        r = SiteRenderer(atlas, graph, site, math, witnesses, demos)
        for concept in atlas.concepts():
            digest = _input_digest(atlas, graph, concept, witnesses.get(concept.key), site)
            old = old_pages.get(concept.key)
            if (
                old
                and old.get("hash") == digest
                and out is not None
                and (reused := _reuse(out, old))
            ):
                files |= reused
                pages[concept.key] = old
                result.reused.append(concept.key)
                continue
            known = [d for d in by_concept.get(concept.key, []) if d.severity is Severity.error]
            page_files, found = r.concept(concept, known if dev else [])
            result.diagnostics += found
            result.rendered.append(concept.key)
            if not known and not any(d.severity is Severity.error for d in found):
                pages[concept.key] = {"hash": digest, "files": sorted(page_files)}
            files |= page_files
        if dev:
            for key, diags in by_concept.items():
                if key not in pages and f"{key}/index.html" not in files:
                    files[f"{key}/index.html"] = r.error_page(key, key.split("/")[1], diags)
        files["index.html"] = r.home()
        for domain in atlas.domains:
            files[f"{domain.id}/index.html"] = r.domain(domain)
        files["404.html"] = r.not_found()
        files |= finding_pages(atlas, graph, r)
        files |= r.page_css  # page.css of the other pages that had inline styles
        result.diagnostics += r.inline_problems()  # math in YAML texts on the other pages
    files["static/css/code.css"] = (pygments_css("light") + pygments_css("dark")).encode()
    files["static/css/domains.css"] = "".join(
        f".domain-{d.id}{{background:{d.meta.color}}}\n" for d in atlas.domains
    ).encode()
    files["sitemap.xml"] = sitemap_xml(atlas, base_url).encode()
    files["objects.json"] = _objects_manifest(atlas).encode()
    return files, {"version": site.asset_version, "pages": pages}


class LazyMath:
    """Starts KaTeX (~0.3 s) only when a page needs math, and closes what it started.

    A `shared` renderer (kept by `cfn serve` across rebuilds) is used as is and left open."""

    def __init__(self, shared: TexRenderer | None = None) -> None:
        self._shared = shared
        self._own: MathRenderer | None = None

    def render(self, tex: str, display: bool = False) -> str:
        if self._shared is not None:
            return self._shared.render(tex, display)
        if self._own is None:
            self._own = MathRenderer()
        return self._own.render(tex, display)

    def __enter__(self) -> LazyMath:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._own is not None:
            self._own.close()


def _diagnostics_by_concept(atlas: Atlas, diags: list[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """Group problems by the concept folder they are in (including folders that failed to load)."""
    root = atlas.root.resolve()
    grouped: dict[str, list[Diagnostic]] = {}
    for d in diags:
        parts = (
            Path(d.location.path).resolve().relative_to(root).parts
            if Path(d.location.path).resolve().is_relative_to(root)
            else ()
        )
        if len(parts) == 3:
            grouped.setdefault(f"{parts[0]}/{parts[1]}", []).append(d)
    return grouped


def _input_digest(
    atlas: Atlas,
    graph: ConceptGraph,
    concept: Concept,
    witness: WitnessResult | None,
    site: SiteInfo,
) -> str:
    """Everything a concept page shows comes from these inputs; same digest, same bytes."""
    h = hashlib.sha256(assets.package_digest().encode())
    for path in sorted(concept.folder.iterdir()):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    neighbours = (
        set(concept.meta.prerequisites) | set(concept.meta.next) | set(concept.meta.related)
    )
    if concept.id in graph.graph:
        neighbours |= set(graph.domain_order(concept.domain)) if graph.is_acyclic() else set()
    for cid in sorted(neighbours):
        other = atlas.concept(cid)
        if other is not None:
            h.update(f"{other.key}|{other.meta.title}|{other.meta.status}".encode())
    for use in concept.meta.sources:
        ref = atlas.references.get(use.ref)
        h.update(repr(sorted(ref.fields.items()) if ref else None).encode())
        h.update(repr((ref.authors, ref.editors) if ref else None).encode())
    h.update(witness.model_dump_json(exclude={"cached", "duration_s"}).encode() if witness else b"")
    h.update(repr([(d.id, d.meta.title) for d in atlas.domains]).encode())
    h.update(f"{site.title}|{site.tagline}|{site.base_url}|{site.dev}".encode())
    return h.hexdigest()


def _reuse(out: Path, old: PageRecord) -> dict[str, bytes] | None:
    files = {}
    for rel in old["files"]:
        path = out / rel
        if not path.is_file():
            return None
        files[rel] = path.read_bytes()
    return files


def _read_manifest(out: Path) -> Manifest:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != assets.package_digest()[:10]:
        return {}
    return cast(Manifest, data)


def _objects_manifest(atlas: Atlas) -> str:
    objects = [
        {
            "key": o.key,
            "kind": o.kind,
            "concept": o.concept_key,
            "url": f"{o.concept_key}/" + (f"#{o.fragment}" if o.fragment else ""),
        }
        for concept in atlas.concepts()
        for o in page_objects(concept)
    ]
    return json.dumps({"objects": objects}, indent=1, sort_keys=True)
