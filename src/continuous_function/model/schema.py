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
Title = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]
"""Titles label graph nodes, tabs and search results; graphviz fails on megabyte-long labels."""
ObjectRef = Annotated[
    str, StringConstraints(pattern=r"^(?:[a-z0-9-]+/[a-z0-9-]+)?#[A-Za-z0-9_:.-]+$")
]
"""A page object: `#eq-label`, `#code`, `#demo`, `#source-<ref>`, `#claim-<id>`,
`#misconception-<id>`, optionally prefixed by `<domain>/<concept>` to point into another concept."""


class Strict(BaseModel):
    """Every content model refuses unknown keys (a typo must never be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


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
    """One work a concept rests on."""

    ref: Text
    """BibTeX key in `references.bib`."""
    where: Text | None = None
    """The section, chapter or page that grounds this concept (e.g. "§5.1")."""
    note: Text
    """What this source grounds on this page."""


class Review(Strict):
    """A recorded review of a claim against its sources."""

    state: ReviewState
    """How far the claim was checked (see the review states above)."""
    reviewer: Text
    """Who did the review: a person, named."""
    date: dt.date
    """When the review was done (YYYY-MM-DD); `cfn review` writes today's date."""
    summary: Text
    """What exactly was checked, against which section, and how."""
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    """Hash of the claim's text, support, caveat, sources and witnesses when it was reviewed."""


class Claim(Strict):
    """Something the page asserts, with what supports it and how far it was checked."""

    id: Id
    """Stable id; the claim's anchor is `#claim-<id>`."""
    text: Text
    """The claim, as the page states it (inline Markdown and `$math$`)."""
    sources: list[Text] = Field(default_factory=list)
    """BibTeX keys; each must also be listed in the concept's `sources`."""
    support: Text | None = None
    """What in the sources (or the derivation) supports the claim."""
    caveat: Text | None = None
    """Where the claim stops holding, or what it does not say."""
    witnesses: list[ObjectRef] = Field(default_factory=list)
    """Page objects that make the claim operational: `#eq-…`, `#code`, `#demo`, `#source-…`,
    `#claim-…`, `#misconception-…`."""
    check: Annotated[str, StringConstraints(pattern=r"^check_[A-Za-z0-9_]+$")] | None = None
    """Name of a `check_*` function in `witness.py` that must pass at build time."""
    review: Review | None = None
    """A review someone actually did; written by `cfn review`, never by hand."""


class Misconception(Strict):
    """A common wrong belief and its repair."""

    id: Id
    """Stable id; the anchor is `#misconception-<id>`."""
    text: Text
    """The wrong belief, stated as a learner would hold it."""
    repair: Text
    """What fixes it: the observation or argument that shows why it is wrong."""


class StoryboardFrame(Strict):
    """One frame of the mechanism storyboard: the demo drawn at an authored state."""

    state: dict[str, Any]
    """Demo control values for this frame; controls not named keep their defaults."""
    caption: Text
    """What the learner should notice in this frame."""


class InquiryOption(Strict):
    """One answer of the visual inquiry."""

    id: Id
    """Stable id, used by `answer`."""
    label: Text
    """The option as shown."""
    feedback: Text
    """Shown when the learner picks this option: why it is right or wrong."""


class Inquiry(Strict):
    """A question about the picture, answered before the page explains."""

    question: Text
    """A question about the picture, answered before the page explains."""
    options: Annotated[list[InquiryOption], Field(min_length=2)]
    """At least two options."""
    answer: Id
    """The id of the correct option."""
    explanation: Text
    """Shown after the reveal, whatever was chosen."""


class Practice(Strict):
    """One practice prompt with its hint ladder, rubric and model answer."""

    kind: PracticeKind
    """`predict`, `explain` or `transfer`."""
    prompt: Text
    """The task."""
    hints: Annotated[list[Text], Field(min_length=3, max_length=3)]
    """Exactly three hints, each more specific than the last."""
    rubric: Annotated[list[Text], Field(min_length=1)]
    """Criteria the learner ticks for their own answer."""
    model_answer: Text
    """Shown only after an attempt."""


class Research(Strict):
    """The research room's open question, with evidence and resolution criteria."""

    question: Text
    """The concept's open question for the research room."""
    evidence: Annotated[list[Text], Field(min_length=1)]
    """What to inspect to answer it."""
    resolves: Annotated[list[Text], Field(min_length=1)]
    """What would count as resolving it."""


class Bridge(Strict):
    """The conceptual bridge: what the learner carries in, works on here, and carries out."""

    carry_in: Text
    """What the learner brings from the prerequisites."""
    work_here: Text
    """What this page does with it."""
    carry_out: Text
    """What the learner takes to the next concepts."""


class ConceptFile(Strict):
    """Metadata and the learner's loop of one concept; the folder name is its id."""

    title: Title
    """Page title."""
    summary: Text
    """One sentence: the page lede and the search snippet."""
    status: Status = Status.draft
    """`published` must satisfy the whole contract (rule C001)."""
    difficulty: Annotated[int, Field(ge=1, le=5)] = 1
    """1 (gentle) to 5 (hard)."""
    importance: Importance = Importance.important
    """How central the concept is for ML."""
    math_level: MathLevel = MathLevel.undergraduate
    """The mathematical background the page assumes."""
    prerequisites: list[Id] = Field(default_factory=list)
    """Concept ids this page builds on; the graph must stay acyclic."""
    next: list[Id] = Field(default_factory=list)
    """Suggested next concepts; never a (transitive) prerequisite."""
    related: list[Id] = Field(default_factory=list)
    """Related concepts that are neither before nor after."""
    tags: list[Text] = Field(default_factory=list)
    """Free words for search."""
    bridge: Bridge | None = None
    """Carry in / work here / carry out."""
    sources: list[SourceUse] = Field(default_factory=list)
    """The works the page rests on, with what each grounds."""
    claims: list[Claim] = Field(default_factory=list)
    """The page's claims with support, caveat, witnesses and review."""
    misconceptions: list[Misconception] = Field(default_factory=list)
    """Wrong beliefs and their repairs."""
    storyboard: list[StoryboardFrame] = Field(default_factory=list)
    """Frames of the demo at authored states."""
    inquiry: Inquiry | None = None
    """The visual inquiry."""
    practice: list[Practice] = Field(default_factory=list)
    """Practice prompts: predict, explain, transfer."""
    research: Research | None = None
    """The research room's open question."""


class DomainFile(Strict):
    """One domain of the atlas; the folder name is its id."""

    title: Title
    """Domain title."""
    description: Text
    """One or two sentences shown on the home and domain pages."""
    color: Color
    """`#rrggbb`, used for the domain's swatch and graph nodes."""
    order: Annotated[int, Field(ge=0, le=10_000)]
    """Position among the domains (smaller first)."""


class CurriculumFile(Strict):
    """The atlas as a whole."""

    title: Title
    """Site title."""
    tagline: Text
    """One line under the title."""
    start_here: list[Id] = Field(default_factory=list)
    """A short path of concept ids the home page offers to a newcomer."""
