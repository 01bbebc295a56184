"""Run every registered atlas rule in registry order."""

from __future__ import annotations

from continuous_function.diagnostics import Diagnostic
from continuous_function.model.atlas import Atlas
from continuous_function.validate import rules as _rules  # noqa: F401  (registers the rules)
from continuous_function.validate.registry import CHECKS


def validate(atlas: Atlas) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in CHECKS.values():
        found.extend(check(atlas))
    return found
