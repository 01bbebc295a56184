"""`cfn claims`: the claims that still need work, most urgent first.

Urgency: published pages before review before draft, critical concepts before supplementary,
then failing checks and stale reviews before merely unreviewed claims.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from continuous_function.claims import claim_status
from continuous_function.model.atlas import Atlas
from continuous_function.model.schema import Importance, ReviewState, Status
from continuous_function.witness import WitnessResult

STATUS_RANK = {Status.published: 0, Status.review: 1, Status.draft: 2}
IMPORTANCE_RANK = {i: n for n, i in enumerate(Importance)}
ISSUE_WEIGHT = {
    "check failing": 0,
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


def claim_queue(atlas: Atlas, witnesses: dict[str, WitnessResult]) -> list[QueueItem]:
    items = []
    for concept in atlas.concepts():
        result = witnesses.get(concept.key)
        for claim in concept.meta.claims:
            check = result.check(claim.check) if result and claim.check else None
            passed = (
                bool(check and check.passed and result and result.status == "ok")
                if claim.check
                else None
            )
            status = claim_status(claim, passed)
            issues = []
            if status.verified is False:
                issues.append("check failing")
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
