"""`build()` as authors depend on it: complete, deterministic and atomic.

The engine tests break a private copy of the small site case (four concepts, a fraction of a
second to build); `built_site`, the bundled atlas built once, is the smoke build of the real
curriculum."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from continuous_function.build import build

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "witness"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the small site case that a test may break."""
    root = tmp_path / "curriculum"
    shutil.copytree(ROOT / "tests" / "site_cases" / "small" / "curriculum", root)
    return root


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_every_page_type_is_written(built_site: Path) -> None:
    for rel in (
        "index.html",
        "404.html",
        "sitemap.xml",
        "favicon.svg",
        "objects.json",
        "calculus/index.html",
        "calculus/derivatives/index.html",
        "_headers",
        "static/css/site.css",
        "static/vendor/katex/katex.min.css",
        "calculus/derivatives/page.css",
    ):
        assert (built_site / rel).is_file(), rel
    concepts = list(ROOT.glob("curriculum/*/*/concept.yaml"))
    pages = list(built_site.glob("*/*/index.html"))
    assert len(pages) == len(concepts)


def test_pages_carry_their_own_metadata(built_site: Path) -> None:
    html = (built_site / "calculus/derivatives/index.html").read_text()
    assert "<title>Derivatives — Continuous Function</title>" in html
    assert '<link rel="canonical" href="http://127.0.0.1:8000/calculus/derivatives/">' in html
    assert '<meta property="og:title" content="Derivatives — Continuous Function">' in html
    assert re.search(r'<meta name="description" content="[^"]{40,}">', html)


def test_no_inline_script_style_or_handlers(built_site: Path) -> None:
    """Pages must work under script-src 'self' and style-src 'self'."""
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page
        assert not re.search(r"<[^>]+\sstyle=\"", html), page
        assert not re.search(r"<[^>]+\son[a-z]+=\"", html), page
        assert "<style" not in html, page


def test_flagship_page_shows_every_panel(built_site: Path) -> None:
    html = (built_site / "calculus/derivatives/index.html").read_text()
    for marker in (
        'aria-labelledby="map-title"',
        "Conceptual bridge",
        'id="intuition"',
        'id="math"',
        'id="code-section"',
        'id="demo-section"',
        'class="witness"',
        'class="witness-output"',
        'class="demo"',
        "Mechanism storyboard",
        "Visual inquiry",
        "Common misconceptions",
        "Source grounding",
        "Claim review",
        "Practice loop",
        "Research room",
        "<math",
    ):
        assert marker in html, marker
    assert "Witness-verified" in html
    assert "Source-linked" in html


def test_build_is_deterministic(tree: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    build(tree, a, cache_dir=CACHE)
    build(tree, b, cache_dir=CACHE)
    assert _files(a) == _files(b)


def test_failed_build_leaves_the_previous_site(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(tree, out, cache_dir=CACHE).written
    before = _files(out)
    page = tree / "calculus/derivatives/page.md"
    page.write_text(page.read_text().replace(r"\frac", r"\frac{", 1))
    result = build(tree, out, cache_dir=CACHE)
    assert not result.written
    assert [d.code for d in result.diagnostics if d.severity == "error"] == ["P004"]
    assert _files(out) == before


def test_broken_formula_is_reported_at_its_line(tree: Path) -> None:
    page = tree / "calculus/derivatives/page.md"
    lines = page.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if r"\frac" in line)
    lines[n] = lines[n].replace(r"\frac", r"\fracc", 1)
    page.write_text("\n".join(lines) + "\n")
    [problem] = [d for d in build(tree, None, cache_dir=CACHE).diagnostics if d.severity == "error"]
    assert (problem.code, problem.location.path.name, problem.location.line) == (
        "P004",
        "page.md",
        n + 1,
    )


def test_dev_build_shows_errors_on_the_page(tree: Path, tmp_path: Path) -> None:
    page = tree / "calculus/derivatives/page.md"
    page.write_text(page.read_text().replace(r"\frac", r"\fracc", 1))
    out = tmp_path / "site"
    result = build(tree, out, dev=True, cache_dir=CACHE)
    assert result.written
    html = (out / "calculus/derivatives/index.html").read_text()
    assert "This page has content errors" in html and "P004" in html and "page.md:" in html
    assert "static/js/reload.js" in html
    assert "Derivatives" in (out / "calculus/functions/index.html").read_text()


def test_prev_next_follow_prerequisites(built_site: Path) -> None:
    html = (built_site / "calculus/derivatives/index.html").read_text()
    assert 'rel="prev"' in html and "Functions" in html.split('rel="prev"')[1][:200]


def test_unknown_witness_region_is_reported_at_its_line(tree: Path) -> None:
    page = tree / "calculus/derivatives/page.md"
    lines = page.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("[[witness:"))
    lines[n] = "[[witness:no-such-region]]"
    page.write_text("\n".join(lines) + "\n")
    [problem] = [d for d in build(tree, None, cache_dir=CACHE).diagnostics if d.severity == "error"]
    assert (problem.code, problem.location.line) == ("P009", n + 1)
    assert "no-such-region" in problem.message


def test_neighbourhood_maps_break_labels_into_lines(built_site: Path) -> None:
    """dot label escapes must reach graphviz once: no literal backslash-n in the drawings."""
    maps = list(built_site.glob("*/*/map.svg"))
    assert maps
    for svg in maps:
        assert "\\n" not in svg.read_text(), svg
