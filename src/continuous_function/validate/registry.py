"""The ordered registry of atlas rules: the checks that need the whole loaded atlas.

Each rule is one small function in `rules/`, registered with `@rule(code, name)` and documented
by its docstring. Codes emitted by other stages live in those stages' own tables
(`model/codes.py`, `markdown/problems.py`, `demo/codes.py`, `witness/codes.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from continuous_function.diagnostics import CodeTable, Diagnostic, Severity

if TYPE_CHECKING:
    from continuous_function.model.atlas import Atlas

Check = Callable[["Atlas"], Iterable[Diagnostic]]

RULES = CodeTable("validate")
CHECKS: dict[str, Check] = {}
"""Code → the function that finds it, in registration order (the order rules run in)."""
report = RULES.report


def rule(code: str, name: str, severity: Severity = Severity.error) -> Callable[[Check], Check]:
    """Register an atlas rule; its docstring is its documentation."""

    def register(fn: Check) -> Check:
        RULES.declare(code, name, fn.__doc__ or "", severity)
        CHECKS[code] = fn
        return fn

    return register
