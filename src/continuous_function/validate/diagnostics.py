"""Diagnostics: one shape for every problem any stage finds in content.

Every problem carries the file, line and column a person must open, a stable code they can look
up in docs/rules.md, and a message that names the bad value and the fix.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
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
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.location.display()}: {self.code} {self.message}{hint}"

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["location"] = {
            "path": str(self.location.path),
            "line": self.location.line,
            "col": self.location.col,
        }
        data["severity"] = str(self.severity)
        return data


class ContentError(Exception):
    """Content is wrong; the CLI prints the diagnostics and exits 1, never a traceback."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in content")


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
