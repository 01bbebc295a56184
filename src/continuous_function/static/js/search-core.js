// Search ranking: MiniSearch over the prebuilt, sharded index the build writes under search/
// (site/search_shards.py): a manifest of concepts and field lengths, one shard of terms per
// two-letter prefix, and each concept's documents. A query loads only the shards its terms live
// in and, for the concepts it shows, their documents (for links and snippets).
//
// Pure (no DOM; files arrive through a `load(path)` function): the browser UI (search.js) and the
// tests under node both import this module, so the tests exercise the real ranking. Each document
// is one place on a concept page (the concept itself, a section or subsection, an equation with
// its lead-in sentence, a claim, a misconception, the bridge); hits are grouped per concept and
// the best place is linked. How words become terms is search-terms.js, shared with the build.

import MiniSearch from "../vendor/minisearch/index.js";
import { FIELDS, WORD, normalize, processTerm, shardKey, tokenize } from "./search-terms.js";

export { FIELDS, normalize, processTerm, tokenize };
export const BOOST = { title: 6, tags: 2.5, label: 2, text: 1 };
const OTHERS_WEIGHT = 0.15; // each further matching place on the same page adds this much of its score
const OTHERS_COUNTED = 3;

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

const OPTIONS = { fields: FIELDS, idField: "id", tokenize, processTerm, searchOptions };
const BUILT = 4; // MiniSearch instances kept, by the set of shards they hold

export class Search {
  // `load(path)` resolves to the parsed JSON of the file search/<path>.
  static async open(load) {
    return new Search(await load("index.json"), load);
  }

  constructor(manifest, load) {
    this.data = manifest;
    this.load = load;
    this.domains = new Map(manifest.domains.map((d) => [d.id, d]));
    const count = manifest.starts.at(-1);
    const width = FIELDS.length;
    this.documents = { documentIds: {}, fieldLength: {} };
    for (let id = 0; id < count; id++) {
      this.documents.documentIds[id] = id;
      this.documents.fieldLength[id] = manifest.fieldLength.slice(id * width, (id + 1) * width);
    }
    this.shards = new Map(); // shard number → promise of its [term, {field: {doc: count}}] entries
    this.built = new Map(); // "3,17" → MiniSearch over exactly those shards
    this.docs = new Map(); // concept index → promise of its documents
  }

  // MiniSearch over exactly the shards the query's terms live in: the same query always meets
  // the same index, whatever was searched before.
  async index(tree) {
    const wanted = [...new Set(tree.queries.map((q) => this.data.shards[shardKey(q.queries[0])]))]
      .filter((n) => n !== undefined).sort((a, b) => a - b);
    const key = wanted.join(",");
    let ms = this.built.get(key);
    if (!ms) {
      const shards = await Promise.all(wanted.map((n) => this.shard(n)));
      ms = MiniSearch.loadJS({
        ...this.documents,
        documentCount: this.data.starts.at(-1),
        nextId: this.data.starts.at(-1),
        fieldIds: Object.fromEntries(FIELDS.map((f, i) => [f, i])),
        averageFieldLength: this.data.averageFieldLength,
        storedFields: {},
        dirtCount: 0,
        index: shards.flat(),
        serializationVersion: 2,
      }, OPTIONS);
      if (this.built.size >= BUILT) this.built.delete(this.built.keys().next().value);
    }
    this.built.delete(key);
    this.built.set(key, ms); // most recently used last
    return ms;
  }

  shard(n) {
    let entries = this.shards.get(n);
    if (!entries) {
      entries = this.load(`terms/${n}.json`).then((terms) => terms.map(([term, fields]) => [term, expand(fields)]));
      entries.catch(() => this.shards.delete(n)); // a failed fetch is tried again next time
      this.shards.set(n, entries);
    }
    return entries;
  }

  conceptDocs(c) {
    let docs = this.docs.get(c);
    if (!docs) {
      docs = this.load(`docs/${c}.json`);
      docs.catch(() => this.docs.delete(c));
      this.docs.set(c, docs);
    }
    return docs;
  }

  // The concept (index into data.concepts) a document belongs to: documents are numbered
  // concept by concept, and starts[c] is the first of concept c.
  conceptOf(docId) {
    const starts = this.data.starts;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= docId) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // Ranked concepts for a query: [{concept, domain, score, place, others}] where `place` is the
  // best-matching document ({doc, href, label, snippet, titleParts}) and `others` the next ones.
  async search(query, { domain = "", limit = 20 } = {}) {
    const tree = queryTree((query || "").trim());
    if (!tree.queries.length) return [];
    const ms = await this.index(tree);
    const concepts = this.data.concepts;
    const filter = domain ? (r) => concepts[this.conceptOf(r.id)].domain === domain : undefined;
    const hits = ms.search(tree, filter ? { filter } : {});
    const byConcept = new Map();
    for (const hit of hits) {
      const c = this.conceptOf(hit.id);
      let group = byConcept.get(c);
      if (!group) byConcept.set(c, (group = { c, hits: [] }));
      group.hits.push(hit);
    }
    const groups = [...byConcept.values()].map((g) => {
      const [best, ...rest] = g.hits; // MiniSearch returns hits sorted by score
      const extra = rest.slice(0, OTHERS_COUNTED).reduce((s, h) => s + h.score, 0);
      return { ...g, best, rest, score: best.score + OTHERS_WEIGHT * extra };
    });
    groups.sort((a, b) => b.score - a.score || a.c - b.c);
    const shown = groups.slice(0, limit);
    const docs = await Promise.all(shown.map((g) => this.conceptDocs(g.c)));
    return shown.map((g, i) => {
      const concept = concepts[g.c];
      const doc = (hit) => docs[i][hit.id - this.data.starts[g.c]];
      return {
        concept,
        domain: this.domains.get(concept.domain),
        score: g.score,
        place: this.place(g.best, concept, doc(g.best)),
        others: g.rest.slice(0, 2).map((h) => link(doc(h), concept)),
      };
    });
  }

  place(hit, concept, doc) {
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
      ...link(doc, concept),
      labelParts: highlight(doc.label || "", terms),
      titleParts,
      snippet: parts,
    };
  }
}

// [field id, delta-coded [doc, count, doc, count, …]] → MiniSearch's {doc: count}.
function expand(fields) {
  const out = {};
  for (const [field, flat] of Object.entries(fields)) {
    const docs = {};
    let id = 0;
    for (let i = 0; i < flat.length; i += 2) {
      id += flat[i];
      docs[id] = flat[i + 1];
    }
    out[field] = docs;
  }
  return out;
}

function link(doc, concept) {
  return { doc, kind: doc.kind, label: doc.label || "", href: `${concept.key}/${doc.anchor ? `#${doc.anchor}` : ""}` };
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
