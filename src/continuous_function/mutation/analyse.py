"""Run every mutant of every witness through the warm worker and score each check.

A check is proven able to fail when at least one mutation of the code it reaches makes one of its
assertions fail. A mutant that makes the check raise something else (a TypeError from a negated
object) or hang only broke the code: that proves nothing about what the check asserts, so each
check runs behind a guard that reports such a crash as `MutantCrashed`. Mutants run the pruned
module when it passes the same checks as the whole witness (faster: no top-level tables or
figures), and the whole witness otherwise. Each mutant reruns only the checks whose code it changed.

Reports are cached per witness, keyed by the witness's own cache key and this package's code,
so a second `cfn check --deep` with nothing changed runs nothing.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from continuous_function.mutation.operators import Site, sites
from continuous_function.mutation.reach import Reach, reach
from continuous_function.mutation.report import CheckScore, Mutant, MutationReport
from continuous_function.witness import WitnessJob, WitnessResult, WitnessWorker, cache_key

log = logging.getLogger(__name__)

SURVIVORS_SHOWN = 5
MIN_TIMEOUT_S = 2.0
TIMEOUT_FACTOR = 10.0
"""A mutant may take this many times as long as the unmutated run before it counts as a hang:
generous, because on a loaded machine run times vary several-fold and a hang proves nothing."""
CRASHED = "MutantCrashed"
_GUARD = f"""

class {CRASHED}(Exception):
    pass


def _mutation_guard(check):
    def guarded():
        try:
            return check()
        except AssertionError:
            raise
        except BaseException as exc:
            raise {CRASHED}(type(exc).__name__) from None
    return guarded
"""


@dataclass
class _Plan:
    job: WitnessJob
    reach: Reach
    checks: tuple[str, ...]
    """The job's checks that passed unmutated: the only ones with something to prove."""
    sites: list[tuple[Site, tuple[str, ...]]]
    """Each mutation with the checks whose reached code it changes."""
    pruned: bool = True


def analyse(
    jobs: Iterable[WitnessJob],
    baselines: dict[str, WitnessResult],
    cache_dir: Path,
    *,
    worker: WitnessWorker | None = None,
    workers: int = 2,
) -> dict[str, MutationReport]:
    """Reports by job key. `baselines` are the unmutated results (the build's witness run)."""
    reports: dict[str, MutationReport] = {}
    plans: list[_Plan] = []
    for job in jobs:
        baseline = baselines.get(job.key)
        cached = _load(cache_dir, job)
        if cached is not None:
            reports[job.key] = cached
        elif baseline is None or baseline.status != "ok":
            reports[job.key] = MutationReport(
                key=job.key, checks=(), mutants=(), pruned=False, note="the witness did not run"
            )
        else:
            plans.append(_plan(job, baseline))
    if plans:
        own = worker is None
        active = worker or WitnessWorker(workers=workers)
        try:
            for plan, report in zip(plans, _run(plans, active), strict=True):
                _store(cache_dir, plan.job, report)
                reports[plan.job.key] = report
        finally:
            if own:
                active.close()
    return reports


def _plan(job: WitnessJob, baseline: WitnessResult) -> _Plan:
    passing = tuple(c.name for c in baseline.checks if c.passed and c.name in job.checks)
    tree = reach(job.source, str(job.path), passing)
    return _Plan(job, tree, passing, _sites(tree, passing))


def _sites(tree: Reach, checks: tuple[str, ...]) -> list[tuple[Site, tuple[str, ...]]]:
    statements = sorted(set().union(*tree.reached.values())) if tree.reached else []
    planned = []
    for index in statements:
        owners = tuple(c for c in checks if index in tree.reached[c])
        planned += [(site, owners) for site in sites([tree.tree.body[index]])]
    return planned


