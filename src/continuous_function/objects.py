"""Object keys: the stable names of everything on a page (DESIGN.md §3).

Grammar: `<type>:<domain>/<concept>#<fragment>`; claims, the research room, search and the
learner memory all refer to page objects through these keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from continuous_function.model.atlas import Concept

EQ_LABEL_RE = re.compile(r"\{#(eq-[A-Za-z0-9_-]+)\}")


@dataclass(frozen=True)
class PageObject:
    kind: str
    """concept, equation, code, demo, source, claim or misconception."""
    fragment: str
    """The page anchor (without `#`); empty for the concept itself."""
    concept_key: str

    @property
    def key(self) -> str:
        suffix = f"#{self.fragment}" if self.fragment else ""
        return f"{self.kind}:{self.concept_key}{suffix}"


def page_objects(concept: Concept) -> list[PageObject]:
    """Every object a page has, in page order."""
    key = concept.key
    objects = [PageObject("concept", "", key)]
    labels = EQ_LABEL_RE.findall(concept.page_source or "")
    objects += [PageObject("equation", label, key) for label in dict.fromkeys(labels)]
    if concept.witness_source is not None:
        objects.append(PageObject("code", "code", key))
    if concept.demo_present:
        objects.append(PageObject("demo", "demo", key))
    meta = concept.meta
    objects += [PageObject("source", f"source-{s.ref}", key) for s in meta.sources]
    objects += [PageObject("claim", f"claim-{c.id}", key) for c in meta.claims]
    objects += [
        PageObject("misconception", f"misconception-{m.id}", key) for m in meta.misconceptions
    ]
    return objects


def fragments(concept: Concept) -> set[str]:
    return {o.fragment for o in page_objects(concept) if o.fragment}
