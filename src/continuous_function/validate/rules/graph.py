"""The prerequisite graph must be closed, acyclic, and `next` must lead forward."""

from __future__ import annotations

from collections.abc import Iterator

from continuous_function.diagnostics import Diagnostic, did_you_mean
from continuous_function.graph import ConceptGraph
from continuous_function.model.atlas import Atlas
from continuous_function.validate.registry import report, rule


def _dangling(atlas: Atlas, field: str, code: str) -> Iterator[Diagnostic]:
    known = atlas.concept_ids()
    for concept in atlas.concepts():
        for i, target in enumerate(getattr(concept.meta, field)):
            if target == concept.id:
                yield report(
                    code, concept.loc(field, i), f"{field}: concept '{target}' points at itself"
                )
            elif target not in known:
                yield report(
                    code,
                    concept.loc(field, i),
                    f"{field}: no concept '{target}'",
                    did_you_mean(target, known),
                )


@rule("G001", "unknown-prerequisite")
def unknown_prerequisites(atlas: Atlas) -> Iterator[Diagnostic]:
    """A prerequisite names no concept of the atlas (or the concept itself)."""
    yield from _dangling(atlas, "prerequisites", "G001")


@rule("G002", "unknown-next")
def unknown_next(atlas: Atlas) -> Iterator[Diagnostic]:
    """A `next` entry names no concept of the atlas (or the concept itself)."""
    yield from _dangling(atlas, "next", "G002")


@rule("G003", "unknown-related")
def unknown_related(atlas: Atlas) -> Iterator[Diagnostic]:
    """A `related` entry names no concept of the atlas (or the concept itself)."""
    yield from _dangling(atlas, "related", "G003")


@rule("G004", "prerequisite-cycle")
def prerequisite_cycles(atlas: Atlas) -> Iterator[Diagnostic]:
    """Prerequisites form a cycle, so no reading order exists. The message prints the cycle;
    remove the edge that is not really needed."""
    graph = ConceptGraph.from_atlas(atlas)
    for cycle in graph.cycles():
        concept = atlas.concept(cycle[0])
        assert concept is not None
        after = cycle[1] if len(cycle) > 1 else cycle[0]
        step = atlas.concept(after)
        assert step is not None
        index = step.meta.prerequisites.index(cycle[0])
        path = " → ".join([*cycle, cycle[0]])
        yield report(
            "G004",
            step.loc("prerequisites", index),
            f"prerequisite cycle: {path}",
            "remove one of these prerequisite edges",
        )


@rule("G005", "next-is-ancestor")
def next_is_ancestor(atlas: Atlas) -> Iterator[Diagnostic]:
    """A `next` concept is already a (transitive) prerequisite of this one, so "next" would send
    the learner backwards."""
    graph = ConceptGraph.from_atlas(atlas)
    for concept in atlas.concepts():
        if concept.id not in graph.graph:
            continue
        ancestors = graph.ancestors(concept.id)
        for i, target in enumerate(concept.meta.next):
            if target in ancestors:
                yield report(
                    "G005",
                    concept.loc("next", i),
                    f"next: '{target}' is a prerequisite (ancestor) of '{concept.id}'",
                    "drop it from next or fix the edge",
                )
