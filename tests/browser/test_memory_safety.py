"""Learner records are never lost (issue 13, item 8), in Chromium under the site's CSP: opening a
page keeps a progress record of a newer schema byte for byte, answering the inquiry keeps an
unreadable record (and the export still carries it), and a 40,000-record memory file imports
with progress while the event loop keeps turning, with the true reason for every refusal."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from .conftest import ErrorLog
from .test_learner_loop import KEY, answer_inquiry, fresh, memory, open_concept

__all__ = ["fresh"]  # the fixture, re-used from the learner-loop tests

NEWER_PROGRESS = json.dumps(
    {
        "schema": 2,
        "updatedAt": 1764203210123,
        "value": {"sections": {"math": 1}, "streak": 7, "reviewAt": 1764900000000},
    }
)


def stored(page: Page, storage_key: str) -> Any:
    return page.evaluate("k => localStorage.getItem(k)", storage_key)


def test_opening_a_page_keeps_a_progress_record_of_a_newer_schema(
    fresh: Any, site_url: str, page_errors: ErrorLog
) -> None:
    page = fresh()
    page.goto(site_url + "404.html")
    sk = f"cfn:v1:progress:{KEY}"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [sk, NEWER_PROGRESS])
    open_concept(page, site_url)
    problems = page.locator("[data-memory-problems]")
    expect(problems).to_contain_text("written by a newer version (schema 2)")
    expect(problems).to_contain_text("left untouched")
    expect(page.locator("[data-concept-status]")).to_contain_text(
        "progress is not being recorded, because the saved progress record is written by a"
        " newer version (schema 2)"
    )
    page.locator("#math").scroll_into_view_if_needed()
    page.wait_for_timeout(1300)  # a section counts as read after 1 s in view
    assert stored(page, sk) == NEWER_PROGRESS
    page.reload()
    page.wait_for_selector("html[data-loop='ready']", state="attached")
    assert stored(page, sk) == NEWER_PROGRESS
    assert page_errors == []


def test_answering_the_inquiry_keeps_an_unreadable_record(
    fresh: Any, site_url: str, page_errors: ErrorLog, tmp_path: Path
) -> None:
    page = fresh()
    page.goto(site_url + "404.html")
    sk = f"cfn:v1:inquiry:{KEY}"
    page.evaluate("k => localStorage.setItem(k, '{half a rec')", sk)
    open_concept(page, site_url)
    answer_inquiry(page, "halves-error")
    # The learner still sees the answer, and is told it was not kept and why.
    expect(page.locator("#inquiry [data-feedback]")).to_contain_text("Correct.")
    expect(page.locator("#inquiry [data-gate-note]")).to_contain_text("Not saved")
    expect(page.locator("#inquiry [data-gate-note]")).to_contain_text("not valid JSON")
    assert stored(page, sk) == "{half a rec"
    with page.expect_download() as download:
        page.locator("[data-export]").click()
    path = tmp_path / "memory.json"
    download.value.save_as(path)
    exported = json.loads(path.read_text())
    assert {"storageKey": sk, "raw": "{half a rec"} in exported["unreadable"]
    assert page_errors == []


RECORDS = 40_000
OVERSIZED = 3


def memory_file(path: Path) -> Path:
    """An export near the 5 MB file limit: 40,000 small records of every kind, 3 of them too big."""
    kinds = [
        ("practice", "concept:d{}/c{}#practice-1", {"answer": "a"}),
        ("research", "claim:d{}/c{}#x", {"note": "n"}),
        ("demo", "demo:d{}/c{}#demo", {"revealed": True}),
        ("inquiry", "concept:d{}/c{}", {"choice": "a", "correct": True}),
    ]
    records = []
    for i in range(RECORDS):
        kind, key, value = kinds[i % len(kinds)]
        if i < OVERSIZED:
            value = {"note": "x" * 101_000}
        records.append(
            {
                "kind": kind,
                "key": key.format(i % 97, i),
                "schema": 1,
                "updatedAt": 1764203210123 + i,
                "value": value,
            }
        )
    data = {"format": "continuous-function-learner-memory", "schema": 1, "records": records}
    path.write_text(json.dumps(data, separators=(",", ":")))
    assert path.stat().st_size < 5_000_000
    return path


# Counts turns of the event loop (a MessageChannel ping-pong) and, on every change of the import
# progress bar, notes the bar's value and the turns so far.
PROBE = """() => {
    const probe = window.__probe = { turns: 0, samples: [], running: true };
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
        probe.turns += 1;
        if (probe.running) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
    const bar = document.querySelector('[data-import-progress] progress');
    new MutationObserver(() => probe.samples.push([bar.value, bar.max, probe.turns]))
        .observe(bar, { attributes: true, attributeFilter: ['value', 'max'] });
    new MutationObserver(() => probe.samples.push([bar.value, bar.max, probe.turns]))
        .observe(bar.parentElement, { childList: true, subtree: true, characterData: true });
}"""


def test_a_40000_record_file_imports_with_progress_and_the_event_loop_keeps_turning(
    fresh: Any, site_url: str, page_errors: ErrorLog, tmp_path: Path
) -> None:
    page = open_concept(fresh(), site_url)
    page.evaluate(PROBE)
    page.locator("#learner-memory").scroll_into_view_if_needed()
    page.locator("[data-import-file]").set_input_files(memory_file(tmp_path / "memory.json"))
    progress = page.locator("[data-import-progress]")
    expect(progress).to_be_visible()
    status = page.locator("[data-memory-status]")
    expect(status).to_contain_text("Imported 40,000 records", timeout=120_000)
    expect(progress).to_be_hidden()
    probe = page.evaluate("() => { window.__probe.running = false; return window.__probe; }")

    samples = [(v, m, t) for v, m, t in probe["samples"] if m == RECORDS + 0.0 or m == RECORDS]
    done = [v for v, _, _ in samples]
    assert done == sorted(done) and done[-1] == RECORDS, done[-5:]
    slices = sorted({(v, t) for v, _, t in samples})
    assert len(slices) >= 10, f"progress was reported {len(slices)} times"
    turns = [t for _, t in slices]
    assert all(b > a for a, b in itertools.pairwise(turns)), (
        "the event loop must turn between two slices of the import"
    )

    added = sum(1 for k in memory(page) if k.startswith("cfn:v1:") and ":d" in k)
    text = status.inner_text()
    assert f"{added:,} added" in text
    assert f"{OVERSIZED} not saved: over the 100,000-character limit for one record" in text
    full = RECORDS - OVERSIZED - added
    assert full > 0  # 40,000 records do not fit in 2,000,000 characters, and it says so
    assert f"{full:,} not saved: your learning memory reached its 2,000,000-character limit" in text
    assert "storage for the site is full" not in text
    usage = page.locator("[data-memory-usage]")
    expect(usage).to_contain_text("records in this browser")
    assert page_errors == []
