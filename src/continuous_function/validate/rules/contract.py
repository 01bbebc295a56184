"""A published concept meets the whole learning contract (DESIGN.md §1, §3)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from continuous_function.diagnostics import Diagnostic, Location, Severity
from continuous_function.model.atlas import Atlas, Concept
from continuous_function.model.files import read_text
from continuous_function.model.schema import Status
from continuous_function.validate.registry import report, rule

SECTION_RE = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)
REQUIRED_SECTIONS = ("Intuition", "Math", "Code", "Interactive Demo")


def _missing_parts(concept: Concept) -> list[str]:
    meta = concept.meta
    missing = []
    if concept.page_source is None:
        missing.append("page.md")
    else:
        present = set(SECTION_RE.findall(concept.page_source))
        missing += [f"## {s}" for s in REQUIRED_SECTIONS if s not in present]
    if concept.witness_source is None:
        missing.append("witness.py")
    if not concept.demo_present:
        missing.append("demo.py")
    checks = [
        ("sources", meta.sources),
        ("claims", meta.claims),
        ("practice", meta.practice),
        ("inquiry", meta.inquiry),
        ("research", meta.research),
        ("bridge", meta.bridge),
        ("misconceptions", meta.misconceptions),
        ("storyboard", meta.storyboard),
    ]
    missing += [name for name, value in checks if not value]
    return missing


@rule("C001", "published-incomplete")
def published_complete(atlas: Atlas) -> Iterator[Diagnostic]:
    """A `published` concept lacks part of the contract: page.md with the four sections,
    witness.py, demo.py, at least one source and claim, misconceptions, storyboard, inquiry,
    practice, research and bridge. Keep it at `review` or `draft` until it is complete."""
    for concept in atlas.concepts():
        if concept.meta.status is Status.published and (missing := _missing_parts(concept)):
            yield report(
                "C001",
                concept.loc("status"),
                f"published concept '{concept.id}' lacks: {', '.join(missing)}",
                "complete it or set status: review",
            )


@rule("C002", "claim-incomplete", Severity.warning)
def claim_incomplete(atlas: Atlas) -> Iterator[Diagnostic]:
    """A claim has no sources, support, caveat or witnesses, so a reader cannot tell what
    establishes it or where it stops holding."""
    for concept in atlas.concepts():
        for ci, claim in enumerate(concept.meta.claims):
            missing = [
                n for n in ("sources", "support", "caveat", "witnesses") if not getattr(claim, n)
            ]
            if missing:
                yield report(
                    "C002",
                    concept.loc("claims", ci),
                    f"claim '{claim.id}' has no {', '.join(missing)}",
                )


@rule("C003", "practice-kinds", Severity.warning)
def practice_kinds(atlas: Atlas) -> Iterator[Diagnostic]:
    """A published concept's practice loop lacks one of the kinds predict, explain, transfer."""
    for concept in atlas.concepts():
        if concept.meta.status is not Status.published or not concept.meta.practice:
            continue
        kinds = {p.kind.value for p in concept.meta.practice}
        missing = [k for k in ("predict", "explain", "transfer") if k not in kinds]
        if missing:
            yield report(
                "C003", concept.loc("practice"), f"practice has no {', '.join(missing)} prompt"
            )


@rule("C004", "start-here-unknown")
def start_here(atlas: Atlas) -> Iterator[Diagnostic]:
    """`curriculum.yaml` `start_here` names a concept that does not exist."""
    known = atlas.concept_ids()
    for i, cid in enumerate(atlas.meta.start_here):
        if cid not in known:
            yield report(
                "C004", atlas.positions.of(("start_here", i)), f"start_here: no concept '{cid}'"
            )


@rule("C005", "placeholder-text")
def placeholder_text(atlas: Atlas) -> Iterator[Diagnostic]:
    """A `published` or `review` concept still contains `TODO` placeholder text from `cfn new`."""
    for concept in atlas.concepts():
        if concept.meta.status is Status.draft:
            continue
        yaml_text = read_text(concept.yaml_path, atlas.root).text or ""
        texts = [(concept.yaml_path, yaml_text)]
        texts += [
            (p, s)
            for p, s in (
                (concept.page_path, concept.page_source),
                (concept.witness_path, concept.witness_source),
            )
            if s
        ]
        for path, text in texts:
            for n, line in enumerate(text.splitlines(), 1):
                if "TODO" in line and not line.lstrip().startswith("#"):
                    yield report(
                        "C005",
                        Location(path, n, line.index("TODO") + 1),
                        "placeholder text left in a non-draft concept",
                    )
