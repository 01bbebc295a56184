"""Search: the index the build writes, and the real ranking run under node against it.

The learner queries below run through static/js/search-core.js with the vendored MiniSearch and
stemmer exactly as the browser loads them from the built site; each intended concept must be in
the top three, and where the query names a place on a page (an equation, a passage) the best
result must link to that anchor.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from continuous_function.memo import Memo
from continuous_function.model.loader import load_atlas
from continuous_function.site.search_index import build_search_index, tex_to_text
from continuous_function.site.search_shards import search_files
from continuous_function.site.search_terms import FieldTerms

ROOT = Path(__file__).resolve().parents[1]

QUERIES: list[tuple[str, str, str | None]] = [
    # (query, intended concept id, anchor the best result for it must open, if any)
    ("derivatives", "derivatives", None),  # a concept name
    ("derivat", "derivatives", None),  # a prefix
    ("derivitives", "derivatives", None),  # a one-letter typo
    ("backpropogation", "backpropagation", None),  # a typo in a long word
    ("gradien descent", "gradient-descent", None),  # a dropped letter
    ("flash atention", "flash-attention", None),  # a typo after a name
    ("chain rule", "chain-rule", None),
    ("why does the KV cache grow with context?", "efficient-attention", None),  # a confusion
    ("I want to understand DPO", "dpo", None),  # a target, by its acronym
    ("central difference", "derivatives", "eq-central"),  # an equation's name
    ("difference quotient", "derivatives", "eq-secant"),
    ("adjoint recursion", "reverse-mode-autodiff", "eq-adjoint-recursion"),
    ("zoom in on a smooth curve", "derivatives", "intuition"),  # a phrase from inside a page
    ("round-off error dominates", "derivatives", None),
    ("scaled dot product attention", "attention-transformers", None),
    ("rotary embeddings", "rope", None),
    ("softmax temperature top-p", "decoding-sampling", None),
    ("adamw decoupled weight decay", "weight-decay-adamw", None),
    ("mixture of experts routing", "mixture-of-experts", None),
    ("vector space axioms", "vector-spaces", None),
    ("expected value variance", "random-variables", None),
    ("speculative decoding draft model", "speculative-decoding", None),
]

NODE_RUNNER = r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [site, queryArg] = process.argv.slice(-2);
const { Search } = await import(pathToFileURL(`${site}/static/js/search-core.js`).href);
const load = async (path) => JSON.parse(readFileSync(`${site}/search/${path}`, "utf8"));
const s = await Search.open(load);
const out = {};
for (const { q, domain } of JSON.parse(queryArg)) {
  out[`${q}|${domain || ""}`] = (await s.search(q, { domain, limit: 10 })).map((r) => ({
    id: r.concept.id, domain: r.concept.domain, href: r.place.href, kind: r.place.kind,
    snippet: r.place.snippet, title: r.place.titleParts,
  }));
}
console.log(JSON.stringify(out));
"""

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def search(site: Path, queries: list[dict[str, str]]) -> dict[str, list[dict[str, object]]]:
    done = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_RUNNER, str(site), json.dumps(queries)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, list[dict[str, object]]] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def results(built_site: Path) -> dict[str, list[dict[str, object]]]:
    return search(built_site, [{"q": q} for q, _, _ in QUERIES])


@needs_node
@pytest.mark.parametrize(("query", "intended", "anchor"), QUERIES)
def test_learner_query_finds_the_intended_concept(
    results: dict[str, list[dict[str, object]]], query: str, intended: str, anchor: str | None
) -> None:
    top = results[f"{query}|"][:3]
    ids = [r["id"] for r in top]
    assert intended in ids, f"{query!r}: top three are {ids}"
    if anchor is not None:
        hit = next(r for r in top if r["id"] == intended)
        assert str(hit["href"]).endswith(f"#{anchor}"), hit["href"]


@needs_node
def test_snippets_mark_the_matching_words(results: dict[str, list[dict[str, object]]]) -> None:
    for query, _, _ in QUERIES:
        for r in results[f"{query}|"][:3]:
            snippet, title = r["snippet"], r["title"]
            assert isinstance(snippet, list) and snippet, (query, r)
            assert isinstance(title, list), (query, r)
            marked = [p["text"] for p in snippet + title if p["mark"]]
            assert marked, f"{query!r} → {r['id']}: nothing highlighted"


@needs_node
def test_domain_filter(built_site: Path) -> None:
    found = search(
        built_site, [{"q": "gradient", "domain": "calculus"}, {"q": "gradient", "domain": ""}]
    )
    assert found["gradient|calculus"], "no calculus concept mentions gradients?"
    assert {r["domain"] for r in found["gradient|calculus"]} == {"calculus"}
    assert len(found["gradient|"]) > len(found["gradient|calculus"])


@needs_node
def test_stop_words_alone_find_nothing(built_site: Path) -> None:
    assert search(built_site, [{"q": "why does the"}]) == {"why does the|": []}


