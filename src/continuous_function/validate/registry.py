"""The named, ordered registry of rule codes.

Every code any stage emits is declared here once, with its name, severity and documentation, so
that docs/rules.md can be generated from it and a test can prove no code goes undocumented.
Rules that inspect the loaded atlas also register their check function; codes emitted by other
stages (YAML loading, markdown, demos, witnesses) are declared without one.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from continuous_function.validate.diagnostics import Diagnostic, Location, Severity

if TYPE_CHECKING:
    from continuous_function.model.atlas import Atlas

Check = Callable[["Atlas"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Check | None = None

    def at(self, location: Location, message: str, hint: str | None = None) -> Diagnostic:
        return Diagnostic(self.code, self.severity, message, location, hint)


RULES: dict[str, Rule] = {}


def declare(code: str, name: str, doc: str, severity: Severity = Severity.error) -> Rule:
    if code in RULES:
        raise ValueError(f"rule code {code} declared twice")
    RULES[code] = Rule(code, name, severity, " ".join(doc.split()))
    return RULES[code]


def rule(code: str, name: str, severity: Severity = Severity.error) -> Callable[[Check], Check]:
    """Register an atlas rule; its docstring is its documentation."""

    def register(fn: Check) -> Check:
        declare(code, name, fn.__doc__ or "", severity)
        RULES[code] = Rule(code, name, severity, RULES[code].doc, fn)
        return fn

    return register


def report(code: str, location: Location, message: str, hint: str | None = None) -> Diagnostic:
    return RULES[code].at(location, message, hint)


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
