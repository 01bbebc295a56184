"""The research room tells the truth about the page (issue 22, item 4), at 1366 and 390 px: a
demo revealed before the room's module loaded is reported as revealed, in sentences that do not
run together; evidence shows math rendered (the prompt keeps TeX); equations in the picker show
their formula, not a bare number; a draft survives a reload without pressing Save."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import ErrorLog
from .test_learner_loop import CONCEPT, fresh, ready

__all__ = ["fresh"]

WIDTHS = [1366, 390]
WITHOUT_MATH = """li => {
    const c = li.cloneNode(true);
    c.querySelectorAll('.katex').forEach(k => k.remove());
    return c.textContent;
}"""


def loop_ready(page: Page, site_url: str) -> Page:
    page.goto(site_url + CONCEPT)
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reveal_before_the_room_loads_is_in_the_prompt(
    fresh: Any, site_url: str, page_errors: ErrorLog, width: int
) -> None:
    page = loop_ready(fresh(width=width), site_url)
    page.locator("#demo").scroll_into_view_if_needed()
    expect(page.locator("section.demo")).to_have_attribute(
        "data-demo-status", "ready", timeout=20_000
    )
    page.locator("#demo-p-lower").check()
    page.locator("#demo [data-reveal]").click()
    expect(page.locator("#demo .demo-answer p").first).to_be_visible()
    # The room's module has not loaded yet: it has to learn the state from the page.
    assert page.locator("#research[data-loop-ready]").count() == 0
    page.locator("#research").scroll_into_view_if_needed()
    page.wait_for_selector("#research[data-loop-ready]", state="attached")
    page.locator("#research input[data-kind='demo']").check()
    prompt = page.locator("[data-prompt]").inner_text()
    assert "Not revealed yet" not in prompt
    revealed = next(line for line in prompt.splitlines() if "Revealed answer:" in line)
    assert "is right." in revealed or "is not right" in revealed, revealed
    assert not re.search(r"[a-z0-9)]\.[A-Z]", revealed), revealed  # sentences kept apart
    assert page_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_evidence_and_picker_show_math_rendered_and_the_prompt_keeps_tex(
    fresh: Any, site_url: str, page_errors: ErrorLog, width: int, scheme: str
) -> None:
    page = ready(loop_ready(fresh(scheme, width=width), site_url))
    equations = page.locator("#research .object-choice:has(input[data-kind='equation'])")
    assert equations.count() >= 4
    for i in range(equations.count()):
        expect(equations.nth(i).locator(".katex")).to_have_count(1)  # not a bare "Equation (n)"
    equations.nth(3).locator("input").check()
    evidence = page.locator("#research [data-evidence]")
    expect(evidence.locator(".katex").first).to_be_visible()
    for item in evidence.locator("li").all():
        shown = item.evaluate(WITHOUT_MATH)
        assert "$" not in shown and "\\" not in shown, shown  # no raw TeX on the page
    prompt = page.locator("[data-prompt]").inner_text()
    assert "- Equation (4): $D_h f(x) - f'(x)" in prompt  # the prompt keeps TeX for the tutor
    page.locator("#research input[data-kind='claim']").first.check()
    expect(page.locator("#research [data-question]")).not_to_contain_text("$")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{overflow}px of sideways scroll"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_draft_is_kept_without_pressing_save(
    fresh: Any, site_url: str, page_errors: ErrorLog, width: int
) -> None:
    page = ready(loop_ready(fresh(width=width), site_url))
    radios = page.locator("#research input[name='research-object']")
    radios.nth(1).check()
    page.locator("#draft-note").fill("typed, never saved by hand")
    # Switching object right away keeps the text with the object it was typed for.
    radios.nth(2).check()
    expect(page.locator("#draft-note")).to_have_value("")
    page.locator("#draft-next").press_sequentially("read it again", delay=10)
    expect(page.locator("[data-draft-status]")).to_contain_text("Saved")
    page.reload()
    ready(page)
    radios.nth(1).check()
    expect(page.locator("#draft-note")).to_have_value("typed, never saved by hand")
    radios.nth(2).check()
    expect(page.locator("#draft-next")).to_have_value("read it again")
    assert page_errors == []