def _run(plans: list[_Plan], worker: WitnessWorker) -> list[MutationReport]:
    pruned_jobs = {
        p.job.key: p.job.model_copy(
            update={
                "key": f"{p.job.key}#pruned",
                "source": _guarded(p.reach.pruned(), p.checks),
                "checks": p.checks,
            }
        )
        for p in plans
        if p.checks
    }
    pruned = {r.key.removesuffix("#pruned"): r for r in worker.run(list(pruned_jobs.values()))}
    mutant_jobs: list[WitnessJob] = []
    for plan in plans:
        trial = pruned.get(plan.job.key)
        plan.pruned = trial is not None and trial.passed
        if not plan.pruned:  # the checks need top-level code the reach analysis cannot see
            plan.reach = plan.reach.whole()
            plan.sites = _sites(plan.reach, plan.checks)
        module = plan.reach.pruned() if plan.pruned else plan.reach.tree
        spent = trial.duration_s if trial is not None and plan.pruned else plan.job.timeout
        timeout = min(plan.job.timeout, max(MIN_TIMEOUT_S, TIMEOUT_FACTOR * spent))
        for n, (site, owners) in enumerate(plan.sites):
            undo = site.apply()
            try:
                source = _guarded(module, owners)
            finally:
                undo()
            mutant_jobs.append(
                plan.job.model_copy(
                    update={
                        "key": f"{plan.job.key}#m{n}",
                        "source": source,
                        "checks": owners,
                        "timeout": timeout,
                    }
                )
            )
    results = {r.key: r for r in worker.run(mutant_jobs)} if mutant_jobs else {}
    return [_report(plan, results) for plan in plans]


def _guarded(module: ast.Module, checks: tuple[str, ...]) -> str:
    wraps = "".join(f"{name} = _mutation_guard({name})\n" for name in checks)
    return ast.unparse(module) + _GUARD + wraps


def _report(plan: _Plan, results: dict[str, WitnessResult]) -> MutationReport:
    mutants = []
    for n, (site, owners) in enumerate(plan.sites):
        result = results[f"{plan.job.key}#m{n}"]
        outcomes = {c: _outcome(result, c) for c in owners}
        mutants.append(
            Mutant(
                line=site.line,
                col=site.col,
                description=site.description,
                checks=owners,
                killed_by=tuple(c for c in owners if outcomes[c] == "killed"),
                crashed=tuple(c for c in owners if outcomes[c] == "crashed"),
                status=result.status,
            )
        )
    scores = []
    for check in plan.checks:
        mine = [m for m in mutants if check in m.checks]
        survivors = [
            f"{m.line}: {m.description}"
            for m in mine
            if check not in m.killed_by and check not in m.crashed
        ]
        scores.append(
            CheckScore(
                name=check,
                line=plan.reach.check_lines.get(check, 1),
                mutants=len(mine),
                killed=sum(check in m.killed_by for m in mine),
                crashed=sum(check in m.crashed for m in mine),
                survivors=tuple(survivors[:SURVIVORS_SHOWN]),
            )
        )
    return MutationReport(
        key=plan.job.key, checks=tuple(scores), mutants=tuple(mutants), pruned=plan.pruned
    )


def _outcome(result: WitnessResult, check: str) -> str:
    """`killed` (an assertion failed), `crashed` (it raised or hung) or `survived`."""
    if result.status != "ok":
        return "crashed"
    found = result.check(check)
    if found is None or found.passed:
        return "survived"
    return "crashed" if found.message.startswith(f"{CRASHED}:") else "killed"


PRODUCERS = ("operators.py", "reach.py", "analyse.py", "report.py")
"""The modules whose code decides what a report says; a change to any of them re-runs all."""


@functools.cache
def _package_digest() -> str:
    digest = hashlib.sha256()
    for name in PRODUCERS:
        digest.update(name.encode() + b"\0" + (Path(__file__).parent / name).read_bytes() + b"\0")
    return digest.hexdigest()


def _entry(cache_dir: Path, job: WitnessJob) -> Path:
    key = hashlib.sha256(f"{cache_key(job)}:{_package_digest()}".encode()).hexdigest()
    return cache_dir / "mutation" / f"{key}.json"


def _load(cache_dir: Path, job: WitnessJob) -> MutationReport | None:
    try:
        report = MutationReport.model_validate_json(_entry(cache_dir, job).read_bytes())
    except (OSError, ValidationError, ValueError):
        return None
    return report.model_copy(update={"key": job.key})


def _store(cache_dir: Path, job: WitnessJob, report: MutationReport) -> None:
    """Written atomically; a cache that cannot be written only costs time."""
    path = _entry(cache_dir, job)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(report.model_dump_json())
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("mutation report not cached (%s): %s", path, exc)
