"""The loaded atlas: every file of the curriculum as typed, immutable objects.

This is the single source of truth for every later stage. Each object keeps the `Positions` of
the YAML it came from, so any rule can point at the exact line that is wrong.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from continuous_function.diagnostics import Location
from continuous_function.model.positions import Positions, YamlPath
from continuous_function.model.schema import ConceptFile, CurriculumFile, DomainFile


@dataclass(frozen=True)
class Reference:
    """One BibTeX entry, reduced to what pages show and rules check."""

    key: str
    entry_type: str
    fields: Mapping[str, str]
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    location: Location

    @property
    def title(self) -> str:
        return self.fields.get("title", "").replace("{", "").replace("}", "")

    @property
    def year(self) -> str:
        return self.fields.get("year", "")

    @property
    def venue(self) -> str:
        for name in ("journal", "booktitle", "publisher", "school", "institution", "howpublished"):
            if name in self.fields:
                return self.fields[name].replace("{", "").replace("}", "")
        return ""

    @property
    def link(self) -> str | None:
        if "url" in self.fields:
            return self.fields["url"]
        if "doi" in self.fields:
            return f"https://doi.org/{self.fields['doi']}"
        if self.fields.get("archiveprefix", "").lower() == "arxiv" and "eprint" in self.fields:
            return f"https://arxiv.org/abs/{self.fields['eprint']}"
        return None


@dataclass(frozen=True)
class Concept:
    id: str
    domain: str
    meta: ConceptFile
    folder: Path
    positions: Positions
    page_source: str | None = None
    witness_source: str | None = None
    witness_tree: ast.Module | SyntaxError | None = None
    """witness.py parsed by the loader (several rules and the execute stage ask); None when
    there is no witness.py. Shared between loads of the same text: never mutate it."""
    demo_present: bool = False

    @property
    def key(self) -> str:
        """`<domain>/<concept>`: the part of every object key that names this concept."""
        return f"{self.domain}/{self.id}"

    @property
    def yaml_path(self) -> Path:
        return self.folder / "concept.yaml"

    @property
    def page_path(self) -> Path:
        return self.folder / "page.md"

    @property
    def witness_path(self) -> Path:
        return self.folder / "witness.py"

    @property
    def demo_path(self) -> Path:
        return self.folder / "demo.py"

    @property
    def witness_functions(self) -> set[str] | None:
        """Names of top-level functions in witness.py (None when missing or it does not parse)."""
        tree = self.witness_tree
        if not isinstance(tree, ast.Module):
            return None
        return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}

    def loc(self, *path: str | int, key: bool = False) -> Location:
        yaml_path: YamlPath = path
        return self.positions.of(yaml_path, key=key)


@dataclass(frozen=True)
class Domain:
    id: str
    meta: DomainFile
    folder: Path
    positions: Positions
    concepts: tuple[Concept, ...] = ()


@dataclass(frozen=True)
class Atlas:
    root: Path
    meta: CurriculumFile
    positions: Positions
    domains: tuple[Domain, ...]
    references: Mapping[str, Reference] = field(default_factory=dict)
    references_loaded: bool = True
    """False when references.bib failed to parse: rules then skip dangling-key checks."""
    broken_concepts: frozenset[str] = frozenset()
    """Ids of concept folders whose concept.yaml failed to load; rules treat them as existing so
    one broken file does not cascade into dangling-reference errors everywhere."""

    @property
    def bib_path(self) -> Path:
        return self.root / "references.bib"

    def concepts(self) -> Iterator[Concept]:
        for domain in self.domains:
            yield from domain.concepts

    def concept(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    @cached_property
    def _by_id(self) -> dict[str, Concept]:
        """First concept with each id (duplicates are rule R001's business)."""
        found: dict[str, Concept] = {}
        for concept in self.concepts():
            found.setdefault(concept.id, concept)
        return found

    def concept_ids(self) -> set[str]:
        return {c.id for c in self.concepts()} | set(self.broken_concepts)

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)
