"""The deep stage (`cfn check --deep`): mutation reports for every witness, and W004 for each
check that cannot fail, at the line of its `def` in witness.py."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from continuous_function.diagnostics import Diagnostic, Location, Severity
from continuous_function.execute import witness_jobs
from continuous_function.model.atlas import Atlas, Concept
from continuous_function.model.schema import Status
from continuous_function.mutation.analyse import analyse
from continuous_function.mutation.codes import report
from continuous_function.mutation.report import CheckScore, MutationReport
from continuous_function.witness import WitnessResult


def deep_check(
    atlas: Atlas, witnesses: dict[str, WitnessResult], cache_dir: Path
) -> tuple[dict[str, MutationReport], list[Diagnostic]]:
    reports = analyse(witness_jobs(atlas), witnesses, cache_dir)
    diags = []
    for concept in atlas.concepts():
        found = reports.get(concept.key)
        if found is not None:
            diags += [cannot_fail(concept, s) for s in found.checks if not s.can_fail]
    return reports, diags


def cannot_fail(concept: Concept, score: CheckScore) -> Diagnostic:
    if score.mutants:
        example = f" (e.g. line {score.survivors[0]})" if score.survivors else ""
        every = "the 1 mutation" if score.mutants == 1 else f"all {score.mutants} mutations"
        why = f"it passed under {every} of the code it reaches{example}"
    else:
        why = "it reaches no code of the witness to mutate, so it tests only its own values"
    diag = report(
        "W004",
        Location(concept.witness_path, score.line),
        f"{score.name} cannot fail: {why}",
        "assert the claimed values of what the witness computes",
    )
    backs_claim = any(c.check == score.name for c in concept.meta.claims)
    if backs_claim and concept.meta.status is Status.published:
        diag = dataclasses.replace(diag, severity=Severity.error)
    return diag


def result_lines(root: Path, reports: dict[str, MutationReport]) -> list[str]:
    """One line per analysed check, `path:line: name: … killed k of n`, for `cfn check --deep`."""
    lines = []
    for key, found in reports.items():
        witness = root / key / "witness.py"
        if found.note:
            lines.append(f"{Location(witness).display()}: not analysed: {found.note}")
        for s in found.checks:
            score = f"{s.score:.0%}" if s.score is not None else "–"
            verdict = "can fail" if s.can_fail else "CANNOT FAIL"
            lines.append(
                f"{Location(witness, s.line).display()}: {s.name}: {verdict}, killed {s.killed}"
                f" of {s.mutants} mutants ({s.crashed} only crashed it; score {score})"
            )
    return lines
