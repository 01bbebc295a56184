// Search ranking: MiniSearch over the documents the build writes to search/index.json.
//
// Pure (no DOM): the browser UI (search.js) and the tests under node both import this module, so
// the tests exercise the real ranking. Each document is one place on a concept page (the concept
// itself, a section or subsection, an equation with its lead-in sentence, a claim, a
// misconception, the bridge); hits are grouped per concept and the best place is linked.
//
// Terms are lower-cased, stripped of accents, stop words dropped, and indexed twice: as written
// and Porter-stemmed, so "derivat", "derivative" and "derivatives" meet at the stem "deriv",
// while a one-letter typo in a longer word ("derivitives") still lands on the written form.

import MiniSearch from "../vendor/minisearch/index.js";
import { stemmer } from "../vendor/stemmer/index.js";

export const FIELDS = ["title", "tags", "label", "text"];
export const BOOST = { title: 6, tags: 2.5, label: 2, text: 1 };
const OTHERS_WEIGHT = 0.15; // each further matching place on the same page adds this much of its score
const OTHERS_COUNTED = 3;
const CHUNK = 20_000; // characters of text indexed per task (a few ms) while the index loads

// Common English words that carry no meaning in a question ("why does the KV cache grow?").
const STOP = new Set(
  ("a an and are as at be been but by can could do does did for from had has have how i if in " +
    "into is it its me my of on or so than that the their them then there these they this to " +
    "was we what when where which while who why will with would you your want understand " +
    "about also just only not no yes get got")
    .split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;

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

// One typo (a letter inserted, dropped or changed) in words of 5+ letters, two in words of 12+.
// (Two in shorter words turns "difference" into "inference".)
export function fuzzy(term) {
  return term.length >= 12 ? 2 : term.length >= 5 ? 1 : 0;
}

export const searchOptions = {
  boost: BOOST,
  prefix: (term) => term.length >= 3,
  fuzzy,
  maxFuzzy: 2,
  combineWith: "OR",
  weights: { fuzzy: 0.35, prefix: 0.6 },
};

const asIs = (term) => term;

// The query as MiniSearch subqueries: each word as written (prefix and typo tolerant) OR its stem
// (prefix only: a typo in a stem would match unrelated words, and costs a second fuzzy walk).
export function queryTree(query) {
  const queries = [];
  for (const token of tokenize(query)) {
    const terms = processTerm(token);
    if (!terms) continue;
    const [word, stem] = Array.isArray(terms) ? terms : [terms, null];
    queries.push({ queries: [word], processTerm: asIs, fuzzy: fuzzy(word), prefix: word.length >= 3 });
    if (stem) queries.push({ queries: [stem], processTerm: asIs, fuzzy: false, prefix: stem.length >= 3 });
  }
  return { combineWith: "OR", queries };
}

export class Search {
  constructor(data) {
    this.data = data;
    this.domains = new Map(data.domains.map((d) => [d.id, d]));
    this.docs = data.docs;
    this.ms = new MiniSearch({
      fields: FIELDS,
      idField: "id",
      tokenize,
      processTerm,
      searchOptions,
    });
    // Titles, tags and summaries first, so suggestions come quickly; the pages' text follows.
    // Both in slices of about CHUNK characters, between which the browser paints and takes input.
    this.titles = this.index(data.docs.filter((d) => d.kind === "concept"));
    this.ready = this.titles.then(() => this.index(data.docs.filter((d) => d.kind !== "concept")));
  }

  async index(docs) {
    let slice = [];
    let size = 0;
    for (const doc of docs) {
      slice.push(doc);
      size += (doc.text || "").length + (doc.label || "").length + 40;
      if (size >= CHUNK) {
        this.ms.addAll(slice);
        slice = [];
        size = 0;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    this.ms.addAll(slice);
  }

  // Ranked concepts for a query (after `await search.titles` for titles, tags and summaries,
// after `await search.ready` for everything): [{concept, domain, score, place, others}] where `place` is the
  // best-matching document ({doc, href, label, snippet, titleParts}) and `others` the next ones.
  search(query, { domain = "", limit = 20 } = {}) {
    const q = (query || "").trim();
    if (!q) return [];
    const filter = domain ? (r) => this.concept(r.id).domain === domain : undefined;
    const hits = this.ms.search(queryTree(q), filter ? { filter } : {});
    const byConcept = new Map();
    for (const hit of hits) {
      const doc = this.docs[hit.id];
      let group = byConcept.get(doc.c);
      if (!group) byConcept.set(doc.c, (group = { c: doc.c, hits: [] }));
      group.hits.push(hit);
    }
    const groups = [...byConcept.values()].map((g) => {
      const [best, ...rest] = g.hits; // MiniSearch returns hits sorted by score
      const extra = rest.slice(0, OTHERS_COUNTED).reduce((s, h) => s + h.score, 0);
      return { ...g, best, rest, score: best.score + OTHERS_WEIGHT * extra };
    });
    groups.sort((a, b) => b.score - a.score || a.c - b.c);
    return groups.slice(0, limit).map((g) => {
      const concept = this.data.concepts[g.c];
      return {
        concept,
        domain: this.domains.get(concept.domain),
        score: g.score,
        place: this.place(g.best, concept),
        others: g.rest.slice(0, 2).map((h) => this.link(h, concept)),
      };
    });
  }

  concept(docId) {
    return this.data.concepts[this.docs[docId].c];
  }

  link(hit, concept) {
    const doc = this.docs[hit.id];
    return { doc, kind: doc.kind, label: doc.label || "", href: `${concept.key}/${doc.anchor ? `#${doc.anchor}` : ""}` };
  }

  place(hit, concept) {
    const doc = this.docs[hit.id];
    const terms = new Set(hit.terms);
    const source = doc.kind === "concept" ? doc.text : doc.text || doc.label || "";
    const titleParts = highlight(concept.title, terms);
    let parts = snippet(source, terms);
    if (doc.tags && !parts.some((p) => p.mark) && !titleParts.some((p) => p.mark)) {
      // Matched only a tag (an acronym, say): show the tags, so the match is visible.
      const tags = highlight(doc.tags, terms);
      if (tags.some((p) => p.mark)) parts = [{ text: "Tags: ", mark: false }, ...tags];
    }
    return {
      doc,
      kind: doc.kind,
      href: `${concept.key}/${doc.anchor ? `#${doc.anchor}` : ""}`,
      label: doc.label || "",
      labelParts: highlight(doc.label || "", terms),
      titleParts,
      snippet: parts,
    };
  }
}

function isHit(word, terms) {
  const t = processTerm(word);
  if (!t) return false;
  return Array.isArray(t) ? t.some((x) => terms.has(x)) : terms.has(t);
}

// Split `text` into [{text, mark}] parts, marking the words whose terms matched.
export function highlight(text, terms) {
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!isHit(m[0], terms)) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

// A window of about `size` words around the densest run of matching words, as [{text, mark}].
export function snippet(text, terms, size = 26) {
  const words = [...text.matchAll(WORD)];
  if (!words.length) return [];
  const hits = words.map((m) => isHit(m[0], terms));
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && !hits[i]) continue; // windows start at a hit (or at the beginning)
    const start = Math.max(0, i - 4);
    const seen = new Set();
    let count = 0;
    for (let j = start; j < Math.min(words.length, start + size); j++) {
      if (hits[j]) {
        count += 1;
        seen.add(normalize(words[j][0]));
      }
    }
    const score = seen.size * 10 + count - (start > 0 ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  const end = Math.min(words.length, best + size);
  const from = best === 0 ? 0 : words[best].index;
  const last = words[end - 1];
  let to = end === words.length ? text.length : last.index + last[0].length;
  const tail = text.slice(to, to + 2).match(/^[.,;:!?)]/);
  if (tail) to += 1;
  const parts = highlight(text.slice(from, to), terms);
  if (from > 0) parts.unshift({ text: "… ", mark: false });
  if (to < text.length) parts.push({ text: " …", mark: false });
  return parts;
}
