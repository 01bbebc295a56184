// Unit tests of the learner store (static/js/store.js) in Node, against an in-memory Storage
// with a byte quota like a browser's. Run by tests/test_store_js.py (`node --test`).
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

class QuotaStorage {
  constructor(quota) {
    this.quota = quota;
    this.map = new Map();
    this.used = 0;
    this.order = null; // key(i) order, rebuilt after a change
  }
  get length() {
    return this.map.size;
  }
  key(i) {
    this.order ||= [...this.map.keys()];
    return this.order[i] ?? null;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    const old = this.map.has(k) ? k.length + this.map.get(k).length : 0;
    const used = this.used - old + k.length + String(v).length;
    if (used > this.quota) throw new Error("QuotaExceededError");
    this.map.set(k, String(v));
    this.used = used;
    this.order = null;
  }
  removeItem(k) {
    if (this.map.has(k)) this.used -= k.length + this.map.get(k).length;
    this.map.delete(k);
    this.order = null;
  }
  clear() {
    this.map.clear();
    this.used = 0;
    this.order = null;
  }
}

const storage = new QuotaStorage(Infinity);
globalThis.window = Object.assign(new EventTarget(), { localStorage: storage });
const store = await import("../../src/continuous_function/static/js/store.js");

const events = [];
window.addEventListener("cfn:store", (e) => events.push(e.detail));
beforeEach(() => {
  storage.clear();
  storage.quota = Infinity;
  events.length = 0;
});

const KEY = "concept:calculus/derivatives";
const envelope = (schema, value, updatedAt = 1) => JSON.stringify({ schema, updatedAt, value });
const file = (records, unreadable = []) => ({ format: store.FORMAT, schema: store.SCHEMA, records, unreadable });
const rec = (kind, key, value, updatedAt = 5) => ({ kind, key, schema: store.SCHEMA, updatedAt, value });

// Records the page cannot read: damaged, a newer schema, an envelope without a value.
const UNREADABLE = {
  "not JSON": "{not json",
  "an array": "[1, 2]",
  "schema 2 with extra fields": envelope(2, { sections: { math: 1 }, streak: 7, reviewAt: 99 }),
  "no value": JSON.stringify({ schema: 1, updatedAt: 1 }),
};

for (const [name, text] of Object.entries(UNREADABLE)) {
  test(`put, update and remove leave an unreadable record (${name}) exactly as it is`, () => {
    const sk = `${store.PREFIX}progress:${KEY}`;
    storage.setItem(sk, text);
    for (const attempt of [
      () => store.put("progress", KEY, { sections: {} }),
      () => store.update("progress", KEY, (p = {}) => ({ ...p, lastSeen: 2 })),
      () => store.remove("progress", KEY),
    ]) {
      const result = attempt();
      assert.equal(result.ok, false);
      assert.equal(result.code, "unreadable");
      assert.match(result.message, /left exactly as it is/);
    }
    assert.equal(storage.getItem(sk), text);
    assert.equal(store.problems().length, 1);
    assert.equal(store.exportAll().unreadable[0].raw, text);
  });

  test(`import does not overwrite an unreadable record (${name}) and says why`, async () => {
    const sk = `${store.PREFIX}inquiry:${KEY}`;
    storage.setItem(sk, text);
    const result = await store.importAll(file([rec("inquiry", KEY, { choice: "a" })]));
    assert.equal(storage.getItem(sk), text);
    assert.deepEqual(result.counts, { unreadable: 1 });
    assert.match(result.message, /1 not imported: the record already here cannot be read/);
  });
}

test("discard, the learner's decision, does remove an unreadable record", () => {
  storage.setItem(`${store.PREFIX}progress:${KEY}`, "{not json");
  store.discard(`${store.PREFIX}progress:${KEY}`);
  assert.equal(storage.length, 0);
});

