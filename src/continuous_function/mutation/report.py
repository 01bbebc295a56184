"""What mutation analysis found for one witness, as frozen JSON-able models (they are cached)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mutant(_Frozen):
    line: int
    """Line in witness.py of the mutated code (not of the mutant's rewritten source)."""
    col: int
    description: str
    checks: tuple[str, ...]
    """The checks whose reached code contains this mutation (the ones rerun against it)."""
    killed_by: tuple[str, ...]
    """Those of `checks` whose assertions failed with the mutation in place."""
    crashed: tuple[str, ...] = ()
    """Those of `checks` that raised something other than an AssertionError, or did not finish:
    the mutation broke the code, which says nothing about what the check asserts."""
    status: str
    """How the mutated witness ended (`ok`, `error`, `timeout`, …)."""


class CheckScore(_Frozen):
    name: str
    line: int
    """The line of the check's `def` in witness.py."""
    mutants: int
    killed: int
    crashed: int = 0
    survivors: tuple[str, ...] = ()
    """`line: description` of up to a few mutants the check did not notice."""

    @property
    def can_fail(self) -> bool:
        """Proven by at least one mutation of the code it reaches that made an assertion fail."""
        return self.killed > 0

    @property
    def score(self) -> float | None:
        """The share of the mutants that ran to the end which its assertions noticed."""
        ran = self.mutants - self.crashed
        return self.killed / ran if ran else None


class MutationReport(_Frozen):
    key: str
    checks: tuple[CheckScore, ...]
    """One per check that passed unmutated (a failing check has nothing to prove)."""
    mutants: tuple[Mutant, ...]
    pruned: bool
    """Whether mutants ran the pruned module (definitions and checks only) or the whole witness."""
    note: str = ""
    """Why nothing was analysed (the witness failed, it does not parse), when that happened."""

    def check(self, name: str) -> CheckScore | None:
        return next((c for c in self.checks if c.name == name), None)

    @property
    def killed(self) -> int:
        return sum(bool(m.killed_by) for m in self.mutants)

    @property
    def ran(self) -> int:
        """Mutants that some check ran to the end with (the others only broke the code)."""
        return sum(len(m.crashed) < len(m.checks) for m in self.mutants)

    @property
    def score(self) -> float | None:
        """The share of the mutants that ran to the end which some check's assertions noticed."""
        return self.killed / self.ran if self.ran else None


def can_fail(report: MutationReport | None, check: str | None) -> bool | None:
    """Whether mutation analysis proved `check` able to fail; None when it was not analysed."""
    score = report.check(check) if report is not None and check else None
    return score.can_fail if score is not None else None
