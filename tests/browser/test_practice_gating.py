"""Practice does not give the answers away (issue 22, item 3), at 1366 and 390 px: the rubric,
which names the answer's key numbers, is a self-check that opens only after an attempt; the
model answer needs a real attempt (not empty, not filler, not the prompt copied back) and the
refusal says why; axe finds nothing in either state."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import ErrorLog
from .test_learner_loop import fresh, memory, open_concept

__all__ = ["fresh"]

# (page, a prompt's key numbers that the rubric gives away, refused answers and why, an attempt)
CASES = {
    "calculus/derivatives/": (
        "about 1.05 and 1.005",
        [
            ("", "write your answer first"),
            ("idk", "an attempt needs at least 3"),
            ("f(x) = e^x at x = 0, h = 0.1 and h = 0.01", "copied from the prompt"),
        ],
        "1.05 and 1.005, both above 1.",
    ),
    "linear-algebra/norms/": (
        "‖x‖₂ = 7",
        [("For x = (2, -6, 3) in R^3, predict the order", "copied from the prompt")],
        "6 then 7 then 11, then 12.1 and 18",
    ),
}


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", list(CASES))
def test_rubric_and_model_answer_open_only_after_a_real_attempt(
    fresh: Any, site_url: str, page_errors: ErrorLog, path: str, width: int
) -> None:
    give_away, refused, attempt = CASES[path]
    page = open_concept(fresh(width=width), site_url, path)
    item = page.locator("#practice-1")
    item.scroll_into_view_if_needed()
    expect(item.locator("[data-rubric]")).to_be_hidden()
    assert give_away not in item.inner_text()
    reveal = item.locator("[data-model-reveal]")
    gate = item.locator("[data-model-gate]")
    for text, why in refused:
        item.locator("textarea").fill(text)
        reveal.click()
        expect(gate).to_contain_text("Not yet")
        expect(gate).to_contain_text(why)
        expect(item.locator("[data-model-text]")).to_be_hidden()
        expect(item.locator("[data-rubric]")).to_be_hidden()
    assert (
        not memory(page)
        .get(f"cfn:v1:practice:concept:{path.rstrip('/')}#practice-1", {})
        .get("value", {})
        .get("attempts")
    )
    item.locator("textarea").fill(attempt)
    expect(gate).not_to_contain_text("Not yet")  # the refusal goes once the answer qualifies
    reveal.click()
    expect(item.locator("[data-model-text]")).to_be_visible()
    expect(item.locator("[data-rubric]")).to_be_visible()
    expect(item.locator("[data-rubric] legend")).to_have_text(
        "Self-check: tick what your answer does"
    )
    assert give_away in item.inner_text()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page_errors == []
