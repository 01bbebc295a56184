"""The demo in headless Chromium under the site's strict CSP: first frame without JS, then the
MicroPython runtime driving slider drags, keyboard use, prediction, reveal and reset-on-move."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from continuous_function.demo.preview import serve, write_preview

from .conftest import DERIVATIVES

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
STORYBOARD = [({"x": 1.0, "h": 1.5}, "A wide step"), ({"x": 1.0, "h": 0.05}, "A narrow step")]

if not CHROMIUM.exists():  # pragma: no cover
    pytest.skip("Debian chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("site")
    write_preview(root, DERIVATIVES, storyboard=STORYBOARD)
    write_preview(root / "main", DERIVATIVES, thread="main")
    with serve(root) as base:
        yield base


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site + "/")
    expect(page.locator("section.demo")).to_have_attribute(
        "data-demo-status", "ready", timeout=20_000
    )
    page.evaluate(
        "() => { window.cfnEvents = []; document.addEventListener('cfn:demo-state',"
        " (e) => window.cfnEvents.push(e.detail)); }"
    )
    yield page
    assert errors == [], errors  # includes any Content-Security-Policy violation
    context.close()


def wait_for(page: Any, script: str, timeout: float = 10.0) -> Any:
    """Poll a function expression (Playwright's wait_for_function evaluates strings, which the
    page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(script)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def test_first_frame_without_javascript(browser: Any, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/")
    assert page.locator("#demo-s-secant").get_attribute("x1")
    assert page.locator("#demo-s-curve").get_attribute("d").startswith("M")
    expect(page.locator("[data-readout=secant]")).to_have_text("2.60")
    expect(page.locator("[data-reveal]")).to_be_disabled()
    expect(page.locator(".demo-noscript")).to_be_visible()
    expect(page.locator(".demo-storyboard figure")).to_have_count(2)
    assert page.locator("section.demo").get_attribute("data-demo-status") is None
    context.close()


def test_drag_slider(page: Any) -> None:
    secant_before = page.locator("#demo-s-secant").get_attribute("y1")
    box = page.locator("#demo-c-x").bounding_box()
    y = box["y"] + box["height"] / 2
    start = box["x"] + box["width"] * (1.0 + 2.8) / 5.6
    page.mouse.move(start, y)
    page.mouse.down()
    for i in range(1, 11):
        page.mouse.move(start - i * box["width"] * 0.04, y)
    page.mouse.up()
    expect(page.locator("#demo-o-x")).not_to_have_text("1.00")
    x = float(page.locator("#demo-c-x").input_value())
    assert x < 0
    shown = page.locator("#demo-o-x").text_content().replace("\u2212", "-")
    assert abs(float(shown) - x) < 0.006
    assert page.locator("#demo-s-secant").get_attribute("y1") != secant_before
    expect(page.locator("[data-readout=xh]")).to_have_text(f"{x + 0.6:.2f}".replace("-", "\u2212"))
    events = page.evaluate("() => window.cfnEvents")
    assert events and events[-1]["values"]["x"] == pytest.approx(x)
    # Coalesced: at most one update per frame for 11 pointer events (+ the initial update).
    assert len(events) <= 12


def test_reveal_before_predicting_is_refused(page: Any) -> None:
    button = page.locator("[data-reveal]")
    expect(button).to_be_disabled()
    page.evaluate("() => document.querySelector('[data-reveal]').click()")
    page.keyboard.press("Tab")
    assert page.locator("[data-answer]").text_content() == ""
    assert page.locator("#demo-s-tangent").count() == 0
    expect(page.locator("[data-message]")).to_have_text("Choose a prediction to enable Reveal.")


def test_predict_reveal_and_read_the_result(page: Any) -> None:
    page.click("label[for=demo-p-higher]")
    expect(page.locator("[data-reveal]")).to_be_enabled()
    page.click("[data-reveal]")
    answer = page.locator("[data-answer]")
    expect(answer).to_contain_text("is not right: the answer is “lower”")
    expect(answer).to_contain_text("Tangent slope f′(x) = 2.00; secant slope = 2.60.")
    expect(answer).to_have_attribute("data-correct", "false")
    assert page.locator("#demo-s-tangent").get_attribute("class") == "tangent"
    last = wait_for(page, "() => window.cfnEvents.find((e) => e.revealed)")
    assert last == {
        "values": {"fn": "square", "x": 1.0, "h": 0.6},
        "prediction": "higher",
        "revealed": True,
        "answer": "lower",
        "correct": False,
    }
    # Moving any control hides the answer again and asks for a new prediction.
    page.select_option("#demo-c-fn", "sin")
    expect(answer).to_be_empty()
    expect(page.locator("[data-reveal]")).to_be_disabled()
    assert page.locator("#demo-s-tangent").count() == 0
    assert not page.locator("#demo-p-higher").is_checked()
    expect(page.locator("[data-readout=fx]")).to_have_text("0.84")


def test_keyboard_only(page: Any) -> None:
    page.focus("#demo-c-h")
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    expect(page.locator("#demo-o-h")).to_have_text("0.55")
    expect(page.locator("#demo-c-h")).to_have_attribute("aria-valuetext", "0.55")
    page.focus("#demo-p-lower")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # moves the choice within the radio group
    assert page.locator("#demo-p-equal").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.reveal") == ""
    page.keyboard.press("Enter")
    expect(page.locator("[data-answer]")).to_contain_text("is not right: the answer is “lower”")
    expect(page.locator("[data-announce]")).to_contain_text("Secant slope 2.55", timeout=5000)


def test_main_thread_mode(browser: Any, site: str) -> None:
    page = browser.new_page()
    page.goto(site + "/main/")
    expect(page.locator("section.demo")).to_have_attribute(
        "data-demo-status", "ready", timeout=20_000
    )
    page.focus("#demo-c-x")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#demo-o-x")).to_have_text("1.01")
    page.close()
