"""The search index as the browser loads it: prebuilt, serialized and sharded (issue 11).

Indexing in the browser grew with the atlas (4.9 MB gzip and 4.4 s of indexing at 1,000
concepts), so the build does MiniSearch's indexing work and the browser only loads what a query
needs:

- `search/index.json`, the manifest: domains, concepts, where each concept's documents start,
  every document's field lengths and the average field lengths (what BM25 needs of the whole
  index), and which shard holds the terms beginning with which two letters;
- `search/terms/<n>.json`, one shard per two-letter term prefix: each term's postings per field
  (document ids delta-coded, with the term's count), which search-core.js turns into MiniSearch's
  own serialized form and loads with `MiniSearch.loadJS`;
- `search/docs/<c>.json`, the documents of concept `c` (labels, anchors, text): fetched only
  for the concepts shown as results, to build their links and snippets.

The numbers are those MiniSearch's `add` computes, in document order (the running average of
field lengths included), so ranking over the shards equals ranking over an index built in the
browser from the same documents (tests/test_search.py checks it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict

from continuous_function.memo import Memo
from continuous_function.site.search_index import INDEX_VERSION, SearchDoc, SearchIndex
from continuous_function.site.search_terms import FieldTerms, TermCounter, code_digest, terms_code

FIELDS = ("title", "tags", "label", "text")
"""The indexed fields, in the order of FIELDS in search-terms.js (their ids are positions)."""


def searchable(doc: SearchDoc) -> dict[str, str]:
    """The fields MiniSearch would index: the empty ones are left out of the documents."""
    return {f: value for f in FIELDS if (value := getattr(doc, f))}


def shard_key(term: str) -> str:
    """Its first two characters (code points, as `shardKey` in search-terms.js)."""
    return term[:2]


def search_files(
    index: SearchIndex, memo: Memo[tuple[str, str], list[list[FieldTerms]]]
) -> dict[str, bytes]:
    """The manifest, the term shards and the per-concept documents, by site path.

    Term counts are remembered per concept, keyed by its documents and the digest of the term
    code; V8 starts only when some concept missed."""
    code = terms_code()
    digest = code_digest(code)
    per_concept: list[list[dict[str, str]]] = [[] for _ in index.concepts]
    for doc in index.docs:
        per_concept[doc.c].append(searchable(doc))
    keys = [(digest, json.dumps(docs, ensure_ascii=False, sort_keys=True)) for docs in per_concept]
    known: dict[tuple[str, str], list[list[FieldTerms]]] = {}
    missing: dict[tuple[str, str], list[dict[str, str]]] = {}
    for key, docs in zip(keys, per_concept, strict=True):
        if key in known or key in missing:
            continue
        if (found := memo.peek(key)) is not None:
            known[key] = found
        else:
            missing[key] = docs
    if missing:
        with TermCounter(code) as counter:
            counted = iter(counter.count([doc for docs in missing.values() for doc in docs]))
        for key, docs in missing.items():
            known[key] = [next(counted) for _ in docs]
            memo.put(key, known[key])
    return shard_index(index, [terms for key in keys for terms in known[key]])


def shard_index(index: SearchIndex, terms: list[list[FieldTerms]]) -> dict[str, bytes]:
    postings: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    lengths = [0] * (len(FIELDS) * len(index.docs))
    average = [0.0] * len(FIELDS)
    for doc_id, fields in enumerate(terms):
        for field in fields:
            lengths[doc_id * len(FIELDS) + field.field] = field.length
            # MiniSearch's addFieldLength: a running mean over the documents added so far.
            average[field.field] = (average[field.field] * doc_id + field.length) / (doc_id + 1)
            for term, count in field.counts.items():
                postings[term][field.field].append((doc_id, count))

    by_prefix: dict[str, list[str]] = defaultdict(list)
    for term in postings:
        by_prefix[shard_key(term)].append(term)
    prefixes = sorted(by_prefix)
    files: dict[str, bytes] = {}
    for n, prefix in enumerate(prefixes):
        entries = [
            [term, {str(f): _delta(docs) for f, docs in sorted(postings[term].items())}]
            for term in sorted(by_prefix[prefix])
        ]
        files[f"search/terms/{n}.json"] = _json(entries)

    starts = [0] * (len(index.concepts) + 1)
    for doc in index.docs:
        starts[doc.c + 1] += 1
    for c in range(len(index.concepts)):
        starts[c + 1] += starts[c]
        docs = index.docs[starts[c] : starts[c + 1]]
        files[f"search/docs/{c}.json"] = _json([_shown(d) for d in docs])
    files["search/index.json"] = _json(
        {
            "version": INDEX_VERSION,
            "domains": index.domains,
            "concepts": [asdict(c) for c in index.concepts],
            "starts": starts,
            "fieldLength": lengths,
            "averageFieldLength": average,
            "shards": {prefix: n for n, prefix in enumerate(prefixes)},
        }
    )
    return files


def _delta(docs: list[tuple[int, int]]) -> list[int]:
    """[id, count, id, count, …] with each id after the first as the step from the one before."""
    flat, last = [], 0
    for doc_id, count in docs:
        flat += [doc_id - last, count]
        last = doc_id
    return flat


def _shown(doc: SearchDoc) -> dict[str, str]:
    """What a result needs of its document (its title is the concept's)."""
    data = {"kind": doc.kind, "anchor": doc.anchor, "label": doc.label, "text": doc.text}
    return {k: v for k, v in (data | {"tags": doc.tags}).items() if v != ""}


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
