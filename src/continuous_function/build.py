"""The pipeline: load → validate → execute → demos → render → write, in that order.

`load_site` runs every stage up to rendering and returns a `LoadedSite`: the atlas, its witness
results and demos, ready to render the whole site (`render_site`) or one page on request
(`render_page`, for a dev server that keeps `(LoadedSite, BuildCache)` in memory). `build` is
the one-shot composition: load, render everything, then write atomically, so a failed build
leaves the previous site untouched.

Nothing is reused from a previous build's output. Every page, view model and template is
rendered afresh each time; only pure functions of one input are remembered, in the
`BuildCache` passed in. That is why an incremental build equals a clean one, byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from continuous_function.cache import BuildCache
from continuous_function.diagnostics import Diagnostic, Severity, sort_key
from continuous_function.execute import execute
from continuous_function.graph import ConceptGraph
from continuous_function.markdown import pygments_css
from continuous_function.model.atlas import Atlas
from continuous_function.model.loader import load_atlas
from continuous_function.mutation import MutationReport, deep_check
from continuous_function.objects import page_objects
from continuous_function.site import assets
from continuous_function.site.assets import BUNDLED_THEME, Theme
from continuous_function.site.demos import DemoBundle, prepare_demos
from continuous_function.site.finding import finding_pages
from continuous_function.site.pages import SiteInfo, SiteRenderer
from continuous_function.site.sitemap import sitemap_xml
from continuous_function.site.write import sync_site, write_site
from continuous_function.validate.run import validate
from continuous_function.witness import WitnessResult

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    dev: bool = False
    """`cfn serve`: a concept with errors is still rendered, its errors in a banner (one whose
    concept.yaml does not load gets an error page), and the rest of the site is written."""
    base_url: str = "http://127.0.0.1:8000/"
    theme: Theme = BUNDLED_THEME
    deep: bool = False
    """`--deep`: mutation-test every check; a check that cannot fail is W004 and its claim is not
    shown as witness-verified (`mutation/`)."""


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: bool = False
    rendered: list[str] = field(default_factory=list)
    """Concept keys rendered (every concept, every build)."""
    changed: list[str] = field(default_factory=list)
    """Site files (paths relative to `out`) whose bytes this build changed."""
    witnesses_run: int = 0
    mutations: dict[str, MutationReport] = field(default_factory=dict)
    """Mutation reports by concept key (only with `deep`)."""

    def failed(self, strict: bool = False) -> bool:
        return any(d.severity is Severity.error or strict for d in self.diagnostics)


@dataclass
class LoadedSite:
    """Everything before rendering, for one state of the curriculum. Cheap to render from again:
    a dev server keeps it until a file changes, then loads a new one with the same cache."""

    atlas: Atlas
    graph: ConceptGraph
    witnesses: dict[str, WitnessResult]
    demos: dict[str, DemoBundle]
    mutations: dict[str, MutationReport]
    """By concept key; empty unless `options.deep`."""
    diagnostics: list[Diagnostic]
    """Problems found by load, validate, execute and the demo stage (rendering finds more)."""
    cache: BuildCache
    options: BuildOptions

    @cached_property
    def assets(self) -> dict[str, bytes]:
        """Every static file, read afresh from the theme for this loaded state."""
        demo_sources = {c.key: c.demo_path for c in self.atlas.concepts() if c.demo_present}
        files = assets.static_files(self.options.theme, demo_sources)
        files["static/css/code.css"] = (pygments_css("light") + pygments_css("dark")).encode()
        files["static/css/domains.css"] = "".join(
            f".domain-{d.id}{{background:{d.meta.color}}}\n" for d in self.atlas.domains
        ).encode()
        files["static/css/bundle.css"] = assets.bundle_css(files)
        return files

    @cached_property
    def renderer(self) -> SiteRenderer:
        site = SiteInfo(
            title=self.atlas.meta.title,
            tagline=self.atlas.meta.tagline,
            base_url=self.options.base_url,
            asset_version=assets.asset_version(self.assets),
            dev=self.options.dev,
            nav_domains=self.atlas.domains,
        )
        return SiteRenderer(
            self.atlas,
            self.graph,
            site,
            self.cache,
            self.witnesses,
            self.demos,
            self.options.theme.templates,
            self.mutations,
        )

    @cached_property
    def _by_concept(self) -> dict[str, list[Diagnostic]]:
        return _diagnostics_by_concept(self.atlas, self.diagnostics)

    def render_page(self, path: str) -> tuple[dict[str, bytes], list[Diagnostic]] | None:
        """The files of the page at URL path `path` (`""` the home page, `"calculus/"` a domain,
        `"calculus/derivatives/"` a concept, `"404.html"`) and the problems rendering found, or
        None for anything else (search, graph, route, assets: take those from `render_site`)."""
        r = self.renderer
        key = path.removesuffix("index.html").strip("/")
        if path in ("", "index.html"):
            return self._with_css("", r.home()), r.inline_problems()
        if path == "404.html":
            return self._with_css("404.html", r.not_found()), r.inline_problems()
        if (domain := self.atlas.domain(key)) is not None:
            return self._with_css(f"{key}/", r.domain(domain)), r.inline_problems()
        concept = next((c for c in self.atlas.concepts() if c.key == key), None)
        known = self._by_concept.get(key, [])
        if concept is None:
            if self.options.dev and known:
                return {f"{key}/index.html": r.error_page(key, key.split("/")[-1], known)}, []
            return None
        errors = [d for d in known if d.severity is Severity.error]
        return r.concept(concept, errors if self.options.dev else [])

    def _with_css(self, path: str, html: bytes) -> dict[str, bytes]:
        """The page's HTML under `path`, and its own page.css when it has one."""
        files = {f"{path}index.html" if not path.endswith(".html") else path: html}
        if css := self.renderer.page_css.pop(f"{path}page.css", None):
            files[f"{path}page.css"] = css
        return files

    def page_paths(self) -> list[str]:
        """The URL path of every page `render_page` renders: home, 404, domains, concepts (and in
        dev the error pages of concept folders that did not load)."""
        pages = [c.key for c in self.atlas.concepts()]
        if self.options.dev:
            pages += [k for k in self._by_concept if k not in pages]
        domains = [f"{d.id}/" for d in self.atlas.domains]
        return ["", "404.html", *domains, *(f"{key}/" for key in pages)]

    def render_rest(self) -> tuple[dict[str, bytes], list[Diagnostic]]:
        """Every file that is not one of `page_paths`: assets, the search, graph and route
        pages, sitemap and objects (a dev server renders pages on request, then these)."""
        files = dict(self.assets)
        files |= finding_pages(self.atlas, self.graph, self.renderer)
        files |= self.renderer.page_css  # page.css of the other pages that had inline styles
        files["sitemap.xml"] = sitemap_xml(self.atlas, self.options.base_url).encode()
        files["objects.json"] = _objects_manifest(self.atlas).encode()
        return files, self.renderer.inline_problems()  # math in YAML texts on finding pages

    def render_site(self) -> tuple[dict[str, bytes], list[Diagnostic]]:
        """Every file of the site, and the problems found while rendering."""
        files: dict[str, bytes] = {}
        found: list[Diagnostic] = []
        for path in self.page_paths():
            page = self.render_page(path)
            if page is not None:
                files |= page[0]
                found += page[1]
        rest, more = self.render_rest()
        return rest | files, found + more


