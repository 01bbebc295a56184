"""Every demo on its real page in Chromium: the MicroPython runtime starts, a prediction enables
Reveal, and the revealed answer is the one CPython computes for the same state."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from continuous_function.demo import load_demo

from .conftest import ROOT, ErrorLog, watch

DEMOS = sorted(ROOT.glob("curriculum/*/*/demo.py"))


@pytest.mark.parametrize(
    "path", DEMOS, ids=[f"{p.parent.parent.name}/{p.parent.name}" for p in DEMOS]
)
def test_demo_predict_and_reveal_in_the_browser(
    browser: Browser, site_url: str, path: Path
) -> None:
    demo = load_demo(path)
    state, _ = demo.start()
    expected = demo.spec.answer_for(state["values"], demo.spec.derived(state["values"])).option
    errors = ErrorLog()
    context = browser.new_context()
    page = watch(context.new_page(), errors)
    page.goto(f"{site_url}{demo.key}/")
    section = page.locator("section.demo")
    section.scroll_into_view_if_needed()  # the runtime starts when the demo comes into view
    expect(section).to_have_attribute("data-demo-status", "ready", timeout=30_000)
    reveal = section.locator("[data-reveal]")
    expect(reveal).to_be_disabled()
    section.locator(f"label[for=demo-p-{expected}]").click()
    expect(reveal).to_be_enabled()
    reveal.click()
    answer = section.locator("[data-answer]")
    expect(answer).to_have_attribute("data-correct", "true")
    assert errors == []
    context.close()
