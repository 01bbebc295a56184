"""Run every registered atlas rule in registry order."""

from __future__ import annotations

from continuous_function.model.atlas import Atlas
from continuous_function.validate import codes as _codes  # noqa: F401
from continuous_function.validate import rules as _rules  # noqa: F401
from continuous_function.validate.diagnostics import Diagnostic
from continuous_function.validate.registry import RULES


def validate(atlas: Atlas) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in RULES.values():
        if rule.check is not None:
            found.extend(rule.check(atlas))
    return found
