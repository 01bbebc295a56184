"""What rendering a page.md produces: HTML per section plus the objects the site links to.

Frozen so that later stages (site, search, validation) can share one instance without copying.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from continuous_function.markdown.problems import Problem

EmbedKind = Literal["witness", "demo"]

SECTION_IDS: dict[str, str] = {
    "Intuition": "intuition",
    "Math": "math",
    "Code": "code",
    "Interactive Demo": "demo",
}
"""The learning contract's sections, title → anchor id, in their required order."""


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    """``intuition``, ``math``, ``code`` or ``demo``; also the anchor and object ref (`#code`)."""
    title: str
    html: str
    """Sanitized body HTML; the `##` heading itself is not included (the template owns it)."""
    line: int
    """1-based line of the `##` heading."""


@dataclass(frozen=True, slots=True)
class Equation:
    label: str
    """The anchor id, e.g. ``eq-derivative``."""
    number: int
    """1, 2, … in order of appearance; what `[](#eq-…)` displays."""
    line: int
    tex: str


@dataclass(frozen=True, slots=True)
class Embed:
    """A placeholder the site fills (witness code and output, or the demo's first frame)."""

    kind: EmbedKind
    region: str | None
    """The witness region named in `[[witness:<region>]]`; None for the whole file or a demo."""
    line: int
    section: str | None
    """Id of the section holding the embed (None if it sits outside the four sections)."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A `###`-or-deeper heading, for the page's table of contents and deep links."""

    id: str
    title: str
    level: int
    line: int
    section: str | None


@dataclass(frozen=True, slots=True)
class RenderedPage:
    sections: tuple[Section, ...]
    """The known sections that are present, in document order."""
    equations: tuple[Equation, ...]
    embeds: tuple[Embed, ...]
    problems: tuple[Problem, ...]
    """Sorted by position; empty when the page satisfies the contract."""
    plain_text: str
    """Prose without markup (inline math kept as TeX; display math and code left out)."""
    headings: tuple[Heading, ...]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