def load_site(
    root: Path,
    cache: BuildCache,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> tuple[LoadedSite | None, list[Diagnostic]]:
    """Load, validate, execute witnesses and prepare demos (None when curriculum.yaml itself is
    unusable); the diagnostics are the same as `LoadedSite.diagnostics` when it loads."""
    say = progress or (lambda _msg: None)
    say("load")
    atlas, diags = load_atlas(root, cache.yaml)
    if atlas is None:
        return None, diags
    say("validate")
    diags += validate(atlas)
    graph = ConceptGraph.from_atlas(atlas)
    say("execute witnesses")
    witnesses, found = execute(atlas, cache.witness_dir)
    diags += found
    options = options or BuildOptions()
    mutations: dict[str, MutationReport] = {}
    if options.deep:
        say("mutation-test checks")
        mutations, found = deep_check(atlas, witnesses, cache.witness_dir)
        diags += found
    say("prepare demos")
    demos, found = prepare_demos(atlas, cache)
    diags += found
    loaded = LoadedSite(atlas, graph, witnesses, demos, mutations, diags, cache, options)
    return loaded, diags


def build(
    root: Path,
    out: Path | None,
    *,
    strict: bool = False,
    dev: bool = False,
    cache: BuildCache | None = None,
    cache_dir: Path | None = None,
    base_url: str = "http://127.0.0.1:8000/",
    theme: Theme = BUNDLED_THEME,
    progress: Progress | None = None,
    deep: bool = False,
) -> BuildResult:
    """Build the site from `root` into `out` (None: check only, write nothing).

    A long-running caller passes its `cache`; otherwise a fresh one is made (its witness results
    on disk under `cache_dir`) and closed. Any error (or warning, with `strict`) writes nothing,
    except in `dev` mode (see `BuildOptions.dev`)."""
    if cache is None:
        with BuildCache(cache_dir) as own:
            return build(
                root,
                out,
                strict=strict,
                dev=dev,
                cache=own,
                base_url=base_url,
                theme=theme,
                progress=progress,
                deep=deep,
            )
    say = progress or (lambda _msg: None)
    result = BuildResult()
    options = BuildOptions(dev=dev, base_url=base_url, theme=theme, deep=deep)
    loaded, result.diagnostics = load_site(root, cache, options, progress)
    if loaded is None:
        return result
    result.mutations = loaded.mutations
    result.witnesses_run = sum(not r.cached for r in loaded.witnesses.values())
    say("render")
    files, found = loaded.render_site()
    result.rendered = [c.key for c in loaded.atlas.concepts()]
    result.diagnostics = sorted(set(result.diagnostics + found), key=sort_key)
    if out is None or (result.failed(strict) and not dev):
        return result
    say("write")
    if dev:
        result.changed = sync_site(out, files)  # cfn serve: only changed files, each atomically
    else:
        write_site(out, files)
        result.changed = sorted(files)
    result.written = True
    return result


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
