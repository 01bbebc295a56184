"""The site as a learner meets it in Chromium: pages render, math is MathML, nothing breaks the
Content-Security-Policy, the theme persists, phones work, and axe finds no violations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from continuous_function.build import BuildOptions
from continuous_function.cache import BuildCache
from continuous_function.server.app import Hub, create_app
from continuous_function.server.live import LiveSite
from continuous_function.server.watch import FileWatcher, watch_and_rebuild

from .conftest import ROOT, ErrorLog, run_server, watch

PAGES = {
    "home": "",
    "domain": "calculus/",
    "concept": "calculus/derivatives/",
    "draft concept": "probability/maximum-likelihood/",
    "404": "no-such-page/",
}


def _axe(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_types_are_accessible_and_csp_clean(
    browser: Browser, site_url: str, name: str, scheme: Literal["light", "dark"]
) -> None:
    errors = ErrorLog()
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page = watch(context.new_page(), errors)
    response = page.goto(site_url + PAGES[name], wait_until="load")
    assert response is not None
    assert response.status == (404 if name == "404" else 200)
    assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
    _axe(page)
    # Chromium logs the 404 page's own status as a console error; any other error counts.
    assert [e for e in errors if not (name == "404" and "status of 404" in e)] == []
    context.close()


def test_flagship_page_renders_math_as_mathml(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    page.goto(site_url + "calculus/derivatives/", wait_until="load")
    assert page.locator("h1").inner_text() == "Derivatives"
    assert page.locator("math").count() > 10
    assert page.locator(".equation .equation-number").first.inner_text() == "(1)"
    # KaTeX's layout styles arrive as classes from the page's page.css, so layout survives the CSP
    height = page.locator(".katex-display .katex-html").first.bounding_box()
    assert height is not None and height["height"] > 20
    assert page.locator(".witness-output").inner_text().strip() != ""
    assert page_errors == []


def test_page_is_complete_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "calculus/derivatives/")
    for text in (
        "Learning map",
        "Intuition",
        "Code",
        "Interactive Demo",
        "Source grounding",
        "Claim review",
        "Practice loop",
        "Research room",
    ):
        assert page.get_by_text(text, exact=True).first.is_visible(), text
    assert page.locator(".demo svg").first.is_visible()
    context.close()


def test_theme_toggle_persists(page: Page, site_url: str) -> None:
    page.goto(site_url + "calculus/derivatives/")
    toggle = page.locator("#theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.locator("html").get_attribute("data-theme") == "dark"
    page.goto(site_url)
    assert page.locator("html").get_attribute("data-theme") == "dark"
    assert page.locator("#theme-toggle").get_attribute("aria-pressed") == "true"
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(17, 20, 24)"


def test_phone_width_has_no_horizontal_scroll(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ("", "calculus/", "calculus/derivatives/"):
        page.goto(site_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
    _axe(page)  # wide equations scroll inside a focusable region instead
    context.close()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`cfn serve` in a thread on a private copy of the curriculum (its watch set up first)."""
    root = tmp_path / "curriculum"
    shutil.copytree(ROOT / "curriculum", root)
    with FileWatcher(root) as files, BuildCache(ROOT / ".cache" / "witness") as cache:
        site = LiveSite(root, tmp_path / "site", cache, BuildOptions(dev=True))
        assert site.build()[0]
        hub = Hub()

        async def watcher() -> None:
            await watch_and_rebuild(files.changes(), site, hub, lambda _msg: None)

        app = create_app(site.out, hub, pages=site.page, on_startup=[watcher])
        yield from ((url, root) for url in run_server(app))


def open_live(browser: Browser, url: str) -> Page:
    """A page of the dev server, once its update stream is subscribed (the server says so)."""
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(url, wait_until="load")
    expect(page.locator("html[data-cfn-live=ready]")).to_be_attached(timeout=15_000)
    return page


def test_serve_updates_the_open_page_in_place_and_shows_errors(
    browser: Browser, live_server: tuple[str, Path]
) -> None:
    url, root = live_server
    page = open_live(browser, url + "calculus/derivatives/")
    page.evaluate("() => { window.cfnSamePage = true; }")  # gone if the page reloads
    page.locator("#demo").scroll_into_view_if_needed()
    expect(page.locator("section.demo")).to_have_attribute(
        "data-demo-status", "ready", timeout=20_000
    )
    page.locator("#demo-c-fn").select_option("sin")  # demo state, with focus on the control
    page.locator("#demo-c-fn").focus()
    scrolled = page.evaluate("() => scrollY")
    page_md = root / "calculus/derivatives/page.md"
    original = page_md.read_text()

    page_md.write_text(original.replace("## Intuition\n", "## Intuition\n\nFreshly edited.\n", 1))
    expect(page.get_by_text("Freshly edited.")).to_be_attached(timeout=15_000)
    assert page.evaluate("() => window.cfnSamePage") is True
    assert page.evaluate("() => scrollY") == scrolled
    assert page.evaluate("() => document.activeElement.id") == "demo-c-fn"
    assert page.locator("#demo-c-fn").input_value() == "sin"

    page_md.write_text(original.replace(r"\frac", r"\fracc", 1))
    page.get_by_text("This page has content errors").wait_for(timeout=15_000)
    assert "P004" in page.locator(".diagnostics").inner_text()
    assert "page.md:" in page.locator(".diagnostics").inner_text()
    assert page.evaluate("() => window.cfnSamePage") is True

    page_md.write_text(original)
    expect(page.get_by_text("This page has content errors")).to_have_count(0, timeout=15_000)
    expect(page.get_by_text("Freshly edited.")).to_have_count(0)
    assert page.locator("#demo-c-fn").input_value() == "sin"
    page.context.close()
