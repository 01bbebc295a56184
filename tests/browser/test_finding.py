"""Finding the way in Chromium: the header search box, the search page, the knowledge graph
(focus URLs, keyboard, list view) and the route planner, under the site's CSP, axe-clean in
light and dark."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from continuous_function.site.route import RouteGraph, plan_route

from .conftest import ErrorLog, watch

Scheme = Literal["light", "dark"]


def _axe(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="module")
def route_graph(built_site: Path) -> RouteGraph:
    data = json.loads((built_site / "graph" / "graph.json").read_text(encoding="utf-8"))
    return RouteGraph.from_json(data)


# -- search ---------------------------------------------------------------------------------------


def test_header_search_enter_opens_the_matching_equation(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    page.goto(site_url + "calculus/", wait_until="load")
    page.keyboard.press("/")
    box = page.locator("#site-search")
    expect(box).to_be_focused()
    box.press_sequentially("central difference", delay=20)
    options = page.locator("#site-search-list [role=option]")
    expect(options.last).to_contain_text("central difference")  # the answer to the whole query
    expect(options.first).to_contain_text("Derivatives")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#site-search-list mark").first).to_be_visible()
    box.press("Enter")
    page.wait_for_url(re.compile(r"calculus/derivatives/#eq-central$"))
    assert page.evaluate("location.hash") == "#eq-central"
    assert page_errors == []


def test_header_search_click_and_typo(page: Page, site_url: str, page_errors: ErrorLog) -> None:
    page.goto(site_url, wait_until="load")
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("adjoint recurson", delay=20)  # one letter missing
    options = page.locator("#site-search-list [role=option]")
    # Answers arrive asynchronously: click once the list answers the whole query (its last
    # option names it), not a list for "adjoint recurs" about to be replaced under the pointer.
    expect(options.last).to_contain_text("adjoint recurson")
    first = options.first
    expect(first).to_contain_text("Reverse-Mode Automatic Differentiation")
    first.click()
    page.wait_for_url(re.compile(r"calculus/reverse-mode-autodiff/#eq-adjoint-recursion$"))
    assert page_errors == []


def test_header_search_arrows_escape_and_all_results(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    page.goto(site_url + "calculus/derivatives/", wait_until="load")
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("gradient", delay=20)
    options = page.locator("#site-search-list [role=option]")
    expect(options.last).to_contain_text("gradient")  # the answer to the whole query
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-opt-1")
    box.press("Escape")
    expect(page.locator("#site-search-list")).to_be_hidden()
    box.press("ArrowDown")  # reopens
    expect(page.locator("#site-search-list")).to_be_visible()
    box.press("ArrowUp")  # wraps to the last option: all results
    box.press("ArrowUp")
    box.press("ArrowDown")
    expect(options.last).to_contain_text("All results")
    expect(options.last).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    page.wait_for_url(re.compile(r"search/\?q=gradient$"))
    results = page.locator("#search-results > li")
    expect(results.first).to_be_visible()
    assert results.count() >= 5
    expect(page.locator("#search-status")).to_contain_text("gradient")
    assert page_errors == []


def test_search_page_filters_by_domain_and_links_to_anchors(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    page.goto(site_url + "search/?q=gradient&domain=calculus", wait_until="load")
    results = page.locator("#search-results > li")
    expect(results.first).to_be_visible()
    expect(page.locator("#search-domain")).to_have_value("calculus")
    domains = page.locator("#search-results .result-domain").all_inner_texts()
    assert domains and {d.strip() for d in domains} == {"Calculus"}
    page.select_option("#search-domain", "")
    expect(page).to_have_url(re.compile(r"search/\?q=gradient$"))
    assert results.count() > len(domains)
    page.fill("#search-q", "difference quotient")
    first = results.first.locator(".result-title a")
    expect(first).to_have_text("Derivatives")
    assert (first.get_attribute("href") or "").endswith("calculus/derivatives/#eq-secant")
    # Highlights are <mark> elements around text, built without innerHTML.
    assert results.first.locator(".result-snippet mark").count() >= 1
    assert page_errors == []


def test_search_text_is_never_parsed_as_html(
    page: Page, site_url: str, page_errors: ErrorLog
) -> None:
    query = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
    page.goto(site_url + "search/?q=" + query, wait_until="load")
    expect(page.locator("#search-status")).to_contain_text("<img")
    assert page.locator("main img[src=x]").count() == 0
    assert page_errors == []


# -- the knowledge graph --------------------------------------------------------------------------


def test_graph_focus_url(
    page: Page, site_url: str, page_errors: ErrorLog, route_graph: RouteGraph
) -> None:
    page.goto(site_url + "graph/?focus=chain-rule&depth=1", wait_until="load")
    focus = page.locator(".gnode.is-focus")
    expect(focus).to_have_count(1)
    assert focus.get_attribute("data-id") == "chain-rule"
    expect(page.locator("#graph-focus")).to_have_value("chain-rule")
    expect(page.locator("#graph-depth")).to_have_value("1")
    near = {"chain-rule", *route_graph.prereqs["chain-rule"], *route_graph.unlocks["chain-rule"]}
    lit = set(page.eval_on_selector_all(".gnode:not(.is-dim)", "ns => ns.map(n => n.dataset.id)"))
    assert lit == near
    listed = set(
        page.eval_on_selector_all(
            "[data-graph-list] li[data-id]:not([hidden])", "ns => ns.map(n => n.dataset.id)"
        )
    )
    assert listed == near
    expect(page.locator("[data-focus-summary]")).to_contain_text("Chain Rule")
    # Dimmed nodes leave the tab order; the picture is cropped to the focus.
    assert page.locator(".gnode.is-dim:not([tabindex='-1'])").count() == 0
    view_box = page.locator(".graph-svg").get_attribute("viewBox")
    full = page.locator(".graph-svg").get_attribute("data-width")
    assert view_box and full and float(view_box.split()[2]) < float(full)
    # Depth 2 reaches further; the URL follows the controls.
    page.select_option("#graph-depth", "2")
    expect(page).to_have_url(re.compile(r"focus=chain-rule&depth=2"))
    assert page.locator(".gnode:not(.is-dim)").count() > len(near)
    page.get_by_role("link", name="Show the whole atlas").click()
    expect(page.locator(".gnode.is-dim")).to_have_count(0)
    assert page_errors == []


def test_graph_keyboard_only(
    page: Page, site_url: str, page_errors: ErrorLog, route_graph: RouteGraph
) -> None:
    page.goto(site_url + "graph/", wait_until="load")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('gnode')"):
            break
    first = page.evaluate("document.activeElement.dataset.id")
    assert first and not route_graph.prereqs[first], "the first node is a starting point"
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.dataset.id")
    assert second and second != first
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert name and len(name) > 3
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{second}/$"))
    assert page_errors == []


def test_graph_list_view_has_every_edge(
    page: Page, site_url: str, page_errors: ErrorLog, route_graph: RouteGraph
) -> None:
    page.goto(site_url + "graph/?view=list", wait_until="load")
    expect(page.locator("[data-graph-picture]")).to_be_hidden()
    edges = sum(len(p) for p in route_graph.prereqs.values())
    assert page.locator("[data-graph-list] li[data-edge]").count() == edges
    assert page.locator(".graph-svg .gedge").count() == edges
    page.get_by_role("button", name="Picture").click()
    expect(page.locator("[data-graph-picture]")).to_be_visible()
    assert page_errors == []


def test_graph_shows_progress_from_the_memory(browser: Browser, site_url: str) -> None:
    errors = ErrorLog()
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = watch(context.new_page(), errors)
    page.goto(site_url + "graph/", wait_until="load")
    page.evaluate("""() => localStorage.setItem('cfn:v1:known:concepts', JSON.stringify(
        {schema: 1, updatedAt: Date.now(), value: {'calculus/functions': true}}))""")
    page.reload(wait_until="load")
    node = page.locator(".gnode[data-id=functions]")
    expect(node).to_have_class(re.compile(r"\bp-done\b"))
    assert (node.get_attribute("aria-label") or "").endswith(", known")
    assert errors == []
    context.close()


# -- the route planner ----------------------------------------------------------------------------


def test_route_page_plans_ticks_and_follows(
    browser: Browser, site_url: str, route_graph: RouteGraph
) -> None:
    errors = ErrorLog()
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = watch(context.new_page(), errors)
    page.goto(site_url + "route/?to=backpropagation", wait_until="load")
    steps = page.locator(".route-steps > li")
    full = plan_route(route_graph, "backpropagation")
    expect(steps).to_have_count(len(full))
    assert page.eval_on_selector_all(".route-steps > li", "ns => ns.map(n => n.dataset.id)") == full
    expect(steps.first).to_contain_text("Start here")
    expect(page.locator(".route-totals")).to_contain_text(f"{len(full)} concepts")
    # Tick the Chain Rule as known: the route shortens exactly as the Python planner says.
    page.get_by_label("Chain Rule").check()
    shorter = plan_route(route_graph, "backpropagation", {"chain-rule"})
    expect(steps).to_have_count(len(shorter))
    assert (
        page.eval_on_selector_all(".route-steps > li", "ns => ns.map(n => n.dataset.id)") == shorter
    )
    # Follow it: the route is saved and shown on the pages along it.
    page.get_by_role("button", name="Follow this route").click()
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()
    saved = page.evaluate("JSON.parse(localStorage.getItem('cfn:v1:route:current')).value")
    assert [s["id"] for s in saved["steps"]] == shorter
    step = route_graph.domain[shorter[0]] + "/" + shorter[0]
    page.goto(site_url + step + "/", wait_until="load")
    here = page.locator("[data-route-here]")
    expect(here).to_be_visible()
    expect(here).to_contain_text(f"step 1 of {len(shorter)}")
    expect(here).to_contain_text("Next:")
    page.goto(site_url, wait_until="load")
    expect(page.locator("[data-ready-next]")).to_be_visible()
    expect(page.locator("[data-ready-route]")).to_contain_text("Backpropagation")
    assert errors == []
    context.close()


def test_route_target_picker(page: Page, site_url: str, page_errors: ErrorLog) -> None:
    page.goto(site_url + "route/", wait_until="load")
    box = page.locator("#route-to")
    box.click()
    box.press_sequentially("backprop", delay=20)
    expect(page.locator("#route-to-list [role=option]").first).to_contain_text("Backpropagation")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"route/\?to=backpropagation$"))
    expect(page.locator(".route-steps > li").last).to_contain_text("Backpropagation")
    assert page_errors == []


def test_home_ready_next_starts_from_the_roots(
    page: Page, site_url: str, page_errors: ErrorLog, route_graph: RouteGraph
) -> None:
    page.goto(site_url, wait_until="load")
    section = page.locator("[data-ready-next]")
    expect(section).to_be_visible()
    links = section.locator(".ready-list a")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    roots = {n for n, p in route_graph.prereqs.items() if not p}
    assert hrefs and all(h.rstrip("/").split("/")[-1] in roots for h in hrefs)
    assert page_errors == []


# -- accessibility -------------------------------------------------------------------------------

FINDING_PAGES = {
    "search": "search/?q=derivative",
    "graph": "graph/",
    "graph focus": "graph/?focus=backpropagation&depth=2",
    "graph list": "graph/?view=list",
    "route": "route/?to=backpropagation",
    "route empty": "route/",
}


@pytest.mark.parametrize("name", sorted(FINDING_PAGES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_finding_pages_are_accessible(
    browser: Browser, site_url: str, name: str, scheme: Scheme
) -> None:
    errors = ErrorLog()
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page = watch(context.new_page(), errors)
    response = page.goto(site_url + FINDING_PAGES[name], wait_until="load")
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    _axe(page)
    assert errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_suggestions_are_accessible(browser: Browser, site_url: str, scheme: Scheme) -> None:
    errors = ErrorLog()
    context = browser.new_context(viewport={"width": 390, "height": 800}, color_scheme=scheme)
    page = watch(context.new_page(), errors)
    page.goto(site_url + "calculus/", wait_until="load")
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("chain", delay=20)
    expect(page.locator("#site-search-list")).to_be_visible()
    _axe(page)
    assert errors == []
    context.close()
