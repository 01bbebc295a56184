"""The learner loop in Chromium under the site's CSP: the inquiry, practice and research panels
on the Derivatives page are gated for real and remembered; the learner memory exports, imports,
survives a corrupt record and keeps two tabs in step; progress shows on the home and domain
pages; axe finds nothing; the keyboard reaches everything; the console stays clean."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import ErrorLog, watch

CONCEPT = "calculus/derivatives/"
KEY = "concept:calculus/derivatives"
CLAIM = "claim:calculus/derivatives#claim-secant-slope-converges"
MEMORY_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('cfn:v1:')).sort()"


@pytest.fixture
def fresh(browser: Browser, page_errors: ErrorLog) -> Iterator[Any]:
    """Open pages in new browser contexts (empty storage); every page's errors are collected."""
    contexts: list[BrowserContext] = []

    def new(scheme: Literal["light", "dark"] = "light", width: int = 1366, **kw: Any) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme, **kw
        )
        contexts.append(context)
        return watch(context.new_page(), page_errors)

    yield new
    for context in contexts:
        context.close()


PANELS = ("#inquiry", "#practice", "#research", "#learner-memory")


def ready(page: Page) -> Page:
    """Wait for the loop, then bring each panel near the viewport: its module loads then (after
    the load event, only as the learner approaches it), and marks the panel `data-loop-ready`."""
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    for panel in PANELS:
        page.locator(panel).scroll_into_view_if_needed()
        page.wait_for_selector(f"{panel}[data-loop-ready]", state="attached")
    page.evaluate("() => window.scrollTo(0, 0)")
    return page


def open_concept(page: Page, site_url: str, path: str = CONCEPT) -> Page:
    page.goto(site_url + path)
    return ready(page)


def reload(page: Page) -> Page:
    page.reload()
    return ready(page)


def memory(page: Page) -> dict[str, Any]:
    """Every learner-memory record of the page's origin, parsed."""
    raw = page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('cfn:v1:'))"
        ".map(k => [k, localStorage.getItem(k)]))"
    )
    return {k: json.loads(v) for k, v in raw.items()}


def answer_inquiry(page: Page, option: str = "quarters-error") -> None:
    page.locator(f"#inquiry input[value='{option}']").check()
    page.locator("#inquiry [data-reveal]").click()


def work(page: Page) -> None:
    """A little of everything: an inquiry answer, a practice attempt, a research draft."""
    answer_inquiry(page)
    item = page.locator("#practice-1")
    item.locator("[data-hint-next]").click()
    item.locator("textarea").fill("About 1.05 and 1.005, both above 1.")
    item.locator("[data-model-reveal]").click()
    item.locator("input[value='good']").check()
    page.locator(f"#research input[value='{CLAIM}']").check()
    page.locator("#draft-note").fill("Does Spivak state the one-sided case?")
    page.locator("#draft-next").fill("Read Spivak Ch. 9")
    page.locator("[data-draft-save]").click()


# -- visual inquiry -----------------------------------------------------------------------------


