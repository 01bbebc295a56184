"""Ids must be unique where they are used as anchors, keys and URLs."""

from __future__ import annotations

from collections.abc import Iterator

from continuous_function.diagnostics import Diagnostic
from continuous_function.model.atlas import Atlas
from continuous_function.validate.registry import report, rule


@rule("R001", "duplicate-id")
def duplicate_ids(atlas: Atlas) -> Iterator[Diagnostic]:
    """An id appears twice: two concepts with the same folder name in different domains, or two
    claims, misconceptions, inquiry options or sources with the same id/ref in one concept.
    Ids become URLs and object keys, so they must be unique."""
    first: dict[str, str] = {}
    for concept in atlas.concepts():
        if concept.id in first:
            yield report(
                "R001",
                concept.loc(),
                f"concept id '{concept.id}' is used by both "
                f"{first[concept.id]} and {concept.domain}; rename one folder",
            )
        first.setdefault(concept.id, concept.domain)
        meta = concept.meta
        groups: list[tuple[str, list[str]]] = [
            ("claims", [c.id for c in meta.claims]),
            ("misconceptions", [m.id for m in meta.misconceptions]),
            ("sources", [s.ref for s in meta.sources]),
        ]
        if meta.inquiry:
            groups.append(("inquiry.options", [o.id for o in meta.inquiry.options]))
        for field, ids in groups:
            seen: set[str] = set()
            for i, value in enumerate(ids):
                if value in seen:
                    path: tuple[str | int, ...] = (*field.split("."), i)
                    yield report("R001", concept.loc(*path), f"duplicate id '{value}' in {field}")
                seen.add(value)
