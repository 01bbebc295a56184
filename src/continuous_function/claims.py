"""What a claim's review state means now: fingerprints, staleness and witness verification.

A review is only worth what it checked. It stores a fingerprint of the reviewed fields, so when
any of them changes the page and the queue show the review as stale instead of vouching for
text nobody checked.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from continuous_function.model.schema import Claim, ReviewState


def fingerprint(claim: Claim) -> str:
    """16 hex digits over the text, support, caveat, sources and witnesses of a claim."""
    payload = {
        "text": " ".join(claim.text.split()),
        "support": " ".join((claim.support or "").split()),
        "caveat": " ".join((claim.caveat or "").split()),
        "sources": sorted(claim.sources),
        "witnesses": sorted(claim.witnesses),
    }
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


STATE_LABELS = {
    ReviewState.source_linked: "Source-linked",
    ReviewState.source_note_reviewed: "Source note reviewed",
    ReviewState.substantive_reviewed: "Substantively reviewed",
}

STATE_MEANINGS = {
    ReviewState.source_linked: "Cited, but nobody has yet checked the claim against the source.",
    ReviewState.source_note_reviewed: "The note on what the source grounds was checked; the claim "
    "itself was not checked against the cited section.",
    ReviewState.substantive_reviewed: "The claim was checked against the cited section.",
}


@dataclass(frozen=True)
class ClaimStatus:
    state: ReviewState
    stale: bool
    """A review exists but the claim changed after it: the review no longer vouches for it."""
    check: str | None
    verified: bool | None
    """True when the claim's check passed at build time (and, if it was mutation-tested, was
    proven able to fail), False when it failed, None without a check or with one that passed
    but cannot fail."""
    can_fail: bool | None = None
    """False when mutation testing found the check passes whatever the witness code does."""

    @property
    def unproven(self) -> bool:
        """The check passed, but it would pass under every mutation of the code it tests."""
        return self.can_fail is False and self.verified is None and self.check is not None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state] + (" (stale)" if self.stale else "")

    @property
    def meaning(self) -> str:
        if self.stale:
            return (
                "The claim changed after it was reviewed, so the review no longer applies; "
                "treat it as source-linked until it is reviewed again."
            )
        return STATE_MEANINGS[self.state]


def claim_status(
    claim: Claim, check_passed: bool | None = None, can_fail: bool | None = None
) -> ClaimStatus:
    """`can_fail` comes from mutation testing (`cfn check --deep`); None when it did not run."""
    review = claim.review
    stale = review is not None and review.fingerprint != fingerprint(claim)
    state = review.state if review is not None and not stale else ReviewState.source_linked
    verified = check_passed if claim.check else None
    if verified and can_fail is False:
        verified = None  # passing proves nothing when the check passes whatever the code does
    return ClaimStatus(state, stale, claim.check, verified, can_fail if claim.check else None)
