"""`cfn review`: record a claim review in concept.yaml, keeping the file's comments and layout.

A review is a statement by a named person on a date about exact text, so it stores a
fingerprint of that text; the page and `cfn claims` show it as stale once the claim changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from continuous_function.claims import fingerprint
from continuous_function.diagnostics import CfnError
from continuous_function.model.atlas import Atlas
from continuous_function.model.schema import ReviewState


class ReviewError(CfnError):
    """The review cannot be recorded; the message says why and what to do."""


def find_claim(atlas: Atlas, target: str) -> tuple[Path, int]:
    """`<concept>#<claim>` or `<domain>/<concept>#<claim>` → (concept.yaml, claim index)."""
    name, _, claim_id = target.partition("#")
    if not claim_id:
        raise ReviewError(f"'{target}' is not of the form <concept>#<claim-id>")
    concept = next((c for c in atlas.concepts() if name in (c.id, c.key)), None)
    if concept is None:
        raise ReviewError(f"no concept '{name}'")
    ids = [c.id for c in concept.meta.claims]
    if claim_id not in ids:
        raise ReviewError(f"{concept.key} has no claim '{claim_id}' (claims: {', '.join(ids)})")
    return concept.yaml_path, ids.index(claim_id)


def record_review(
    atlas: Atlas,
    target: str,
    state: ReviewState,
    reviewer: str,
    summary: str,
    today: dt.date | None = None,
) -> dict[str, str]:
    path, index = find_claim(atlas, target)
    concept = next(c for c in atlas.concepts() if c.yaml_path == path)
    claim = concept.meta.claims[index]
    if state is ReviewState.substantive_reviewed and not (claim.support and claim.caveat):
        raise ReviewError("a substantive review needs the claim's support and caveat written first")
    if not claim.sources:
        raise ReviewError("the claim cites no sources, so there is nothing to review it against")
    if not reviewer.strip() or not summary.strip():
        raise ReviewError("say who reviewed (--reviewer) and what was checked (--summary)")
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    data = yaml.load(path.read_text(encoding="utf-8"))
    review = CommentedMap()
    review["state"] = state.value
    review["reviewer"] = reviewer.strip()
    review["date"] = (today or dt.date.today()).isoformat()
    review["summary"] = " ".join(summary.split())
    review["fingerprint"] = fingerprint(claim)
    data["claims"][index]["review"] = review
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return {k: str(v) for k, v in review.items()}
