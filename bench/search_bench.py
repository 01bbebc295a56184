"""Search at scale: what the first query loads and how long until its first result, for the
bundled atlas and a synthetic 1,000-concept atlas (issue 11).

    .venv/bin/python bench/search_bench.py [--concepts 1000] [--runs 5] [--no-browser]

The index is built in Python exactly as the site build does (site/search_index.py, then
site/search_shards.py); the search runs the real browser code (static/js/search-core.js with the
vendored MiniSearch and stemmer). Prints numbers; asserts nothing.

The synthetic atlas has `--concepts` concepts, every one written out: each is a bundled
published concept's documents with a fresh title and a tenth of its words replaced by words
drawn from the whole atlas, so the vocabulary grows with the atlas instead of repeating.

Rows (under node, one fresh `Search` per query, so every query is a first query):
  docs, files, all KiB   documents, files under search/ and their total size, gzip
  manifest KiB           search/index.json, gzip: loaded before any query
  first query KiB        manifest + shards + result documents a query loads, gzip (median, max)
  first / warm           one query from a fresh Search (files read from disk, no network), and
                         the same query again (p50 / p95 over the queries, --runs times each)

Then, unless --no-browser, the header search box of a built site whose search files are the
synthetic atlas's, in headless Chromium with an empty cache, over local HTTP: for each query,
the time from the first keystroke (typed right after focusing the box, so the search code and
manifest load meanwhile) to the first suggestion, and the gzip bytes of every file fetched
(search code and index) until then. Target: first result ≤ 100 ms, first query ≤ 300 KiB gzip.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import threading
from dataclasses import replace
from pathlib import Path

from continuous_function.memo import Memo
from continuous_function.model.loader import load_atlas
from continuous_function.site.finding import vendor_files
from continuous_function.site.search_index import SearchIndex, build_search_index
from continuous_function.site.search_shards import search_files

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "src" / "continuous_function" / "static" / "js"

QUERIES = [
    "derivatives",
    "derivat",
    "derivitives",
    "chain rule",
    "backpropogation",
    "why does the KV cache grow with context?",
    "I want to understand DPO",
    "central difference",
    "difference quotient",
    "secant slope",
    "attention",
    "atention",
    "gradient descent",
    "rotary position",
    "softmax temperature",
    "kullback leibler",
    "reward hacking",
    "weight decay",
    "expected value",
    "vector space axioms",
]

RUNNER = r"""
import { readFileSync } from "node:fs";
const [site, runArg, queryArg] = process.argv.slice(-3);
const [runs, queries] = [Number(runArg), JSON.parse(queryArg)];
const { Search } = await import(`${site}/static/js/search-core.js`);
const out = [];
for (const q of queries) {
  const loaded = [];
  const load = async (path) => {
    loaded.push(path);
    return JSON.parse(readFileSync(`${site}/search/${path}`, "utf8"));
  };
  let t = performance.now();
  const s = await Search.open(load);
  await s.search(q, { limit: 7 });
  const first = performance.now() - t;
  const warm = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await s.search(q, { limit: 7 });
    warm.push(performance.now() - t);
  }
  out.push({ q, first, warm, loaded });
}
console.log(JSON.stringify(out));
"""


def synthetic(index: SearchIndex, n: int, seed: int = 7) -> SearchIndex:
    rng = random.Random(seed)
    written = [i for i, c in enumerate(index.concepts) if c.minutes]
    vocab = sorted({w for d in index.docs for w in d.text.split() if w.isalpha()})
    out = SearchIndex(domains=index.domains)
    for i in range(n):
        template = written[i % len(written)]
        title = " ".join(rng.sample(vocab, 3)).title()
        base = index.concepts[template]
        out.concepts.append(replace(base, id=f"c{i}", key=f"{base.domain}/c{i}", title=title))
        for d in (d for d in index.docs if d.c == template):
            words = d.text.split()
            for j in rng.sample(range(len(words)), len(words) // 10):
                words[j] = rng.choice(vocab)
            out.docs.append(
                replace(
                    d,
                    id=len(out.docs),
                    c=i,
                    text=" ".join(words),
                    title=title if d.title else "",
                )
            )
    return out


def write(site: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)


def gzip_kib(data: bytes) -> float:
    return len(gzip.compress(data, 6)) / 1024


def node_rows(name: str, index: SearchIndex, runs: int) -> dict[str, bytes]:
    files = search_files(index, Memo())
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        write(site, files | vendor_files())
        for module in ("search-core.js", "search-terms.js"):
            write(site, {f"static/js/{module}": (JS / module).read_bytes()})
        done = subprocess.run(
            [
                "node",
                "--input-type=module",
                "-e",
                RUNNER,
                str(site),
                str(runs),
                json.dumps(QUERIES),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    sizes = {rel: gzip_kib(data) for rel, data in files.items()}
    queries = json.loads(done.stdout)
    first_kib = [sum(sizes[f"search/{p}"] for p in q["loaded"]) for q in queries]
    warm = sorted(t for q in queries for t in q["warm"])
    firsts = sorted(q["first"] for q in queries)
    print(
        f"{name:34} {len(index.docs):6} {len(files):6} {sum(sizes.values()):8.0f} "
        f"{sizes['search/index.json']:8.0f} "
        f"{statistics.median(first_kib):6.0f} /{max(first_kib):4.0f} "
        f"{statistics.median(firsts):6.1f} / {firsts[-1]:5.1f} ms {_pct(warm, 0.5):6.2f} / "
        f"{_pct(warm, 0.95):5.2f} ms"
    )
    return files


def _pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(p * len(values)))]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def browser_rows(search: dict[str, bytes]) -> None:
    from playwright.sync_api import sync_playwright

    from continuous_function.build import build
    from continuous_function.chromium import ARGS, CHROMIUM

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        cache = Path(os.environ.get("CFN_CACHE", ROOT / ".cache")) / "witness"
        result = build(ROOT / "curriculum", site, cache_dir=cache)
        if not result.written:
            raise SystemExit("the bundled atlas did not build: " + result.diagnostics[0].format())
        shutil.rmtree(site / "search" / "terms")
        shutil.rmtree(site / "search" / "docs")
        write(site, search)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/calculus/derivatives/"
        rows = []
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in QUERIES:
                context = chromium.new_context()  # an empty cache for every query
                page = context.new_page()
                page.goto(url)
                page.wait_for_load_state("load")
                fetched: list[str] = []
                page.on("request", lambda r, fetched=fetched: fetched.append(r.url))
                page.evaluate(
                    """() => {
                      window.__first = null;
                      addEventListener("keydown", () => { window.__first ??= performance.now(); },
                        { capture: true });
                      window.__shown = new Promise((resolve) => {
                        new MutationObserver((_, o) => {
                          const list = document.querySelector(".search-pop:not([hidden])");
                          if (list?.querySelector(".search-option .opt-title, .search-empty")) {
                            o.disconnect();
                            resolve(performance.now());
                          }
                        }).observe(document.body, { subtree: true, childList: true });
                        setTimeout(() => resolve(NaN), 10_000);
                      });
                    }"""
                )
                page.focus("#site-search")
                page.keyboard.type(query)
                shown = page.evaluate("window.__shown")
                took = shown - page.evaluate("window.__first")
                paths = [u.split("/", 3)[3].split("?")[0] for u in fetched]
                kib = sum(gzip_kib((site / p).read_bytes()) for p in paths if (site / p).is_file())
                index_kib = sum(
                    gzip_kib((site / p).read_bytes()) for p in paths if p.startswith("search/")
                )
                rows.append((query, took, kib, index_kib, len(paths)))
                context.close()
            chromium.close()
        server.shutdown()
    print(f"\nChromium, header box, empty cache, {len(search)} search files (synthetic atlas):")
    print(f"{'query':42} {'first result':>12} {'fetched gzip':>12} {'index':>11} {'files':>5}")
    for query, took, kib, index_kib, n in rows:
        print(f"{query:42} {took:9.0f} ms {kib:8.0f} KiB {index_kib:7.0f} KiB {n:5}")
    times = sorted(r[1] for r in rows)
    print(f"{'median':42} {statistics.median(times):9.0f} ms   max {times[-1]:.0f} ms")
    print("(first result: the first suggestion, or 'No concept matches', is on screen)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    bundled = build_search_index(atlas)
    n_written = sum(1 for c in bundled.concepts if c.minutes)
    print(f"load average {os.getloadavg()[0]:.1f} (the machine is shared: numbers are under load)")
    print(
        f"{'':34} {'docs':>6} {'files':>6} {'all KiB':>8} {'manifest':>8} {'first query KiB':>15} "
        f"{'first query':>18} {'warm query':>17}"
    )
    node_rows(f"bundled ({len(bundled.concepts)}, {n_written} written)", bundled, args.runs)
    big = node_rows(
        f"synthetic ({args.concepts}, all written)", synthetic(bundled, args.concepts), args.runs
    )
    if not args.no_browser:
        browser_rows(big)


if __name__ == "__main__":
    main()