test("each refusal names its true reason", async () => {
  storage.quota = 600_000;
  const big = "x".repeat(store.RECORD_LIMIT);
  const records = [
    rec("research", "equation:a#1", { note: big }), // over the per-record limit
    rec("Bad Kind", "k", 1), // malformed
    { ...rec("demo", "demo:a#demo", 1), schema: store.SCHEMA + 1 }, // newer
    ...Array.from({ length: 8 }, (_, i) => rec("research", `claim:a#${i}`, { note: "y".repeat(90_000) })),
  ];
  const result = await store.importAll(JSON.stringify(file(records)));
  assert.equal(result.counts["too-large"], 1);
  assert.equal(result.counts.malformed, 1);
  assert.equal(result.counts.newer, 1);
  assert.equal(result.counts.added, 6); // 6 × 90k fit the browser's 600k quota …
  assert.equal(result.counts.quota, 2); // … and the browser refused the rest
  assert.match(result.message, /1 not saved: over the 100,000-character limit for one record/);
  assert.match(result.message, /2 not saved: this browser's storage for the site is full/);
  assert.doesNotMatch(result.message, /limit in this browser/);

  storage.quota = Infinity;
  const more = Array.from({ length: 30 }, (_, i) => rec("research", `source:a#${i}`, { note: "z".repeat(90_000) }));
  const capped = await store.importAll(file(more));
  assert.ok(capped.counts.full > 0);
  assert.match(capped.message, /not saved: your learning memory reached its 2,000,000-character limit/);
  const used = store.usage().chars;
  assert.ok(used <= store.TOTAL_LIMIT, `${used} characters stored`);

  const single = store.put("research", "claim:b", { note: big });
  assert.equal(single.code, "too-large");
  assert.match(single.message, /one record may hold at most 100 thousand/);
});

test("import is chunked: it yields to the event loop and reports progress", async () => {
  const records = Array.from({ length: 30_000 }, (_, i) => rec("practice", `concept:d/c${i}#practice-1`, { answer: "a" }));
  let turns = 0;
  let running = true;
  const probe = () => {
    turns += 1;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  const seen = [];
  const result = await store.importAll(file(records), (p) => seen.push({ ...p, turns }));
  running = false;
  assert.equal(result.counts.added + (result.counts.full || 0), 30_000);
  assert.ok(seen.length >= 3, `${seen.length} progress reports`);
  assert.deepEqual(seen.at(-1), { done: 30_000, total: 30_000, turns: seen.at(-1).turns });
  for (let i = 1; i < seen.length - 1; i++) {
    assert.ok(seen[i].done > seen[i - 1].done);
    assert.ok(seen[i].turns > seen[i - 1].turns, "the event loop ran between two slices");
  }
  // One change event for the whole import, not one per record.
  assert.deepEqual(events.map((e) => e.origin), ["import"]);
});

test("an export round-trips through clear and import, unreadable records included", async () => {
  store.put("inquiry", KEY, { choice: "a" });
  storage.setItem(`${store.PREFIX}progress:${KEY}`, UNREADABLE["schema 2 with extra fields"]);
  const before = new Map(storage.map);
  const exported = JSON.parse(JSON.stringify(store.exportAll()));
  store.clearAll();
  const result = await store.importAll(exported);
  assert.deepEqual(result.counts, { added: 1, restored: 1 });
  assert.deepEqual(new Map(storage.map), before);
  const again = await store.importAll(exported);
  assert.deepEqual(again.counts, { unchanged: 2 });
});

test("progress records merge field by field; newest wins elsewhere", async () => {
  store.put("progress", KEY, { sections: { math: 10 }, checkpoints: {}, lastSeen: 10 });
  store.put("practice", `${KEY}#practice-1`, { answer: "mine" });
  const result = await store.importAll(
    file([
      rec("progress", KEY, { sections: { math: 5, code: 7 }, checkpoints: { demo: 8 }, lastSeen: 8 }),
      rec("practice", `${KEY}#practice-1`, { answer: "old" }, 1),
    ]),
  );
  assert.deepEqual(result.counts, { updated: 1, kept: 1 });
  const p = store.get("progress", KEY);
  assert.deepEqual(p.sections, { math: 5, code: 7 });
  assert.deepEqual(p.checkpoints, { demo: 8 });
  assert.equal(store.get("practice", `${KEY}#practice-1`).answer, "mine");
});
