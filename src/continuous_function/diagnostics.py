"""Diagnostics: one shape for every problem any stage finds in content.

The bottom layer of the package: every stage (model, markdown, demo, witness, validate) reports
with it and imports nothing above it. Every problem carries the file, line and column a person
must open, a stable code they can look up in docs/rules.md, and a message that names the bad
value and the fix. Each stage declares its own codes in its own `CodeTable`;
`validate/docs.py` gathers the tables into docs/rules.md.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Location:
    path: Path
    line: int = 1
    col: int = 1

    def display(self) -> str:
        try:
            shown = os.path.relpath(self.path)
        except ValueError:  # another drive on Windows
            shown = str(self.path)
        if shown.startswith(".."):
            shown = str(self.path)
        return f"{shown}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None

    def format(self) -> str:
        """One line a terminal shows as written: control characters in any part (a witness's
        exception text, a file name) are escaped, so none can clear the screen or forge a line."""
        hint = f" ({self.hint})" if self.hint else ""
        return printable(f"{self.location.display()}: {self.code} {self.message}{hint}")

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["location"] = {
            "path": str(self.location.path),
            "line": self.location.line,
            "col": self.location.col,
        }
        data["severity"] = str(self.severity)
        return data


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (newline, ESC, …), line separators and bidirectional overrides."""


def printable(text: str) -> str:
    """`text` with each control character written as its Python escape (`\\n`, `\\x1b`)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Code:
    """A stable code (never reused for another problem), its name, severity and documentation."""

    code: str
    name: str
    severity: Severity
    doc: str

    def at(self, location: Location, message: str, hint: str | None = None) -> Diagnostic:
        return Diagnostic(self.code, self.severity, message, location, hint)


class CodeTable:
    """The codes one stage emits, in declaration order.

    A stage owns its table so that the code, its documentation and the place that emits it live
    together; the tables are only gathered for docs/rules.md (and a test that no code is declared
    by two stages)."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self._codes: dict[str, Code] = {}

    def declare(self, code: str, name: str, doc: str, severity: Severity = Severity.error) -> Code:
        if code in self._codes:
            raise ValueError(f"code {code} declared twice in {self.stage}")
        self._codes[code] = Code(code, name, severity, " ".join(doc.split()))
        return self._codes[code]

    def report(
        self, code: str, location: Location, message: str, hint: str | None = None
    ) -> Diagnostic:
        return self._codes[code].at(location, message, hint)

    def __getitem__(self, code: str) -> Code:
        return self._codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[Code]:
        return iter(self._codes.values())


class CfnError(Exception):
    """A problem the person running `cfn` can fix (content, arguments, a missing tool).

    The CLI prints it without a traceback and exits 1, in one place (`cli._CfnGroup`); anything
    else is a programming error and keeps its traceback."""

    def lines(self) -> list[str]:
        return [f"error: {self}"]


class ContentError(CfnError):
    """Content is wrong; the CLI prints the diagnostics and exits 1, never a traceback."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in content")

    def lines(self) -> list[str]:
        diags = list(self.diagnostics)
        return [d.format() for d in diags] + [summary(diags)]


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (str(d.location.path), d.location.line, d.location.col, d.code)


def errors(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diags if d.severity is Severity.error]


def summary(diags: list[Diagnostic]) -> str:
    n_err = len(errors(diags))
    n_warn = len(diags) - n_err
    if not diags:
        return "No problems found."
    return f"{n_err} error(s), {n_warn} warning(s)."


def to_json(diags: list[Diagnostic]) -> str:
    return json.dumps(
        {"diagnostics": [d.as_json() for d in diags], "summary": summary(diags)},
        indent=2,
        sort_keys=True,
    )