def test_every_document_links_to_an_anchor_on_its_page(built_site: Path) -> None:
    manifest = json.loads((built_site / "search" / "index.json").read_text(encoding="utf-8"))
    for c, concept in enumerate(manifest["concepts"]):
        html = (built_site / concept["key"] / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        docs = json.loads((built_site / "search" / "docs" / f"{c}.json").read_text("utf-8"))
        assert len(docs) == manifest["starts"][c + 1] - manifest["starts"][c]
        for doc in docs:
            anchor = doc.get("anchor", "")
            assert not anchor or anchor in ids, (concept["key"], anchor)


PARITY_RUNNER = r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [site, queryArg] = process.argv.slice(-2);
const core = await import(pathToFileURL(`${site}/static/js/search-core.js`).href);
const MiniSearch = (await import(pathToFileURL(`${site}/static/vendor/minisearch/index.js`).href))
  .default;
const load = async (path) => JSON.parse(readFileSync(`${site}/search/${path}`, "utf8"));
const sharded = await core.Search.open(load);
const { concepts } = sharded.data;
const docs = [];
for (let c = 0; c < concepts.length; c++) {
  for (const doc of await load(`docs/${c}.json`)) {
    const title = doc.kind === "concept" ? { title: concepts[c].title } : {};
    docs.push({ ...doc, id: docs.length, ...title });
  }
}
const whole = new MiniSearch({ fields: core.FIELDS, idField: "id", tokenize: core.tokenize,
  processTerm: core.processTerm, searchOptions: core.searchOptions });
whole.addAll(docs);
const browser = await core.Search.open(load);
browser.index = async () => whole; // the same ranking and grouping over the one whole index
const top = async (s, q) => (await s.search(q, { limit: 3 })).map((r) => [r.place.href, r.score]);
const out = {};
for (const q of JSON.parse(queryArg)) {
  out[q] = { whole: await top(browser, q), sharded: await top(sharded, q) };
}
console.log(JSON.stringify(out));
"""


@needs_node
def test_sharded_index_ranks_like_one_built_in_the_browser(built_site: Path) -> None:
    """The prebuilt shards rank the top three places as MiniSearch indexing every document in
    the browser did before issue 11. (Scores may differ: a typo in a word's first two letters,
    "round" → "bound", no longer matches, and such weak matches add to a concept's score.)"""
    queries = [q for q, _, _ in QUERIES]
    done = subprocess.run(
        ["node", "--input-type=module", "-e", PARITY_RUNNER, str(built_site), json.dumps(queries)],
        capture_output=True,
        text=True,
        check=True,
    )
    for query, top in json.loads(done.stdout).items():
        assert top["whole"], query
        assert [h for h, _ in top["sharded"]] == [h for h, _ in top["whole"]], query
        # the best place's own score is BM25 over the same postings and field lengths
        assert top["sharded"][0][1] == pytest.approx(top["whole"][0][1], rel=0.01), query


def test_index_covers_every_concept_and_part() -> None:
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    index = build_search_index(atlas)
    assert [c.key for c in index.concepts] == [c.key for c in atlas.concepts()]
    heads = [d for d in index.docs if d.kind == "concept"]
    assert [d.title for d in heads] == [c.meta.title for c in atlas.concepts()]
    derivatives = next(i for i, c in enumerate(index.concepts) if c.id == "derivatives")
    docs = {d.anchor: d for d in index.docs if d.c == derivatives}
    assert {"intuition", "math", "code-section", "demo-section", "eq-central"} <= set(docs)
    assert "central difference" in docs["eq-central"].label
    assert any(a.startswith("claim-") for a in docs) and any(
        a.startswith("misconception-") for a in docs
    )
    assert "$" not in docs["math"].text and "\\frac" not in docs["math"].text
    concept = atlas.concept("derivatives")
    assert concept is not None
    assert index.concepts[derivatives].minutes > 0
    for tag in concept.meta.tags:
        assert tag in heads[derivatives].tags


def test_index_files_are_deterministic_and_term_counts_remembered() -> None:
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    memo: Memo[tuple[str, str], list[list[FieldTerms]]] = Memo()
    first = search_files(build_search_index(atlas), memo)
    assert memo.hits == 0 and memo.size == len(list(atlas.concepts()))
    assert search_files(build_search_index(atlas), memo) == first  # every concept from the memo
    assert memo.hits == memo.size
    assert search_files(build_search_index(atlas), Memo()) == first  # a fresh memo, same bytes
    assert len(first) > len(list(atlas.concepts())) + 100  # manifest, docs per concept, shards


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\lim_{h \to 0} \frac{f(x+h) - f(x)}{h}", "lim_h → 0 f(x+h) - f(x)h"),
        (r"\eta\, f'(x)", "η f'(x)"),
        (r"\mathbb{R}^n", "R^n"),
        (r"\lVert x \rVert_2", "‖ x ‖_2"),
    ],
)
def test_tex_to_text(tex: str, text: str) -> None:
    assert tex_to_text(tex) == text


def test_header_search_box_is_on_every_page(built_site: Path) -> None:
    for page in [
        "index.html",
        "calculus/index.html",
        "calculus/derivatives/index.html",
        "graph/index.html",
        "route/index.html",
        "search/index.html",
        "404.html",
    ]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'id="site-search"' in html and "static/js/finding.js" in html, page
