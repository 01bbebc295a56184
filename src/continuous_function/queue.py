"""`cfn claims`: the claims that still need work, most urgent first.

Urgency: published pages before review before draft, critical concepts before supplementary,
then failing checks and stale reviews before merely unreviewed claims.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from continuous_function.claims import claim_status
from continuous_function.model.atlas import Atlas
from continuous_function.model.schema import Importance, ReviewState, Status
from continuous_function.mutation import MutationReport, can_fail
from continuous_function.witness import WitnessResult

STATUS_RANK = {Status.published: 0, Status.review: 1, Status.draft: 2}
IMPORTANCE_RANK = {i: n for n, i in enumerate(Importance)}
ISSUE_WEIGHT = {
    "check failing": 0,
    "check cannot fail": 0,
    "stale review": 1,
    "no sources": 2,
    "unreviewed": 3,
    "no support": 4,
    "no caveat": 4,
    "no witnesses": 5,
    "no check": 6,
}


@dataclass(frozen=True)
class QueueItem:
    concept: str
    claim: str
    status: str
    importance: str
    review: str
    issues: tuple[str, ...]
    text: str


def claim_queue(
    atlas: Atlas,
    witnesses: dict[str, WitnessResult],
    mutations: dict[str, MutationReport] | None = None,
) -> list[QueueItem]:
    """`mutations` (from `cfn claims --deep`) adds "check cannot fail" where it applies."""
    items = []
    for concept in atlas.concepts():
        result = witnesses.get(concept.key)
        mutation = (mutations or {}).get(concept.key)
        for claim in concept.meta.claims:
            check = result.check(claim.check) if result and claim.check else None
            passed = (
                bool(check and check.passed and result and result.status == "ok")
                if claim.check
                else None
            )
            status = claim_status(claim, passed, can_fail(mutation, claim.check))
            issues = []
            if status.verified is False:
                issues.append("check failing")
            if status.unproven:
                issues.append("check cannot fail")
            if status.stale:
                issues.append("stale review")
            elif status.state is ReviewState.source_linked:
                issues.append("unreviewed")
            issues += [
                f"no {name}"
                for name in ("sources", "support", "caveat", "witnesses")
                if not getattr(claim, name)
            ]
            if not claim.check:
                issues.append("no check")
            if not issues:
                continue
            issues.sort(key=ISSUE_WEIGHT.__getitem__)
            items.append(
                QueueItem(
                    concept.key,
                    claim.id,
                    concept.meta.status.value,
                    concept.meta.importance.value,
                    status.label,
                    tuple(issues),
                    " ".join(claim.text.split()),
                )
            )

    def rank(item: QueueItem) -> tuple[int, int, int, str, str]:
        return (
            STATUS_RANK[Status(item.status)],
            IMPORTANCE_RANK[Importance(item.importance)],
            ISSUE_WEIGHT[item.issues[0]],
            item.concept,
            item.claim,
        )

    return sorted(items, key=rank)


def as_dicts(items: list[QueueItem]) -> list[dict[str, object]]:
    return [asdict(i) | {"issues": list(i.issues)} for i in items]


def as_markdown(items: list[QueueItem]) -> str:
    lines = [
        "| concept | claim | page | importance | review | needs |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {i.concept} | {i.claim} | {i.status} | {i.importance} | {i.review} | "
        f"{', '.join(i.issues)} |"
        for i in items
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ConceptScore:
    """A concept's mutation score: the share of its witness's mutants that ran to the end which
    some check's assertions noticed (the others only crashed or hung the code)."""

    concept: str
    status: str
    killed: int
    ran: int
    mutants: int
    cannot_fail: tuple[str, ...]
    """Checks that passed under every mutation of the code they reach."""

    @property
    def score(self) -> str:
        return f"{self.killed / self.ran:.0%}" if self.ran else "–"


def mutation_scores(atlas: Atlas, mutations: dict[str, MutationReport]) -> list[ConceptScore]:
    rows = []
    for concept in atlas.concepts():
        report = mutations.get(concept.key)
        if report is None:
            continue
        rows.append(
            ConceptScore(
                concept.key,
                concept.meta.status.value,
                report.killed,
                report.ran,
                len(report.mutants),
                tuple(c.name for c in report.checks if not c.can_fail),
            )
        )
    return rows


def scores_as_dicts(rows: list[ConceptScore]) -> list[dict[str, object]]:
    return [asdict(r) | {"cannot_fail": list(r.cannot_fail), "score": r.score} for r in rows]


def scores_as_markdown(rows: list[ConceptScore]) -> str:
    lines = [
        "",
        "| concept | page | mutation score | killed | ran | mutants | checks that cannot fail |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.concept} | {r.status} | {r.score} | {r.killed} | {r.ran} | {r.mutants} | "
        f"{', '.join(r.cannot_fail)} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"
