"""Claim reviews: recorded for real by `cfn review`, fingerprinted, and stale once text changes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from continuous_function.claims import claim_status
from continuous_function.model.loader import load_atlas
from continuous_function.model.schema import ReviewState
from continuous_function.queue import claim_queue
from continuous_function.review import ReviewError, record_review

FIXTURE = Path(__file__).parent / "cases" / "objects"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(Path(__file__).parent / "cases" / "valid", root)
    concept = root / "calculus" / "derivatives" / "concept.yaml"
    concept.write_text(
        concept.read_text()
        + """\
sources:
  - {ref: deisenroth2020mml, where: "§5.1", note: Defines the derivative.}
# the claim below is what reviewers check
claims:
  - id: secant-limit
    text: Secant slopes tend to the derivative as h shrinks.
    sources: [deisenroth2020mml]
    support: MML defines the derivative as the limit of the difference quotient.
    caveat: Only where f is differentiable.
"""
    )
    return root


def _claim(root: Path):  # type: ignore[no-untyped-def]
    atlas, diags = load_atlas(root)
    assert atlas is not None and not diags
    concept = atlas.concept("derivatives")
    assert concept is not None
    return atlas, concept.meta.claims[0]


def test_review_is_recorded_with_comments_kept(tree: Path) -> None:
    atlas, _ = _claim(tree)
    written = record_review(
        atlas,
        "derivatives#secant-limit",
        ReviewState.substantive_reviewed,
        "A. Reviewer",
        "Checked MML §5.1 eq. (5.4).",
        dt.date(2026, 11, 27),
    )
    text = (tree / "calculus" / "derivatives" / "concept.yaml").read_text()
    assert "# the claim below is what reviewers check" in text
    assert "date: '2026-11-27'" in text or "date: 2026-11-27" in text
    _, claim = _claim(tree)
    status = claim_status(claim)
    assert status.state is ReviewState.substantive_reviewed and not status.stale
    assert claim.review is not None and claim.review.fingerprint == written["fingerprint"]


def test_editing_a_reviewed_claim_makes_it_stale(tree: Path) -> None:
    atlas, _ = _claim(tree)
    record_review(
        atlas,
        "calculus/derivatives#secant-limit",
        ReviewState.source_note_reviewed,
        "A. Reviewer",
        "Checked the note.",
    )
    path = tree / "calculus" / "derivatives" / "concept.yaml"
    path.write_text(path.read_text().replace("as h shrinks", "as h grows"))
    atlas, claim = _claim(tree)
    assert claim_status(claim).stale
    queue = claim_queue(atlas, {})
    assert queue[0].claim == "secant-limit" and queue[0].issues[0] == "stale review"


def test_refuses_unknown_claim_and_empty_summary(tree: Path) -> None:
    atlas, _ = _claim(tree)
    with pytest.raises(ReviewError, match="no claim 'nope'"):
        record_review(atlas, "derivatives#nope", ReviewState.source_note_reviewed, "A", "B")
    with pytest.raises(ReviewError, match="--summary"):
        record_review(
            atlas, "derivatives#secant-limit", ReviewState.source_note_reviewed, "A", "  "
        )


def test_queue_lists_unreviewed_claims_without_checks(tree: Path) -> None:
    atlas, _ = _claim(tree)
    [item] = claim_queue(atlas, {})
    assert item.issues == ("unreviewed", "no witnesses", "no check")


def test_a_passing_check_that_cannot_fail_verifies_nothing(tree: Path) -> None:
    _, claim = _claim(tree)
    claim = claim.model_copy(update={"check": "check_secant"})
    proven = claim_status(claim, check_passed=True, can_fail=True)
    assert proven.verified is True and not proven.unproven
    unproven = claim_status(claim, check_passed=True, can_fail=False)
    assert unproven.verified is None and unproven.unproven
    assert claim_status(claim, check_passed=True).verified is True  # not mutation-tested
    assert claim_status(claim, check_passed=False, can_fail=False).verified is False
