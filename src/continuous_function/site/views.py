"""View models: everything a template shows, computed once from the atlas and stage results.

Templates only read these; they never look anything up, so a missing neighbour or a failed
witness is handled here, in one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup

from continuous_function.claims import ClaimStatus, claim_status
from continuous_function.graph import ConceptGraph
from continuous_function.model.atlas import Atlas, Concept, Domain, Reference
from continuous_function.model.schema import Claim, SourceUse
from continuous_function.mutation import MutationReport, can_fail
from continuous_function.objects import PageObject, page_objects
from continuous_function.site.citations import citation_html
from continuous_function.site.inline import plain
from continuous_function.witness import WitnessResult

WORDS_PER_MINUTE = 200
SECONDS_PER_EQUATION = 20


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    html: str

    @property
    def anchor(self) -> str:
        """`#code` and `#demo` name the witness and the demo objects, so their sections differ."""
        return f"{self.id}-section" if self.id in {"code", "demo"} else self.id


@dataclass(frozen=True)
class SourceView:
    use: SourceUse
    ref: Reference | None
    citation: Markup
    link: str | None
    title: str


@dataclass(frozen=True)
class WitnessLink:
    href: str
    label: str


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    status: ClaimStatus
    sources: list[Reference]
    witnesses: list[WitnessLink]


@dataclass(frozen=True)
class ObjectView:
    """A page object as the research room lists it: its key and a label a learner can read."""

    object: PageObject
    label: str

    @property
    def kind(self) -> str:
        return self.object.kind

    @property
    def fragment(self) -> str:
        return self.object.fragment

    @property
    def key(self) -> str:
        return self.object.key


@dataclass(frozen=True)
class ConceptView:
    concept: Concept
    domain: Domain
    sections: list[Section]
    prerequisites: list[Concept]
    next: list[Concept]
    prev: Concept | None
    following: Concept | None
    read_minutes: int
    demo_task: str | None
    storyboard_html: str | None
    sources: list[SourceView]
    claims: list[ClaimView]
    objects: list[ObjectView] = field(default_factory=list)


def read_minutes(plain_text: str, equations: int) -> int:
    words = len(plain_text.split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE + equations * SECONDS_PER_EQUATION / 60))


def source_views(atlas: Atlas, concept: Concept) -> list[SourceView]:
    views = []
    for use in concept.meta.sources:
        ref = atlas.references.get(use.ref)
        views.append(
            SourceView(
                use=use,
                ref=ref,
                citation=citation_html(ref) if ref else Markup("<code>{}</code>").format(use.ref),
                link=ref.link if ref else None,
                title=ref.title if ref else use.ref,
            )
        )
    return views


def _witness_link(ref: str, atlas: Atlas, concept: Concept, labels: dict[str, str]) -> WitnessLink:
    prefix, _, fragment = ref.partition("#")
    if prefix and prefix != concept.key:
        other = next((c for c in atlas.concepts() if c.key == prefix), None)
        title = other.meta.title if other else prefix
        return WitnessLink(f"../../{prefix}/#{fragment}", f"{title}: #{fragment}")
    return WitnessLink(f"#{fragment}", labels.get(fragment, f"#{fragment}"))


def claim_views(
    atlas: Atlas,
    concept: Concept,
    result: WitnessResult | None,
    labels: dict[str, str],
    mutation: MutationReport | None = None,
) -> list[ClaimView]:
    views = []
    for claim in concept.meta.claims:
        passed = None
        if claim.check and result is not None:
            check = result.check(claim.check)
            passed = bool(check and check.passed and result.status == "ok")
        views.append(
            ClaimView(
                claim=claim,
                status=claim_status(claim, passed, can_fail(mutation, claim.check)),
                sources=[atlas.references[r] for r in claim.sources if r in atlas.references],
                witnesses=[_witness_link(w, atlas, concept, labels) for w in claim.witnesses],
            )
        )
    return views


def neighbours(
    atlas: Atlas,
    graph: ConceptGraph,
    concept: Concept,
) -> tuple[list[Concept], list[Concept], Concept | None, Concept | None]:
    """Prerequisites, next, and prev/next within the domain in prerequisite order."""

    def get(ids: list[str]) -> list[Concept]:
        return [c for c in (atlas.concept(i) for i in ids) if c is not None]

    prereqs = get(concept.meta.prerequisites)
    nexts = get(concept.meta.next)
    order = graph.domain_order(concept.domain) if graph.is_acyclic() else []
    prev = following = None
    if concept.id in order:
        i = order.index(concept.id)
        ancestors = graph.ancestors(concept.id)
        prev = atlas.concept(order[i - 1]) if i > 0 else None
        after = [c for c in order[i + 1 :] if c not in ancestors]
        following = atlas.concept(after[0]) if after else None
    return prereqs, nexts, prev, following


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(plain(text).split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def object_list(
    atlas: Atlas,
    concept: Concept,
    labels: dict[str, str] | None = None,
) -> list[ObjectView]:
    """The page's objects with labels: equation numbers (from `labels`), source titles, the
    start of each claim and misconception."""
    labels = labels or {}
    meta = concept.meta
    claims = {f"claim-{c.id}": c.text for c in meta.claims}
    wrong = {f"misconception-{m.id}": m.text for m in meta.misconceptions}
    titles = {
        f"source-{s.ref}": (atlas.references[s.ref].title if s.ref in atlas.references else s.ref)
        for s in meta.sources
    }
    views = []
    for obj in page_objects(concept):
        f = obj.fragment
        if obj.kind == "concept":
            label = f"{meta.title} (the concept)"
        elif obj.kind == "source":
            label = f"Source: {titles.get(f, f)}"
        elif obj.kind == "claim":
            label = f"Claim: {_short(claims[f])}"
        elif obj.kind == "misconception":
            label = f"Misconception: {_short(wrong[f])}"
        else:
            label = labels.get(f, f"{obj.kind.capitalize()} #{f}")
        views.append(ObjectView(obj, label))
    return views
