"""Every cited work exists in references.bib and is cited completely."""

from __future__ import annotations

import re
from collections.abc import Iterator

from continuous_function.diagnostics import Diagnostic, Severity, did_you_mean
from continuous_function.model.atlas import Atlas
from continuous_function.validate.registry import report, rule

REQUIRED_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal",), ("year",)),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year",)),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year",)),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), ("year",)),
    "phdthesis": (("author",), ("title",), ("school",), ("year",)),
    "techreport": (("author",), ("title",), ("institution",), ("year",)),
    "misc": (("author", "editor"), ("title",), ("year",)),
    "online": (("author", "editor"), ("title",), ("year",), ("url",)),
}
URL_RE = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
ARXIV_RE = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$|^[a-z-]+(\.[A-Z]{2})?/\d{7}$")


@rule("B001", "unknown-bib-key")
def unknown_bib_keys(atlas: Atlas) -> Iterator[Diagnostic]:
    """A concept's `sources[].ref` is not a key of references.bib."""
    if not atlas.references_loaded:
        return
    for concept in atlas.concepts():
        for i, source in enumerate(concept.meta.sources):
            if source.ref not in atlas.references:
                yield report(
                    "B001",
                    concept.loc("sources", i, "ref"),
                    f"no entry '{source.ref}' in references.bib",
                    did_you_mean(source.ref, atlas.references),
                )


@rule("B002", "claim-source-not-listed")
def claim_sources_listed(atlas: Atlas) -> Iterator[Diagnostic]:
    """A claim cites a work that is not in the concept's own `sources` list, so the page would
    show support without saying what that source grounds."""
    for concept in atlas.concepts():
        listed = {s.ref for s in concept.meta.sources}
        for ci, claim in enumerate(concept.meta.claims):
            for si, ref in enumerate(claim.sources):
                if ref not in listed:
                    yield report(
                        "B002",
                        concept.loc("claims", ci, "sources", si),
                        f"claim '{claim.id}' cites '{ref}', which is not in this concept's sources",
                        did_you_mean(ref, listed)
                        or "add it to sources with a note on what it grounds",
                    )


@rule("B004", "bib-missing-field")
def bib_required_fields(atlas: Atlas) -> Iterator[Diagnostic]:
    """A BibTeX entry lacks a field its type requires (e.g. a book without publisher), or has an
    entry type the site cannot format."""
    for ref in atlas.references.values():
        required = REQUIRED_FIELDS.get(ref.entry_type)
        if required is None:
            yield report(
                "B004",
                ref.location,
                f"'{ref.key}': entry type @{ref.entry_type} is not supported",
                f"use one of {', '.join('@' + t for t in REQUIRED_FIELDS)}",
            )
            continue
        people = {"author": ref.authors, "editor": ref.editors}
        for options in required:
            if not any(people.get(f) or ref.fields.get(f) for f in options):
                yield report(
                    "B004",
                    ref.location,
                    f"'{ref.key}' (@{ref.entry_type}) has no {' or '.join(options)}",
                )


@rule("B005", "bib-bad-value")
def bib_values(atlas: Atlas) -> Iterator[Diagnostic]:
    """A BibTeX year, url, doi or arXiv eprint is malformed (years must be 1600–2100; doi is the
    bare `10.xxxx/...` form, not a URL)."""
    for ref in atlas.references.values():
        f = ref.fields
        year = f.get("year", "")
        if year and not (year.isdigit() and 1600 <= int(year) <= 2100):
            yield report("B005", ref.location, f"'{ref.key}': year '{year}' is not a year")
        if "url" in f and not URL_RE.match(f["url"]):
            yield report("B005", ref.location, f"'{ref.key}': url '{f['url']}' is not http(s)")
        if "doi" in f and not DOI_RE.match(f["doi"]):
            yield report(
                "B005",
                ref.location,
                f"'{ref.key}': doi '{f['doi']}' is not of the form 10.xxxx/…",
                "drop any https://doi.org/ prefix",
            )
        if f.get("archiveprefix", "").lower() == "arxiv" and not ARXIV_RE.match(
            f.get("eprint", "")
        ):
            yield report(
                "B005",
                ref.location,
                f"'{ref.key}': arXiv eprint "
                f"'{f.get('eprint', '')}' is not an arXiv id like 1412.6980",
            )


@rule("B006", "unused-reference", Severity.warning)
def unused_references(atlas: Atlas) -> Iterator[Diagnostic]:
    """A references.bib entry no concept cites (harmless, but usually a typo elsewhere)."""
    if atlas.broken_concepts:
        return  # a concept that failed to load may be the one citing it
    cited = {s.ref for c in atlas.concepts() for s in c.meta.sources}
    for ref in atlas.references.values():
        if ref.key not in cited:
            yield report("B006", ref.location, f"'{ref.key}' is not cited by any concept")
