"""The content contract (DESIGN.md §3) as typed, immutable models.

Pydantic does the per-file checks (unknown keys, missing fields, enums, ids, dates, colours,
ranges) so that every later stage can trust the shape of what it gets; the loader turns its
errors into diagnostics that point at the YAML node at fault.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""Stable ids: lower-case words joined by single hyphens; they appear in URLs and object keys."""

Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
ObjectRef = Annotated[
    str, StringConstraints(pattern=r"^(?:[a-z0-9-]+/[a-z0-9-]+)?#[A-Za-z0-9_:.-]+$")
]
"""A page object: `#eq-label`, `#code`, `#demo`, `#source-<ref>`, `#claim-<id>`,
`#misconception-<id>`, optionally prefixed by `<domain>/<concept>` to point into another concept."""


class Strict(BaseModel):
    """Every content model refuses unknown keys (a typo must never be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Status(StrEnum):
    draft = "draft"
    review = "review"
    published = "published"


class Importance(StrEnum):
    critical = "critical"
    important = "important"
    supplementary = "supplementary"
    advanced = "advanced"


class MathLevel(StrEnum):
    intuitive = "intuitive"
    highschool = "highschool"
    undergraduate = "undergraduate"
    graduate = "graduate"
    research = "research"


class ReviewState(StrEnum):
    """Ordered weakest to strongest (DESIGN.md §3)."""

    source_linked = "source-linked"
    source_note_reviewed = "source-note-reviewed"
    substantive_reviewed = "substantive-reviewed"


class PracticeKind(StrEnum):
    predict = "predict"
    explain = "explain"
    transfer = "transfer"


class SourceUse(Strict):
    ref: Text
    """BibTeX key in `references.bib`."""
    where: Text | None = None
    """The section, chapter or page that grounds this concept (e.g. "§5.1")."""
    note: Text
    """What this source grounds on this page."""


class Review(Strict):
    state: ReviewState
    reviewer: Text
    date: dt.date
    summary: Text
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    """Hash of the claim's text, support, caveat, sources and witnesses when it was reviewed."""


class Claim(Strict):
    id: Id
    text: Text
    sources: list[Text] = Field(default_factory=list)
    support: Text | None = None
    caveat: Text | None = None
    witnesses: list[ObjectRef] = Field(default_factory=list)
    check: Annotated[str, StringConstraints(pattern=r"^check_[a-z0-9_]+$")] | None = None
    """Name of a `check_*` function in `witness.py` that must pass at build time."""
    review: Review | None = None


class Misconception(Strict):
    id: Id
    text: Text
    repair: Text


class StoryboardFrame(Strict):
    state: dict[str, Any]
    """Demo control values for this frame; controls not named keep their defaults."""
    caption: Text


class InquiryOption(Strict):
    id: Id
    label: Text
    feedback: Text


class Inquiry(Strict):
    question: Text
    options: Annotated[list[InquiryOption], Field(min_length=2)]
    answer: Id
    explanation: Text


class Practice(Strict):
    kind: PracticeKind
    prompt: Text
    hints: Annotated[list[Text], Field(min_length=3, max_length=3)]
    rubric: Annotated[list[Text], Field(min_length=1)]
    model_answer: Text


class Research(Strict):
    question: Text
    evidence: Annotated[list[Text], Field(min_length=1)]
    resolves: Annotated[list[Text], Field(min_length=1)]


class Bridge(Strict):
    """The conceptual bridge: what the learner carries in, works on here, and carries out."""

    carry_in: Text
    work_here: Text
    carry_out: Text


class ConceptFile(Strict):
    """`<domain>/<concept>/concept.yaml`."""

    title: Text
    summary: Text
    status: Status = Status.draft
    difficulty: Annotated[int, Field(ge=1, le=5)] = 1
    importance: Importance = Importance.important
    math_level: MathLevel = MathLevel.undergraduate
    prerequisites: list[Id] = Field(default_factory=list)
    next: list[Id] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
    bridge: Bridge | None = None
    sources: list[SourceUse] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    misconceptions: list[Misconception] = Field(default_factory=list)
    storyboard: list[StoryboardFrame] = Field(default_factory=list)
    inquiry: Inquiry | None = None
    practice: list[Practice] = Field(default_factory=list)
    research: Research | None = None


class DomainFile(Strict):
    """`<domain>/domain.yaml`."""

    title: Text
    description: Text
    color: Color
    order: Annotated[int, Field(ge=0, le=10_000)]


class CurriculumFile(Strict):
    """`curriculum.yaml`."""

    title: Text
    tagline: Text
    start_here: list[Id] = Field(default_factory=list)
    """A short path of concept ids the home page offers to a newcomer."""
