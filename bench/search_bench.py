"""Search: index size and query latency for the bundled atlas and a synthetic 1,000-concept atlas.

    .venv/bin/python bench/search_bench.py [--concepts 1000] [--runs 5]

The index is built in Python exactly as the site build does (site/search_index.py); the search
itself runs under node with the real browser code (static/js/search-core.js and the vendored
MiniSearch + stemmer), so the numbers are those of the ranking the site ships. Prints numbers;
asserts nothing.

The synthetic atlas has `--concepts` concepts, every one written out (a page like the bundled
published pages: sections, equations, claims, misconceptions). Each is a bundled published
concept's documents with a fresh title and a tenth of its words replaced by words drawn from the
whole atlas, so the vocabulary grows with the atlas instead of repeating.

Rows:
  docs, raw, gzip   documents in the index and the size of search/index.json
  parse             JSON.parse of the index
  index             building the MiniSearch index in the browser's place (first phase: titles,
                    tags, summaries; second phase: everything else), in slices between which
                    the browser can paint and take input
  slice             the longest of those slices (a task over 50 ms would be a long task)
  query p50 / p95   one search (ranking, grouping and snippets) over a list of learner queries,
                    each run --runs times after one warm-up
  heap              node's heap after indexing
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from continuous_function.model.loader import load_atlas
from continuous_function.site.finding import vendor_files
from continuous_function.site.search_index import build_search_index

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
const [site, indexPath, runArg, queryArg] = process.argv.slice(-4);
const [runs, queries] = [Number(runArg), JSON.parse(queryArg)];
const { Search } = await import(`${site}/static/js/search-core.js`);
const MiniSearch = (await import(`${site}/static/vendor/minisearch/index.js`)).default;
const addAll = MiniSearch.prototype.addAll;
let slice = 0;
MiniSearch.prototype.addAll = function (docs) {
  const t0 = performance.now();
  addAll.call(this, docs);
  slice = Math.max(slice, performance.now() - t0);
};
const text = readFileSync(indexPath, "utf8");
let t = performance.now();
const data = JSON.parse(text);
const parse = performance.now() - t;
t = performance.now();
const s = new Search(data);
await s.titles;
const first = performance.now() - t;
t = performance.now();
await s.ready;
const rest = performance.now() - t;
const times = [];
for (const q of queries) {
  s.search(q);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    s.search(q);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(JSON.stringify({ parse, first, rest, slice, p50: pct(0.5), p95: pct(0.95),
  max: times.at(-1), heap: process.memoryUsage().heapUsed / 2 ** 20 }));
"""


def site_dir(tmp: Path) -> Path:
    (tmp / "static" / "js").mkdir(parents=True)
    shutil.copy2(JS / "search-core.js", tmp / "static" / "js" / "search-core.js")
    for rel, data in vendor_files().items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_bytes(data)
    return tmp


def synthetic(index: dict[str, object], n: int, seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    concepts: list[dict[str, object]] = index["concepts"]  # type: ignore[assignment]
    docs: list[dict[str, object]] = index["docs"]  # type: ignore[assignment]
    written = [i for i, c in enumerate(concepts) if c["minutes"]]
    by_concept: dict[int, list[dict[str, object]]] = {}
    for d in docs:
        by_concept.setdefault(d["c"], []).append(d)  # type: ignore[arg-type]
    vocab = sorted({w for d in docs for w in str(d.get("text", "")).split() if w.isalpha()})
    out_concepts: list[dict[str, object]] = []
    out_docs: list[dict[str, object]] = []
    for i in range(n):
        template = written[i % len(written)]
        title = " ".join(rng.sample(vocab, 3)).title()
        base = concepts[template]
        out_concepts.append(
            {**base, "id": f"c{i}", "key": f"{base['domain']}/c{i}", "title": title}
        )
        for d in by_concept[template]:
            words = str(d.get("text", "")).split()
            for j in rng.sample(range(len(words)), len(words) // 10):
                words[j] = rng.choice(vocab)
            doc = {**d, "id": len(out_docs), "c": i, "text": " ".join(words)}
            if "title" in doc:
                doc["title"] = title
            out_docs.append(doc)
    return {**index, "concepts": out_concepts, "docs": out_docs}


def measure(site: Path, index: dict[str, object], runs: int) -> dict[str, float]:
    raw = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    path = site / "index.json"
    path.write_bytes(raw)
    done = subprocess.run(
        [
            "node",
            "--input-type=module",
            "-e",
            RUNNER,
            str(site),
            str(path),
            str(runs),
            json.dumps(QUERIES),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    numbers: dict[str, float] = json.loads(done.stdout)
    numbers |= {
        "docs": len(index["docs"]),
        "raw": len(raw),  # type: ignore[arg-type]
        "gzip": len(gzip.compress(raw, 9)),
    }
    return numbers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concepts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    atlas, _ = load_atlas(ROOT / "curriculum")
    assert atlas is not None
    bundled = json.loads(build_search_index(atlas).to_json())
    n_written = sum(1 for c in bundled["concepts"] if c["minutes"])
    with tempfile.TemporaryDirectory() as tmp:
        site = site_dir(Path(tmp))
        rows = [
            (
                f"bundled ({len(bundled['concepts'])} concepts, {n_written} written)",
                measure(site, bundled, args.runs),
            ),
            (
                f"synthetic ({args.concepts} concepts, all written)",
                measure(site, synthetic(bundled, args.concepts), args.runs),
            ),
        ]
    print(
        f"{'':42} {'docs':>6} {'raw KiB':>8} {'gzip KiB':>8} {'parse':>7} {'index':>15} "
        f"{'slice':>6} {'query p50':>9} {'p95':>7} {'max':>7} {'heap MiB':>8}"
    )
    for name, m in rows:
        print(
            f"{name:42} {m['docs']:6.0f} {m['raw'] / 1024:8.0f} {m['gzip'] / 1024:8.0f} "
            f"{m['parse']:5.0f}ms {m['first']:5.0f}+{m['rest']:5.0f} ms {m['slice']:4.0f}ms "
            f"{m['p50']:7.2f}ms {m['p95']:5.1f}ms {m['max']:5.1f}ms {m['heap']:8.0f}"
        )


if __name__ == "__main__":
    main()
