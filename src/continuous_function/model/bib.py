"""Parse `references.bib` with pybtex into typed references with their line numbers."""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import BibliographyData, parse_string
from pybtex.scanner import PybtexError

from continuous_function.diagnostics import Diagnostic, Location
from continuous_function.model.atlas import Reference
from continuous_function.model.codes import report
from continuous_function.model.files import read_text
from continuous_function.model.yamlfile import ParsedMemo

_ENTRY_START = re.compile(r"^\s*@\s*(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


def load_bib(
    path: Path, root: Path, memo: ParsedMemo | None = None
) -> tuple[dict[str, Reference], list[Diagnostic]]:
    """The references, from `memo` when this text was parsed before (pybtex is slow)."""
    read = read_text(path, root)
    if read.problems:
        return {}, list(read.problems)
    if read.text is None:
        return {}, [
            report(
                "Y002",
                Location(path),
                "missing references.bib (BibTeX file of every "
                "work any concept cites); create it, even if empty",
            )
        ]
    text = read.text
    if memo is None:
        return _parse(path, text)
    found: tuple[dict[str, Reference], list[Diagnostic]] = memo.get(
        (str(path), text, "bibtex"), lambda: _parse(path, text)
    )
    return found


def _parse(path: Path, text: str) -> tuple[dict[str, Reference], list[Diagnostic]]:
    lines = {m.group(2): text.count("\n", 0, m.start(1)) + 1 for m in _ENTRY_START.finditer(text)}
    try:
        data: BibliographyData = parse_string(text, "bibtex")
    except PybtexError as exc:
        line = getattr(exc, "lineno", None) or _line_of_repeat(str(exc), lines) or 1
        return {}, [report("B003", Location(path, line), f"invalid BibTeX: {exc}")]
    refs: dict[str, Reference] = {}
    for key, entry in data.entries.items():
        refs[key] = Reference(
            key=key,
            entry_type=entry.type.lower(),
            fields={k.lower(): str(v) for k, v in entry.fields.items()},
            authors=tuple(str(p) for p in entry.persons.get("author", [])),
            editors=tuple(str(p) for p in entry.persons.get("editor", [])),
            location=Location(path, lines.get(key, 1)),
        )
    return refs, []


def _line_of_repeat(message: str, lines: dict[str, int]) -> int | None:
    match = re.search(r"repeated bibliography entry: (\S+)", message)
    if not match:
        return None
    key = match.group(1)
    starts = [m for m in lines if m == key]
    return lines[starts[0]] if starts else None
