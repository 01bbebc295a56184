"""Load a curriculum folder into an `Atlas`, collecting every problem instead of stopping.

Layout (DESIGN.md §3): `curriculum.yaml`, `references.bib`, `<domain>/domain.yaml`,
`<domain>/<concept>/{concept.yaml,page.md,witness.py,demo.py}`. Folder names are ids.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from continuous_function.diagnostics import Diagnostic, Location
from continuous_function.model.atlas import Atlas, Concept, Domain
from continuous_function.model.bib import load_bib
from continuous_function.model.codes import report
from continuous_function.model.files import inside, present, read_text
from continuous_function.model.positions import Positions
from continuous_function.model.schema import ConceptFile, CurriculumFile, DomainFile
from continuous_function.model.yamlfile import ParsedMemo, load_model
from continuous_function.pysource import parse

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load_atlas(root: Path, memo: ParsedMemo | None = None) -> tuple[Atlas | None, list[Diagnostic]]:
    """Return the atlas (None only when curriculum.yaml itself is unusable) and all problems.

    `memo` (the build cache's parsed YAML) spares re-parsing files whose text did not change."""
    root = root.resolve()
    diags: list[Diagnostic] = []
    meta_path = root / "curriculum.yaml"
    if not present(meta_path):
        return None, [
            report(
                "Y002",
                Location(meta_path),
                "missing curriculum.yaml; is "
                f"'{root}' a curriculum folder? (create it with title and tagline)",
            )
        ]
    meta, positions, found = load_model(meta_path, CurriculumFile, root, memo)
    diags += found
    references, found = load_bib(root / "references.bib", root, memo)
    diags += found
    references_loaded = not found
    domains: list[Domain] = []
    broken: set[str] = set()
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        domain, found, broken_here = _load_domain(folder, root, memo)
        diags += found
        broken |= broken_here
        if domain is not None:
            domains.append(domain)
    if meta is None:
        return None, diags
    domains.sort(key=lambda d: (d.meta.order, d.id))
    atlas = Atlas(
        root, meta, positions, tuple(domains), references, references_loaded, frozenset(broken)
    )
    return atlas, diags


def _load_domain(
    folder: Path, root: Path, memo: ParsedMemo | None
) -> tuple[Domain | None, list[Diagnostic], set[str]]:
    diags: list[Diagnostic] = []
    concept_dirs = sorted(p for p in folder.iterdir() if p.is_dir() and present(p / "concept.yaml"))
    meta_path = folder / "domain.yaml"
    if not present(meta_path):
        if concept_dirs:
            diags.append(
                report(
                    "Y002",
                    Location(meta_path),
                    f"domain folder '{folder.name}' has "
                    "concepts but no domain.yaml (title, description, color, order)",
                )
            )
        return None, diags, {p.name for p in concept_dirs}
    diags += _folder_name("domain", folder, meta_path)
    meta, positions, found = load_model(meta_path, DomainFile, root, memo)
    diags += found
    concepts: list[Concept] = []
    broken: set[str] = set()
    for cdir in concept_dirs:
        concept, found = _load_concept(folder.name, cdir, root, memo)
        diags += found
        if concept is None:
            broken.add(cdir.name)
        else:
            concepts.append(concept)
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p not in concept_dirs):
        if not sub.name.startswith((".", "_")):
            diags.append(
                report(
                    "Y002",
                    Location(sub / "concept.yaml"),
                    f"folder '{sub.name}' "
                    "has no concept.yaml; add one (cfn new) or move the folder out",
                )
            )
    if meta is None:
        return None, diags, broken | {c.id for c in concepts}
    return Domain(folder.name, meta, folder, positions, tuple(concepts)), diags, broken


def _load_concept(
    domain: str, folder: Path, root: Path, memo: ParsedMemo | None
) -> tuple[Concept | None, list[Diagnostic]]:
    """A concept with a file the build refuses to read is not loaded at all (it is reported
    and treated like one whose concept.yaml is broken), so no later stage opens that file."""
    diags: list[Diagnostic] = []
    yaml_path = folder / "concept.yaml"
    diags += _folder_name("concept", folder, yaml_path)
    meta, positions, found = load_model(yaml_path, ConceptFile, root, memo)
    diags += found
    files = {name: read_text(folder / name, root) for name in CONCEPT_FILES}
    refused = [d for read in files.values() for d in read.problems]
    refused += _links_out(folder, root)
    diags += refused
    if meta is None or refused:
        return None, diags
    return Concept(
        id=folder.name,
        domain=domain,
        meta=meta,
        folder=folder,
        positions=positions if isinstance(positions, Positions) else Positions(yaml_path),
        page_source=files["page.md"].text,
        witness_source=(source := files["witness.py"].text),
        witness_tree=parse_python(folder / "witness.py", source, memo),
        demo_present=files["demo.py"].text is not None,
    ), diags


def parse_python(
    path: Path, source: str | None, memo: ParsedMemo | None
) -> ast.Module | SyntaxError | None:
    """`source` parsed, or its syntax error (None without a source); from `memo` when this
    text was parsed before."""
    if source is None:
        return None
    text = source

    def tree() -> ast.Module | SyntaxError:
        try:
            return parse(text, str(path))
        except SyntaxError as exc:
            return exc

    found: ast.Module | SyntaxError = (
        tree() if memo is None else memo.get((str(path), text, "python"), tree)
    )
    return found


CONCEPT_FILES = ("page.md", "witness.py", "demo.py", "kernel.mjs")
"""The files of a concept folder the build reads (concept.yaml is read as YAML)."""


def _links_out(folder: Path, root: Path) -> list[Diagnostic]:
    """Any other symlink in the folder must stay inside the curriculum too: the build hashes
    every file of a concept to decide whether its page changed."""
    checked = (*CONCEPT_FILES, "concept.yaml")
    found = [
        inside(entry, root)
        for entry in sorted(folder.iterdir())
        if entry.is_symlink() and entry.name not in checked
    ]
    return [d for d in found if isinstance(d, Diagnostic)]


def _folder_name(kind: str, folder: Path, at: Path) -> list[Diagnostic]:
    """Folder names are ids (they become URLs and object keys)."""
    if ID_RE.match(folder.name):
        return []
    return [
        report(
            "Y003",
            Location(at),
            f"{kind} folder name '{folder.name}' is not a valid id; "
            "rename it to lower-case words joined by hyphens",
        )
    ]
