// Search terms: how a text becomes the terms MiniSearch indexes and looks up. Pure (no DOM, no
// MiniSearch): the browser's query side (search-core.js) imports it, and the build runs this very
// file in V8 to count the terms of every document (site/search_terms.py), so the index the build
// ships and the queries the browser asks cannot process a word differently.
//
// Terms are lower-cased, stripped of accents, stop words dropped, and indexed twice: as written
// and Porter-stemmed, so "derivat", "derivative" and "derivatives" meet at the stem "deriv",
// while a one-letter typo in a longer word ("derivitives") still lands on the written form.

import { stemmer } from "../vendor/stemmer/index.js";

export const FIELDS = ["title", "tags", "label", "text"];

// Common English words that carry no meaning in a question ("why does the KV cache grow?").
const STOP = new Set(
  ("a an and are as at be been but by can could do does did for from had has have how i if in " +
    "into is it its me my of on or so than that the their them then there these they this to " +
    "was we what when where which while who why will with would you your want understand " +
    "about also just only not no yes get got")
    .split(" "),
);

export const WORD = /[\p{L}\p{N}]+/gu;

export function normalize(word) {
  return word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

// One token -> the terms indexed (and searched) for it: the word and its stem. Memoised: a
// vocabulary is small, and snippets run every word of a passage through here.
const memo = new Map();
export function processTerm(token) {
  let terms = memo.get(token);
  if (terms === undefined) {
    terms = process(token);
    if (memo.size < 200_000) memo.set(token, terms);
  }
  return terms;
}

function process(token) {
  const word = normalize(token);
  if (!word || STOP.has(word)) return null;
  if (word.length < 2 && !/\d/.test(word)) return null;
  const stem = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer(word) : word;
  return stem === word ? word : [word, stem];
}

export function tokenize(text) {
  return text.match(WORD) || [];
}

// The shard a term lives in: its first two letters. A query term is looked up (exactly, as a
// prefix, or within its typo distance) only among terms that share them.
export function shardKey(term) {
  return [...term].slice(0, 2).join(""); // code points, as the build's shard_key
}

// What MiniSearch's `add` records for one document, field by field: [field, length, {term: count}]
// where length is the number of distinct tokens (MiniSearch's field length for BM25).
export function fieldTerms(doc) {
  const out = [];
  FIELDS.forEach((field, fieldId) => {
    const value = doc[field];
    if (value == null) return;
    const tokens = tokenize(String(value));
    const counts = Object.create(null); // a term may be "constructor"
    for (const token of tokens) {
      const terms = processTerm(token);
      for (const term of Array.isArray(terms) ? terms : terms ? [terms] : []) {
        counts[term] = (counts[term] || 0) + 1;
      }
    }
    out.push([fieldId, new Set(tokens).size, counts]);
  });
  return out;
}