def test_inquiry_reveal_is_gated_and_remembered(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    open_concept(page, site_url)
    reveal = page.locator("#inquiry [data-reveal]")
    expect(reveal).to_be_disabled()
    assert page.locator("#inquiry input[type=radio]:checked").count() == 0  # nothing pre-chosen
    expect(page.locator("#inquiry [data-feedback]")).to_be_empty()

    page.locator("#inquiry input[value='quarters-error']").check()
    expect(reveal).to_be_enabled()
    reveal.click()
    feedback = page.locator("#inquiry [data-feedback]")
    authored = page.locator("#inquiry template").evaluate(
        "t => t.content.querySelector('[data-option=\"quarters-error\"]').textContent.trim()"
    )
    expect(feedback).to_contain_text(authored[:60])
    expect(feedback).to_contain_text("Not this one")
    expect(feedback).to_contain_text("Explanation")
    other = page.locator("#inquiry template").evaluate(
        "t => t.content.querySelector('[data-option=\"halves-error\"]').textContent.trim()"
    )
    assert other[:40] not in feedback.inner_text()  # the chosen option's feedback, not canned text

    reload(page)
    expect(page.locator("#inquiry input[value='quarters-error']")).to_be_checked()
    expect(page.locator("#inquiry [data-feedback]")).to_contain_text(authored[:60])
    record = memory(page)[f"cfn:v1:inquiry:{KEY}"]
    assert record["value"]["choice"] == "quarters-error" and record["value"]["correct"] is False
    assert record["schema"] == 1 and record["updatedAt"] > 0

    # Changing the answer afterwards shows the new option's feedback and keeps the first answer.
    page.locator("#inquiry input[value='halves-error']").check()
    expect(page.locator("#inquiry [data-feedback]")).to_contain_text("Correct.")
    expect(page.locator("#inquiry [data-feedback]")).to_contain_text("Your first answer")
    assert page_errors == []


# -- practice loop ------------------------------------------------------------------------------


def test_practice_hints_one_by_one_and_model_answer_after_an_attempt(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    open_concept(page, site_url)
    tabs = page.locator("#practice [role=tab]")
    expect(tabs).to_have_count(3)
    expect(tabs.nth(0)).to_have_attribute("aria-selected", "true")
    expect(page.locator("#practice-2")).to_be_hidden()

    item = page.locator("#practice-1")
    hints = item.locator("[data-hint]")
    button = item.locator("[data-hint-next]")
    assert item.locator("details").count() == 0  # the no-JS <details> became a ladder
    expect(hints.nth(0)).to_be_hidden()
    expect(button).to_have_text("Show hint 1 of 3")
    for n in (1, 2, 3):
        button.click()
        for i in range(3):
            (expect(hints.nth(i)).to_be_visible if i < n else expect(hints.nth(i)).to_be_hidden)()
        if n < 3:
            expect(button).to_have_text(f"Show hint {n + 1} of 3")
    expect(button).to_be_hidden()

    model = item.locator("[data-model-text]")
    reveal = item.locator("[data-model-reveal]")
    expect(model).to_be_hidden()
    item.locator("textarea").fill("   ")
    reveal.click()
    expect(item.locator("[data-model-gate]")).to_contain_text(
        "Not yet"
    )  # whitespace is not an attempt
    expect(model).to_be_hidden()
    item.locator("textarea").fill("The slope is about 1.05 for h = 0.1.")
    expect(model).to_be_hidden()
    expect(item.locator("[data-rubric]")).to_be_hidden()
    reveal.click()
    expect(model).to_be_visible()
    expect(model).to_contain_text("1.05171")
    # The rubric is a self-check after the attempt, with an honest word-level note, never a score
    expect(item.locator("[data-rubric-note]:visible").first).to_contain_text("does not mention")
    assert "score" not in item.inner_text().lower()
    item.locator("[data-rubric-item]").nth(1).check()
    item.locator("input[value='hard']").check()
    expect(item.locator("[data-attempts]")).to_contain_text("3 of 3 hints")
    expect(item.locator("[data-attempts]")).to_contain_text("rated hard")
    expect(tabs.nth(0)).to_contain_text("1 attempt")

    # Arrow keys move between tabs.
    tabs.nth(0).focus()
    page.keyboard.press("ArrowRight")
    expect(tabs.nth(1)).to_be_focused()
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    expect(page.locator("#practice-2")).to_be_visible()
    expect(item).to_be_hidden()
    page.keyboard.press("End")
    expect(tabs.nth(2)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowRight")
    expect(tabs.nth(0)).to_have_attribute("aria-selected", "true")

    reload(page)
    item = page.locator("#practice-1")
    expect(item.locator("textarea")).to_have_value("The slope is about 1.05 for h = 0.1.")
    expect(item.locator("[data-hint]:visible")).to_have_count(3)
    expect(item.locator("[data-model-text]")).to_be_visible()
    expect(item.locator("[data-rubric-item]").nth(1)).to_be_checked()
    rec = memory(page)[f"cfn:v1:practice:{KEY}#practice-1"]["value"]
    attempt = rec["attempts"][0]
    assert attempt["hints"] == 3 and attempt["rating"] == "hard"
    assert attempt["rubric"] == [False, True, False, False] and attempt["at"] > 0

    # A new attempt closes the model answer and the rubric again until the next attempt.
    item.locator("[data-attempts] button").click()
    expect(item.locator("[data-model-text]")).to_be_hidden()
    expect(item.locator("[data-rubric]")).to_be_hidden()
    expect(item.locator("[data-model-reveal]")).to_be_visible()
    expect(item.locator("textarea")).to_have_value("")
    assert page_errors == []


def test_practice_answer_is_saved_as_you_type(page: Page, site_url: str) -> None:
    open_concept(page, site_url)
    box = page.locator("#practice-1 textarea")
    box.press_sequentially("slope", delay=20)
    expect(page.locator("#practice-1 [data-save-status]")).to_have_text("Saved in this browser.")
    reload(page)
    expect(page.locator("#practice-1 textarea")).to_have_value("slope")


# -- research room ------------------------------------------------------------------------------


def test_research_draft_survives_reload_and_is_in_the_prompt(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    open_concept(page, site_url)
    radios = page.locator("#research input[name='research-object']")
    keys = radios.evaluate_all("rs => rs.map(r => r.value)")
    assert keys[0] == KEY
    for kind in ("equation:", "code:", "demo:", "source:", "claim:", "misconception:"):
        assert any(k.startswith(kind) for k in keys), kind
    objects = json.loads(page.request.get(site_url + "objects.json").text())["objects"]
    assert set(keys) == {o["key"] for o in objects if o["concept"] == "calculus/derivatives"}

    # The concept object shows the authored research question.
    question = page.locator("#research [data-question]")
    expect(question).to_contain_text("How small should h be")
    # A claim shows a question derived from the claim panel: its text, status, caveat.
    page.locator(f"#research input[value='{CLAIM}']").check()
    expect(question).to_contain_text("Is this claim supported as stated")
    expect(page.locator("#research [data-evidence]")).to_contain_text("Review status:")
    expect(page.locator("#research [data-evidence]")).to_contain_text("Caveat:")

    page.locator("#draft-note").fill("Check <b>one-sided</b> limits")
    page.locator("#draft-next").fill("Read Spivak Ch. 9")
    page.locator("[data-draft-save]").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("Saved")

    reload(page)
    expect(page.locator(f"#research input[value='{CLAIM}']")).to_be_checked()  # back where we were
    expect(page.locator("#draft-note")).to_have_value("Check <b>one-sided</b> limits")
    prompt = page.locator("[data-prompt]").inner_text()
    assert f"Object key: {CLAIM}" in prompt
    assert "My draft note: Check <b>one-sided</b> limits" in prompt  # text, never HTML
    assert "My next action: Read Spivak Ch. 9" in prompt
    assert "Caveat:" in prompt and "Review status:" in prompt
    assert "separate" in prompt or "which are assumptions" in prompt
    assert "end with exactly one next action" in prompt
    assert page.locator("[data-prompt] b").count() == 0
    expect(page.locator(f"#research input[value='{CLAIM}'] + span + .object-mark")).to_have_text(
        " · draft"
    )

    # Resolve keeps the resolution; clearing the draft afterwards keeps it too.
    page.locator("[data-draft-resolve]").click()
    expect(page.locator("[data-resolution]")).to_contain_text("Resolved")
    page.locator("[data-draft-clear]").click()
    expect(page.locator("[data-resolution]")).to_contain_text("Check <b>one-sided</b> limits")
    expect(page.locator("#draft-note")).to_have_value("")
    assert "I marked this resolved" in page.locator("[data-prompt]").inner_text()

    # Copy: the clipboard when allowed, otherwise the prompt is selected with an instruction.
    page.locator("[data-copy]").click()
    expect(page.locator("[data-copy-status]")).not_to_be_empty()
    assert page_errors == []


def test_research_prompt_carries_the_live_demo_state(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    open_concept(page, site_url)
    page.locator("#demo").scroll_into_view_if_needed()
    expect(page.locator("section.demo")).to_have_attribute(
        "data-demo-status", "ready", timeout=20_000
    )
    page.locator("#demo-c-fn").select_option("sin")
    page.locator("#demo-p-lower").check()
    page.locator("#demo [data-reveal]").click()
    expect(page.locator("#demo-answer")).not_to_be_empty()
    page.locator("#research input[data-kind='demo']").check()
    prompt = page.locator("[data-prompt]")
    expect(prompt).to_contain_text("Object key: demo:calculus/derivatives#demo")
    expect(prompt).to_contain_text("Function = f(x) = sin x")
    expect(prompt).to_contain_text("Prediction: lower")
    expect(prompt).to_contain_text("Revealed answer:")
    # The reveal is a checkpoint, and the demo's state is kept.
    demo_key = "cfn:v1:demo:demo:calculus/derivatives#demo"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and demo_key not in memory(page):
        time.sleep(0.1)
    records = memory(page)
    assert records[demo_key]["value"]["revealed"] is True
    assert records[f"cfn:v1:progress:{KEY}"]["value"]["checkpoints"]["demo"] > 0
    assert page_errors == []


# -- learner memory -----------------------------------------------------------------------------


def test_export_then_import_into_a_fresh_context_restores_everything(
    fresh: Any, site_url: str, tmp_path: Path, page_errors: ErrorLog
) -> None:
    first = open_concept(fresh(), site_url)
    work(first)
    before = memory(first)
    assert len(before) >= 4
    with first.expect_download() as info:
        first.locator("[data-export]").click()
    path = tmp_path / "memory.json"
    info.value.save_as(path)
    exported = json.loads(path.read_text())
    assert exported["format"] == "continuous-function-learner-memory"
    assert {r["kind"] for r in exported["records"]} >= {
        "inquiry",
        "practice",
        "research",
        "progress",
    }
    expect(first.locator("[data-memory-status]")).to_contain_text("Exported")

    second = open_concept(fresh(), site_url)
    second.locator("[data-import-file]").set_input_files(path)
    status = second.locator("[data-memory-status]")
    expect(status).to_contain_text("added")
    after = memory(second)
    for key, record in before.items():
        if "progress:" in key:  # the second visit wrote its own, newer progress record
            continue
        assert after[key] == record, key
    # The panels show what was imported, without a reload.
    expect(second.locator("#inquiry input[value='quarters-error']")).to_be_checked()
    expect(second.locator("#inquiry [data-feedback]")).to_contain_text("Not this one")
    expect(second.locator("#practice-1 textarea")).to_have_value(
        "About 1.05 and 1.005, both above 1."
    )
    reload(second)
    expect(second.locator("#draft-note")).to_have_value("Does Spivak state the one-sided case?")
    expect(second.locator("#practice-1 [data-attempts]")).to_contain_text("rated good")

    # Importing the same file again changes nothing; a newer local record wins over the file.
    second.locator("#draft-note").fill("A newer note")
    second.locator("[data-draft-save]").click()
    second.locator("[data-import-file]").set_input_files(path)
    expect(status).to_contain_text("0 added")
    expect(status).to_contain_text("kept")
    expect(second.locator("#draft-note")).to_have_value("A newer note")

    # A file that is not an export is refused with a message.
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    second.locator("[data-import-file]").set_input_files(junk)
    expect(status).to_contain_text("not a Continuous Function learning-memory export")
    assert page_errors == []


def test_imported_learner_text_is_rendered_as_text(
    fresh: Any, site_url: str, tmp_path: Path, page_errors: ErrorLog
) -> None:
    evil = "<img src=x id=injected>"
    records = [
        {
            "kind": "progress",
            "key": KEY,
            "schema": 1,
            "updatedAt": 1,
            "value": {
                "title": evil,
                "url": "javascript:alert(1)",
                "required": ["intuition"],
                "sections": {},
                "checks": [],
                "checkpoints": {},
                "lastSeen": 1,
                "lastObject": {"key": CLAIM, "label": evil, "fragment": "x"},
            },
        },
        {
            "kind": "research",
            "key": CLAIM,
            "schema": 1,
            "updatedAt": 1,
            "value": {
                "label": evil,
                "note": evil,
                "next": evil,
                "resolved": {"at": 1, "note": evil, "next": evil},
            },
        },
        {"kind": "bad kind", "key": "x", "schema": 1, "updatedAt": 1, "value": 1},
    ]
    path = tmp_path / "evil.json"
    path.write_text(
        json.dumps(
            {"format": "continuous-function-learner-memory", "schema": 1, "records": records}
        )
    )
    page = fresh()
    page.goto(site_url)
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    page.locator("#learner-memory").scroll_into_view_if_needed()
    page.wait_for_selector("#learner-memory[data-loop-ready]", state="attached")
    page.locator("[data-import-file]").set_input_files(path)
    expect(page.locator("[data-memory-status]")).to_contain_text("2 added")
    expect(page.locator("[data-memory-status]")).to_contain_text("1 skipped")
    expect(page.locator("[data-continue]")).to_contain_text(evil)
    assert page.locator("#injected").count() == 0
    for href in page.locator("[data-continue] a").evaluate_all("as => as.map(a => a.href)"):
        assert href.startswith(site_url), href
    open_concept(page, site_url)
    page.locator(f"#research input[value='{CLAIM}']").check()
    expect(page.locator("#draft-note")).to_have_value(evil)
    expect(page.locator("[data-resolution]")).to_contain_text(evil)
    assert page.locator("#injected").count() == 0
    assert page_errors == []


def test_corrupt_record_is_reported_and_the_others_survive(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    open_concept(page, site_url)
    answer_inquiry(page, "halves-error")
    page.evaluate("""() => {
        localStorage.setItem('cfn:v1:research:claim:calculus/derivatives#claim-x', '{not json');
        localStorage.setItem('cfn:v1:practice:concept:calculus/derivatives#practice-2', '[1, 2]');
        localStorage.setItem('cfn:v1:research:equation:calculus/derivatives#eq-secant',
            JSON.stringify({schema: 99, updatedAt: 1, value: {note: 'from the future'}}));
    }""")
    page.goto(site_url + CONCEPT)
    # Reported at once, at the top of the page, without scrolling to the memory panel.
    expect(page.locator("#memory-banner")).to_contain_text("3 saved records")
    expect(page.locator("#memory-banner")).to_be_in_viewport()
    ready(page)
    problems = page.locator("[data-memory-problems]")
    expect(problems).to_contain_text("3 saved records could not be read")
    expect(problems).to_contain_text("cfn:v1:research:claim:calculus/derivatives#claim-x")
    expect(problems).to_contain_text("not valid JSON")
    expect(problems).to_contain_text("newer version")
    expect(page.locator("#memory-banner")).to_contain_text("could not be read")
    # The other records still work.
    expect(page.locator("#inquiry input[value='halves-error']")).to_be_checked()
    expect(page.locator("#inquiry [data-feedback]")).to_contain_text("Correct.")
    expect(page.locator("#practice-2 textarea")).to_have_value("")
    # The unreadable ones are untouched until the learner removes one.
    assert (
        page.evaluate(
            "() => localStorage.getItem('cfn:v1:research:claim:calculus/derivatives#claim-x')"
        )
        == "{not json"
    )
    problems.locator("button").first.click()
    expect(problems).to_contain_text("2 saved records could not be read")
    assert page_errors == []


def test_too_large_entry_shows_a_message_instead_of_silent_loss(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    open_concept(page, site_url)
    page.locator("#draft-note").fill("x" * 120_000)
    page.locator("[data-draft-save]").click()
    expect(page.locator("[data-draft-status]")).to_contain_text("Not saved")
    expect(page.locator("[data-memory-problems]")).to_contain_text("Not saved")
    assert f"cfn:v1:research:{KEY}" not in memory(page)
    assert page_errors == []


def test_two_tabs_stay_in_step(fresh: Any, site_url: str, page_errors: ErrorLog) -> None:
    a = open_concept(fresh(), site_url)
    b = a.context.new_page()
    watch(b, page_errors)
    open_concept(b, site_url)
    answer_inquiry(a, "halves-error")
    expect(b.locator("#inquiry input[value='halves-error']")).to_be_checked()
    expect(b.locator("#inquiry [data-feedback]")).to_contain_text("Correct.")
    a.locator("#practice-1 textarea").fill("typed in tab A")
    expect(b.locator("#practice-1 textarea")).to_have_value("typed in tab A")
    a.locator(f"#research input[value='{CLAIM}']").check()
    a.locator("#draft-note").fill("note from A")
    a.locator("[data-draft-save]").click()
    expect(b.locator(f"#research input[value='{CLAIM}'] + span + .object-mark")).to_have_text(
        " · draft"
    )
    b.locator(f"#research input[value='{CLAIM}']").check()
    expect(b.locator("#draft-note")).to_have_value("note from A")
    # Clearing in one tab clears the other, after an explicit confirmation.
    b.locator("[data-clear]").click()
    expect(b.locator("[data-clear-confirm]")).to_be_visible()
    expect(b.locator("[data-clear-no]")).to_be_focused()
    b.locator("[data-clear-yes]").click()
    expect(b.locator("[data-memory-status]")).to_contain_text("Cleared")
    expect(a.locator("#inquiry input:checked")).to_have_count(0)
    expect(a.locator("#practice-1 textarea")).to_have_value("")
    assert a.evaluate(MEMORY_KEYS) == []
    assert page_errors == []


# -- progress and resume ------------------------------------------------------------------------


def test_progress_shows_on_home_and_domain_pages(
    fresh: Any, site_url: str, page_errors: ErrorLog
) -> None:
    page = fresh()
    page.goto(site_url)
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    expect(page.locator("[data-continue]")).to_be_hidden()  # nothing invented
    expect(page.locator("[data-domain-progress]:visible")).to_have_count(0)
    page.goto(site_url + "calculus/")
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    expect(page.locator("[data-progress-marker]:visible")).to_have_count(0)

    open_concept(page, site_url)
    for anchor in ("intuition", "math", "code-section", "demo-section"):
        page.locator(f"#{anchor}").scroll_into_view_if_needed()
        page.evaluate(f"() => document.getElementById('{anchor}').scrollIntoView()")
        page.wait_for_timeout(1300)
    rec = memory(page)[f"cfn:v1:progress:{KEY}"]["value"]
    assert set(rec["sections"]) == {"intuition", "math", "code", "demo"}
    work(page)

    page.goto(site_url)
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    box = page.locator("[data-continue]")
    expect(box).to_be_visible()
    expect(box).to_contain_text("Derivatives")
    expect(box).to_contain_text("4 of 4 sections read")
    expect(box).to_contain_text("Last object:")
    expect(box).to_contain_text("Next move: Commit a prediction in the demo")
    card = page.locator(".domain-card[data-domain='calculus']")
    expect(card.locator("[data-domain-progress]")).to_have_text(
        "Your progress: 1 started of 6 concepts"
    )
    box.locator(".continue-next a").click()
    page.wait_for_url("**/calculus/derivatives/#demo")

    page.goto(site_url + "calculus/")
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    row = "[data-concept-key='concept:calculus/{}'] [data-progress-marker]"
    marker = page.locator(row.format("derivatives"))
    expect(marker).to_have_text("Started")
    expect(page.locator(row.format("functions"))).to_be_hidden()

    # Revealing the demo completes the page: the domain page says Done.
    open_concept(page, site_url)
    page.locator("#demo").scroll_into_view_if_needed()
    expect(page.locator("section.demo")).to_have_attribute(
        "data-demo-status", "ready", timeout=20_000
    )
    page.locator("#demo-p-lower").check()
    page.locator("#demo [data-reveal]").click()
    expect(page.locator("[data-concept-status]")).to_contain_text("demo prediction revealed")
    page.goto(site_url + "calculus/")
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    expect(marker).to_have_text("Done")
    assert page_errors == []


# -- accessibility, keyboard, no JavaScript -----------------------------------------------------


def open_every_panel(page: Page) -> None:
    work(page)
    item = page.locator("#practice-1")
    for _ in range(2):
        item.locator("[data-hint-next]").click()
    item.locator("[data-rubric-item]").first.check()
    page.locator("#practice [role=tab]").nth(1).click()
    page.locator("#practice-2 textarea").fill("The one-sided slopes differ.")
    page.locator("[data-clear]").click()
    page.evaluate("() => localStorage.setItem('cfn:v1:research:x:y', '{broken')")
    page.locator("[data-draft-save]").click()  # a store event re-renders the problems list
    expect(page.locator("[data-memory-problems]")).to_contain_text("could not be read")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_every_panel_open(
    fresh: Any, site_url: str, scheme: str, page_errors: ErrorLog
) -> None:
    page = open_concept(fresh(scheme), site_url)
    open_every_panel(page)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(site_url)
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    expect(page.locator("[data-continue]")).to_be_visible()
    page.locator("#learner-memory").scroll_into_view_if_needed()
    page.wait_for_selector("#learner-memory[data-loop-ready]", state="attached")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page_errors == []


def tab_to(page: Page, selector: str, limit: int = 400, key: str = "Tab") -> None:
    """Press Tab (or `key`) until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"() => document.activeElement.matches({json.dumps(selector)})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only(page: Page, site_url: str, page_errors: ErrorLog) -> None:
    open_concept(page, site_url)
    page.locator("#inquiry-title").scroll_into_view_if_needed()
    tab_to(page, "#inquiry input[type=radio]")
    page.keyboard.press("Space")  # select the first option
    page.keyboard.press("ArrowDown")  # move to (and select) the second
    expect(page.locator("#inquiry input[value='quarters-error']")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#inquiry [data-reveal]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#inquiry [data-feedback]")).to_contain_text("Not this one")
    expect(page.locator("#inquiry [data-feedback]")).to_be_focused()

    tab_to(page, "#practice [role=tab]")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#practice-tab-2")).to_be_focused()
    tab_to(page, "#practice-2 textarea")
    page.keyboard.type("One-sided slopes are +1 and -1.")
    tab_to(page, "#practice-2 [data-hint-next]")
    page.keyboard.press("Enter")
    expect(page.locator("#practice-2 [data-hint]").nth(0)).to_be_visible()
    expect(page.locator("#practice-2 [data-hint-next]")).to_have_text("Show hint 2 of 3")
    page.keyboard.press("Space")
    expect(page.locator("#practice-2 [data-hint]").nth(1)).to_be_visible()
    tab_to(page, "#practice-2 [data-model-reveal]")
    page.keyboard.press("Enter")
    expect(page.locator("#practice-2 [data-model-text]")).to_be_visible()
    tab_to(page, "#practice-2 input[name='rating-2']")
    page.keyboard.press("Space")
    expect(page.locator("#practice-2 [data-attempts]")).to_contain_text("rated again")
    tab_to(page, "#practice-2 [data-rubric-item]", key="Shift+Tab")
    page.keyboard.press("Space")
    expect(page.locator("#practice-2 [data-rubric-item]").last).to_be_checked()

    tab_to(page, "#research input[name='research-object']")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#research input[data-kind='equation']").first).to_be_checked()
    expect(page.locator("#research [data-question]")).to_contain_text("Equation (1)")
    tab_to(page, "#draft-note")
    page.keyboard.type("Which assumptions?")
    tab_to(page, "[data-draft-save]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-draft-status]")).to_contain_text("Saved")
    tab_to(page, "[data-clear]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-clear-no]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-clear]")).to_be_focused()
    expect(page.locator("[data-memory-status]")).to_contain_text("Nothing was cleared")
    assert page_errors == []


def test_panels_show_their_authored_prompts_without_javascript(fresh: Any, site_url: str) -> None:
    page = fresh(java_script_enabled=False)
    page.goto(site_url + CONCEPT)
    expect(page.locator("#inquiry legend")).to_contain_text("predict the secant slope at h = 0.1")
    expect(page.locator("#inquiry input[type=radio]")).to_have_count(4)
    for n in (1, 2, 3):
        expect(page.locator(f"#practice-{n} .practice-prompt")).to_be_visible()
        expect(page.locator(f"#practice-{n} [data-hints-details] summary")).to_be_visible()
        # the rubric names the answer's key numbers: behind a closed disclosure
        expect(page.locator(f"#practice-{n} [data-rubric-details] summary")).to_be_visible()
        expect(page.locator(f"#practice-{n} [data-rubric-item]").first).to_be_hidden()
    expect(page.locator("#research [data-question]")).to_contain_text("How small should h be")
    expect(page.locator("#research .object-list a").first).to_be_visible()
    expect(page.locator("#learner-memory")).to_be_hidden()  # it needs JavaScript to do anything
    expect(page.locator("#inquiry [data-reveal]")).to_be_hidden()
