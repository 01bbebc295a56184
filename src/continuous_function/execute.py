"""The execute stage: run every concept's witness.py (cached) and turn failures into diagnostics.

Witnesses run in the sandboxed worker of `continuous_function.witness`; this module only decides
what to run and what a failure means for the author (file:line in witness.py, and the claim
whose check failed).
"""

from __future__ import annotations

from pathlib import Path

from continuous_function.diagnostics import Diagnostic, Location
from continuous_function.model.atlas import Atlas, Concept
from continuous_function.witness import WitnessJob, WitnessResult, run_witnesses
from continuous_function.witness.codes import report

DEFAULT_TIMEOUT = 10.0


def witness_jobs(atlas: Atlas, timeout: float = DEFAULT_TIMEOUT) -> list[WitnessJob]:
    jobs = []
    for concept in atlas.concepts():
        functions = concept.witness_functions
        if functions is None:
            continue  # missing, or a syntax error that rule O004 reports
        # every check_* runs: claimed ones back claims, the others still assert what the page says
        named = [c.check for c in concept.meta.claims if c.check in functions]
        rest = sorted(f for f in functions if f.startswith("check_"))
        checks = tuple(dict.fromkeys(name for name in [*named, *rest] if name))
        jobs.append(
            WitnessJob(
                key=concept.key,
                path=concept.witness_path.relative_to(atlas.root),
                source=concept.witness_source or "",
                checks=checks,
                timeout=timeout,
            )
        )
    return jobs


def execute(
    atlas: Atlas,
    cache_dir: Path,
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[dict[str, WitnessResult], list[Diagnostic]]:
    jobs = witness_jobs(atlas, timeout)
    results = run_witnesses(jobs, cache_dir) if jobs else {}
    diags: list[Diagnostic] = []
    for concept in atlas.concepts():
        result = results.get(concept.key)
        if result is not None:
            diags += witness_diagnostics(concept, result)
    return results, diags


def witness_diagnostics(concept: Concept, result: WitnessResult) -> list[Diagnostic]:
    if result.status != "ok":
        err = result.error
        line = err.line if err and err.line else 1
        what = f"{err.type}: {err.message}" if err else result.status
        code = "W001" if result.status == "error" else "W003"
        return [
            report(code, Location(concept.witness_path, line), f"witness {result.status}: {what}")
        ]
    diags = []
    claimed = {c.check for c in concept.meta.claims}
    for check in result.checks:
        if not check.passed and check.name not in claimed:
            diags.append(
                report(
                    "W002",
                    Location(concept.witness_path, check.line or 1),
                    f"{check.name} failed: {check.message or 'assertion failed'}",
                )
            )
    for ci, claim in enumerate(concept.meta.claims):
        backing = result.check(claim.check) if claim.check else None
        if backing is not None and not backing.passed:
            where = f" (witness.py:{backing.line})" if backing.line else ""
            diags.append(
                report(
                    "W002",
                    concept.loc("claims", ci, "check"),
                    f"claim '{claim.id}': {claim.check} failed{where}: "
                    f"{backing.message or 'assertion failed'}",
                )
            )
    return diags
