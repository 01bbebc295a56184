"""Render every page of the site to bytes (nothing here touches the file system)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from continuous_function.cache import BuildCache
from continuous_function.diagnostics import Diagnostic, Location
from continuous_function.graph import ConceptGraph
from continuous_function.markdown import extract_region, highlight_code, render_page
from continuous_function.markdown.problems import CODES as PAGE_CODES
from continuous_function.markdown.problems import UNKNOWN_REGION
from continuous_function.model.atlas import Atlas, Concept, Domain
from continuous_function.model.schema import Status
from continuous_function.mutation import MutationReport
from continuous_function.site import views
from continuous_function.site.demos import DemoBundle
from continuous_function.site.inline import InlineRenderer, inline_problems, plain
from continuous_function.site.restyle import restyle, stylesheet
from continuous_function.witness import WitnessResult


@dataclass(frozen=True)
class SiteInfo:
    title: str
    tagline: str
    base_url: str
    asset_version: str
    dev: bool
    nav_domains: tuple[Domain, ...]


@dataclass
class RenderedSite:
    files: dict[str, bytes] = field(default_factory=dict)
    styles: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def environment(templates: Path, compiled: BytecodeCache | None = None) -> Environment:
    """A fresh environment for every build: templates are read from disk again, so a long-running
    `cfn serve` always renders with the templates on disk (`compiled` spares recompiling the
    ones whose source did not change)."""
    env = Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=compiled,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


class SiteRenderer:
    """Renders pages for one build: a Jinja environment read from the theme, and the build cache
    (which renders math)."""

    def __init__(
        self,
        atlas: Atlas,
        graph: ConceptGraph,
        site: SiteInfo,
        cache: BuildCache,
        witnesses: dict[str, WitnessResult],
        demos: dict[str, DemoBundle],
        templates: Path,
        mutations: dict[str, MutationReport] | None = None,
    ) -> None:
        self.atlas, self.graph, self.site, self.cache = atlas, graph, site, cache
        self.witnesses, self.demos = witnesses, demos
        self.mutations = mutations or {}
        self.env = environment(templates, cache.templates)
        self.inline = InlineRenderer(cache, cache.inline)
        self.env.filters["inline"] = self.inline
        self.page_css: dict[str, bytes] = {}
        """`<path>page.css` for each rendered page that had inline styles."""

    def _page(self, template: str, path: str, depth: int | None, **context: Any) -> bytes:
        """Links are relative (`depth` folders up) so the site works under any path prefix;
        depth None means root-absolute links, for the 404 page that is served at any depth.

        Inline styles (KaTeX's) become classes in the page's own `page.css` next to it, kept in
        `self.page_css` until the build writes it: each page loads only the rules it uses."""
        root = "/" if depth is None else "../" * depth
        html = self.env.get_template(template).render(
            site=self.site, path=path, root=root, **context
        )
        styles: dict[str, str] = {}
        html = restyle(html, styles)
        if styles:
            self.page_css[f"{path}page.css"] = stylesheet(styles).encode()
            html = html.replace("</head>", '<link rel="stylesheet" href="page.css">\n</head>', 1)
        return html.encode("utf-8")

    # -- concept pages -------------------------------------------------------------------------

    def concept(
        self,
        concept: Concept,
        known_errors: list[Diagnostic] | None = None,
    ) -> tuple[dict[str, bytes], list[Diagnostic]]:
        """The page's files (its HTML, page.css, witness figures) and its problems.

        In `cfn serve`, errors found earlier (`known_errors`) and while rendering are shown in a
        banner at the top of the page, which still renders as far as it can (a failing witness
        shows its traceback in the Code section)."""
        files: dict[str, bytes] = {}
        diags: list[Diagnostic] = []
        domain = self.atlas.domain(concept.domain)
        assert domain is not None
        sections: list[views.Section] = []
        labels: dict[str, str] = {}
        plain_text, n_equations = concept.meta.summary, 0
        result = self.witnesses.get(concept.key)
        demo = self.demos.get(concept.key)
        if concept.page_source is not None:
            source = concept.page_source
            page = self.cache.pages.get(
                (source, self.cache.katex_version),
                lambda: render_page(source, math=self.cache),
            )
            diags += [
                PAGE_CODES.report(p.code, Location(concept.page_path, p.line, p.col), p.message)
                for p in page.problems
            ]
            labels = {eq.label: f"Equation ({eq.number})" for eq in page.equations}
            labels |= {"code": "Code witness", "demo": "Interactive demo"}
            for section in page.sections:
                lines = {e.region or "": e.line for e in page.embeds if e.kind == "witness"}
                html, found = self._fill_embeds(concept, section.html, result, demo, files, lines)
                diags += found
                sections.append(views.Section(section.id, section.title, html))
            plain_text, n_equations = page.plain_text, len(page.equations)
        prereqs, nexts, prev, following = views.neighbours(self.atlas, self.graph, concept)
        view = views.ConceptView(
            concept=concept,
            domain=domain,
            sections=sections,
            prerequisites=prereqs,
            next=nexts,
            prev=prev,
            following=following,
            read_minutes=views.read_minutes(plain_text, n_equations),
            demo_task=demo.task if demo else None,
            storyboard_html=demo.storyboard_html if demo else None,
            sources=views.source_views(self.atlas, concept),
            claims=views.claim_views(
                self.atlas, concept, result, labels, self.mutations.get(concept.key)
            ),
            objects=views.object_list(self.atlas, concept, labels),
        )
        files[f"{concept.key}/index.html"] = self._page(
            "concept.html",
            f"{concept.key}/",
            2,
            view=view,
            current_domain=domain.id,
            page_title=f"{concept.meta.title} — {self.site.title}",
            description=plain(concept.meta.summary),
            og_type="article",
            has_math=bool(sections),
            errors=[*(known_errors or []), *(d for d in diags if d.severity == "error")]
            if self.site.dev
            else [],
        )
        if css := self.page_css.pop(f"{concept.key}/page.css", None):
            files[f"{concept.key}/page.css"] = css
        diags += self.inline_problems()
        return files, diags

    def inline_problems(self) -> list[Diagnostic]:
        """The YAML texts whose math failed in the pages rendered since the last call."""
        found = inline_problems(self.atlas, self.inline.failures)
        self.inline.failures.clear()
        return found

    def _fill_embeds(
        self,
        concept: Concept,
        html: str,
        result: WitnessResult | None,
        demo: DemoBundle | None,
        files: dict[str, bytes],
        lines: dict[str, int],
    ) -> tuple[str, list[Diagnostic]]:
        """Put the witness (source, output) and the demo where page.md asks for them;
        `lines` gives the page.md line of each `[[witness:region]]` for diagnostics."""
        diags: list[Diagnostic] = []

        def fill(match: re.Match[str]) -> str:
            kind, region = match.group(1), match.group(2) or ""
            if kind == "demo":
                return demo.html if demo else '<p class="muted">This concept has no demo yet.</p>'
            try:
                code = extract_region(concept.witness_source or "", region or None)
            except ValueError as exc:
                where = Location(concept.page_path, lines.get(region, 1))
                diags.append(UNKNOWN_REGION.at(where, str(exc)))
                code = concept.witness_source or ""
            source = self.cache.highlights.get(
                (code, "python"), lambda: highlight_code(code, "python")
            )
            return self._witness(concept, Markup(source), result, files)

        html = EMBED_RE.sub(fill, html)
        return html, diags

    def _witness(
        self,
        concept: Concept,
        source: Markup,
        result: WitnessResult | None,
        files: dict[str, bytes],
    ) -> str:
        """The Code section's witness (templates/panels/witness.html); its figures go into
        `files` beside the page."""
        figures = []
        for i, svg in enumerate(result.figures if result else (), 1):
            figures.append(f"witness-figure-{i}.svg")
            files[f"{concept.key}/{figures[-1]}"] = svg.encode("utf-8")
        template = self.env.get_template("panels/witness.html")
        return template.render(key=concept.key, source=source, result=result, figures=figures)

    # -- other pages ---------------------------------------------------------------------------

    def home(self) -> bytes:
        concepts = list(self.atlas.concepts())
        stats = {
            "concepts": len(concepts),
            "domains": len(self.atlas.domains),
            "edges": self.graph.graph.number_of_edges(),
            "published": sum(c.meta.status is Status.published for c in concepts),
        }
        domains = [
            {
                "domain": d,
                "count": len(d.concepts),
                "published": sum(c.meta.status is Status.published for c in d.concepts),
            }
            for d in self.atlas.domains
        ]
        start = [c for c in (self.atlas.concept(i) for i in self.atlas.meta.start_here) if c]
        return self._page(
            "home.html",
            "",
            0,
            stats=stats,
            domains=domains,
            start_here=start,
            current_domain=None,
            page_title=self.site.title,
            description=self.site.tagline,
            has_math=False,
        )

    def domain(self, domain: Domain) -> bytes:
        order = (
            self.graph.domain_order(domain.id)
            if self.graph.is_acyclic()
            else sorted(c.id for c in domain.concepts)
        )
        rows = []
        for cid in order:
            concept = self.atlas.concept(cid)
            if concept is None:
                continue
            prereqs = [p for p in (self.atlas.concept(i) for i in concept.meta.prerequisites) if p]
            rows.append({"concept": concept, "prereqs": prereqs})
        return self._page(
            "domain.html",
            f"{domain.id}/",
            1,
            domain=domain,
            rows=rows,
            current_domain=domain.id,
            page_title=f"{domain.meta.title} — {self.site.title}",
            description=domain.meta.description,
            has_math=False,
        )

    def not_found(self) -> bytes:
        return self._page(
            "404.html",
            "404.html",
            None,
            current_domain=None,
            page_title=f"Page not found — {self.site.title}",
            description="There is no page at this address.",
            has_math=False,
        )

    def error_page(self, key: str, title: str, diagnostics: Iterable[Diagnostic]) -> bytes:
        """Shown by `cfn serve` in place of a page whose content has errors."""
        return self._page(
            "error.html",
            f"{key}/",
            2,
            diagnostics=list(diagnostics),
            current_domain=key.split("/")[0],
            page_title=f"Errors in {title} — {self.site.title}",
            description="Content errors",
            has_math=False,
        )


EMBED_RE = re.compile(
    r'<div class="embed" data-embed="(witness|demo)"(?: data-region="([^"]*)")?></div>'
)
