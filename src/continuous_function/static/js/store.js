// Learner memory: the one store of what a learner does, kept in this browser (docs/learner-memory.md).
// One localStorage key per record, `cfn:v1:<kind>:<key>` (key: an object key, see objects.json),
// holding {schema, updatedAt, value}; an unreadable record is reported, never lets others fail.
// Import as "./store.js" (no query string). Changes also go out as a window `cfn:store` event.
//   get(kind, key) -> value | undefined          put(kind, key, value) -> {ok} | {ok: false, code, message}
//   update(kind, key, fn(value) -> value|undefined)  remove(kind, key)   all(kind) -> [{key, value, updatedAt}]
//   subscribe(fn({kind, key, value, origin} | {problem})) -> unsubscribe   origin: local|remote|import|clear
//   problems() -> [{storageKey, reason}]   discard(storageKey)   usage() -> {records, chars, limit, problems}
//   exportAll() -> object   await importAll(json, onProgress) -> {ok, message, counts, byKind, ...}
//   clearAll() -> count     conceptProgress(concept) -> "new" | "started" | "done"

export const SCHEMA = 1;
export const PREFIX = "cfn:v1:";
export const FORMAT = "continuous-function-learner-memory";
export const RECORD_LIMIT = 100_000; // characters of one stored record
export const TOTAL_LIMIT = 2_000_000; // characters of all records together

// MIGRATIONS[n] turns a value stored with schema n into schema n + 1: (kind, value) => value.
const MIGRATIONS = {};

// Kinds whose records are merged field by field on import instead of "newest wins": progress is
// a set of things done, so an import must not forget a section read on the other device.
const earliest = (a = {}, b = {}) => {
  const out = { ...b, ...a };
  for (const k of Object.keys(b)) if (a[k] && b[k]) out[k] = Math.min(a[k], b[k]);
  return out;
};
const MERGE = {
  progress: (local, incoming) => {
    const [older, newer] = (incoming.lastSeen || 0) > (local.lastSeen || 0) ? [local, incoming] : [incoming, local];
    return {
      ...older,
      ...newer,
      lastObject: newer.lastObject || older.lastObject,
      sections: earliest(local.sections, incoming.sections),
      checkpoints: earliest(local.checkpoints, incoming.checkpoints),
      lastSeen: Math.max(local.lastSeen || 0, incoming.lastSeen || 0),
    };
  },
};

const EVENT = "cfn:store";
const KIND_RE = /^[a-z][a-z0-9-]{0,31}$/;

let ls = null;
try {
  ls = window.localStorage;
  ls.getItem(PREFIX); // throws where storage is blocked
} catch {
  ls = null;
}
const memory = new Map(); // fallback when localStorage is unavailable: this page only

const raw = {
  get: (k) => (ls ? ls.getItem(k) : memory.has(k) ? memory.get(k) : null),
  set: (k, v) => (ls ? ls.setItem(k, v) : memory.set(k, v)),
  del: (k) => (ls ? ls.removeItem(k) : memory.delete(k)),
  keys: () => {
    if (!ls) return [...memory.keys()];
    const out = [];
    for (let i = 0; i < ls.length; i++) out.push(ls.key(i));
    return out;
  },
};

export const available = () => ls !== null;
const storageKey = (kind, key) => `${PREFIX}${kind}:${key}`;

function split(sk) {
  if (!sk || !sk.startsWith(PREFIX)) return null;
  const rest = sk.slice(PREFIX.length);
  const i = rest.indexOf(":");
  return i < 1 ? null : { kind: rest.slice(0, i), key: rest.slice(i + 1) };
}

// Parse one stored string: {rec} or {error}.
function parse(text) {
  let rec;
  try {
    rec = JSON.parse(text);
  } catch {
    return { error: "not valid JSON" };
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) return { error: "not a record" };
  if (!Number.isInteger(rec.schema) || rec.schema < 1) return { error: "no schema version" };
  if (!Number.isFinite(rec.updatedAt)) return { error: "no updatedAt time" };
  if (!("value" in rec)) return { error: "no value" };
  if (rec.schema > SCHEMA) return { error: `written by a newer version (schema ${rec.schema})` };
  return { rec };
}

function migrate(kind, rec) {
  let { schema, value } = rec;
  while (schema < SCHEMA) {
    const step = MIGRATIONS[schema];
    if (!step) return null;
    value = step(kind, value);
    schema += 1;
  }
  return { schema, updatedAt: rec.updatedAt, value };
}

// One stored string as this page understands it: {rec} (migrated to SCHEMA) or {error}.
function classify(kind, text) {
  const { rec, error } = parse(text);
  if (error) return { error };
  const current = migrate(kind, rec);
  return current ? { rec: current } : { error: `no migration from schema ${rec.schema}` };
}

function read(kind, key) {
  const text = raw.get(storageKey(kind, key));
  return text === null ? undefined : classify(kind, text).rec;
}

function emit(detail) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail }));
}

function chars() {
  let n = 0;
  for (const k of raw.keys()) if (k.startsWith(PREFIX)) n += k.length + (raw.get(k) || "").length;
  return n;
}

const thousands = (n) => n.toLocaleString("en");

// Why a write was not made: one code per true reason, each with the sentence the learner sees.
const REFUSALS = {
  invalid: () => "Not saved: this record has no valid kind or key.",
  "too-large": (size) =>
    `Not saved: this entry is ${thousands(Math.ceil(size / 1000))} thousand characters; one record may hold at most ${thousands(RECORD_LIMIT / 1000)} thousand. Shorten it and save again.`,
  full: () =>
    `Not saved: your learning memory has reached its limit of ${thousands(TOTAL_LIMIT)} characters in this browser. Export it to a file, then clear old records.`,
  quota: () =>
    "Not saved: this browser's storage for the site is full. Export your learning memory to a file, then clear old records.",
  unreadable: (reason) =>
    `Not saved: the record already kept here cannot be read by this page (${reason}), so it was left exactly as it is. Your learning memory lists it.`,
};

// The characters all records use, measured once and then kept up to date by each write made
// with it, so an import of n records costs n writes, not n scans of the whole storage.
function budget() {
  return { chars: chars() };
}

// Write (or, with value undefined, remove) one record. A record already stored under the key
// that this page cannot read (damaged, or from a newer schema) is never replaced: only the
// learner's explicit discard() or clearAll() removes it.
function write(kind, key, value, updatedAt, origin, room = budget(), quiet = false) {
  const refuse = (code, detail) => {
    const result = { ok: false, code, message: REFUSALS[code](detail) };
    if (!quiet) emit({ problem: { code, message: result.message } });
    return result;
  };
  if (!KIND_RE.test(kind) || typeof key !== "string" || !key) return refuse("invalid");
  const sk = storageKey(kind, key);
  const old = raw.get(sk);
  const held = old === null ? null : classify(kind, old);
  if (held && held.error) return refuse("unreadable", held.error);
  const oldChars = old === null ? 0 : sk.length + old.length;
  if (value === undefined) {
    raw.del(sk);
    room.chars -= oldChars;
  } else {
    const text = JSON.stringify({ schema: SCHEMA, updatedAt, value });
    if (text.length > RECORD_LIMIT) return refuse("too-large", text.length);
    if (room.chars - oldChars + sk.length + text.length > TOTAL_LIMIT) return refuse("full");
    try {
      raw.set(sk, text);
    } catch {
      return refuse("quota");
    }
    room.chars += sk.length + text.length - oldChars;
  }
  if (!quiet) emit({ kind, key, value, origin });
  return { ok: true };
}

// Never go back in time within a key, so "newest wins" stays true after fast edits.
function stamp(kind, key) {
  const now = Date.now();
  const prev = read(kind, key);
  return prev && prev.updatedAt >= now ? prev.updatedAt + 1 : now;
}

export function get(kind, key) {
  const rec = read(kind, key);
  return rec ? rec.value : undefined;
}

export function put(kind, key, value) {
  return write(kind, key, value, stamp(kind, key), "local");
}

export function update(kind, key, fn) {
  return put(kind, key, fn(get(kind, key)));
}

export function remove(kind, key) {
  return write(kind, key, undefined, 0, "local");
}

export function all(kind) {
  const out = [];
  for (const sk of raw.keys()) {
    const name = split(sk);
    if (!name || name.kind !== kind) continue;
    const rec = read(kind, name.key);
    if (rec) out.push({ key: name.key, value: rec.value, updatedAt: rec.updatedAt });
  }
  return out.sort((a, b) => b.updatedAt - a.updatedAt);
}

// One pass over the storage: how many records, their characters, and the ones this page cannot
// read ({storageKey, kind, key, reason}).
export function usage() {
  let records = 0;
  let chars = 0;
  const problems = [];
  for (const sk of raw.keys()) {
    const name = split(sk);
    if (!name) continue;
    const text = raw.get(sk) || "";
    records += 1;
    chars += sk.length + text.length;
    const { error } = classify(name.kind, text);
    if (error) problems.push({ storageKey: sk, kind: name.kind, key: name.key, reason: error });
  }
  return { records, chars, limit: TOTAL_LIMIT, problems };
}

export const problems = () => usage().problems;

export function discard(sk) {
  const name = split(sk);
  if (!name) return;
  raw.del(sk);
  emit({ ...name, value: undefined, origin: "local" });
}

export function subscribe(fn) {
  const local = (e) => fn(e.detail);
  const remote = (e) => {
    if (e.storageArea && e.storageArea !== ls) return;
    if (e.key === null) return fn({ kind: "*", key: null, value: undefined, origin: "remote" });
    const name = split(e.key);
    if (!name) return;
    const rec = e.newValue === null ? undefined : classify(name.kind, e.newValue).rec;
    fn({ ...name, value: rec && rec.value, origin: "remote" });
  };
  window.addEventListener(EVENT, local);
  window.addEventListener("storage", remote);
  return () => {
    window.removeEventListener(EVENT, local);
    window.removeEventListener("storage", remote);
  };
}


export function exportAll() {
  const records = [];
  const unreadable = [];
  for (const sk of raw.keys().sort()) {
    const name = split(sk);
    if (!name) continue;
    const text = raw.get(sk);
    const { rec } = classify(name.kind, text);
    if (rec) records.push({ kind: name.kind, key: name.key, ...rec });
    else unreadable.push({ storageKey: sk, raw: text });
  }
  return { format: FORMAT, schema: SCHEMA, exportedAt: new Date().toISOString(), records, unreadable };
}

const isObject = (v) => v && typeof v === "object" && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// What happened to each record of an imported file, in the order the summary names them.
export const OUTCOMES = {
  added: "added",
  updated: "updated",
  unchanged: "already up to date",
  kept: "kept as they were (yours were newer)",
  restored: "restored as exported (unreadable, kept raw)",
  malformed: "skipped (not readable)",
  newer: "skipped (written by a newer version of the site)",
  unreadable: "not imported: the record already here cannot be read by this page, so it was left as it is",
  "too-large": `not saved: over the ${thousands(RECORD_LIMIT)}-character limit for one record`,
  full: `not saved: your learning memory reached its ${thousands(TOTAL_LIMIT)}-character limit in this browser`,
  quota: "not saved: this browser's storage for the site is full",
  invalid: "not saved: no valid kind or key",
};

// Import one exported record; returns its outcome (a key of OUTCOMES).
function importRecord(item, room) {
  const wellFormed =
    isObject(item) && KIND_RE.test(item.kind) && typeof item.key === "string" && item.key.length > 0 &&
    item.key.length <= 500 && Number.isFinite(item.updatedAt) && Number.isInteger(item.schema) &&
    item.schema >= 1 && item.value !== undefined;
  if (!wellFormed) return "malformed";
  if (item.schema > SCHEMA) return "newer";
  const incoming = migrate(item.kind, item);
  if (!incoming) return "malformed";
  const text = raw.get(storageKey(item.kind, item.key));
  const held = text === null ? null : classify(item.kind, text);
  if (held && held.error) return "unreadable";
  const local = held && held.rec;
  const merge = MERGE[item.kind];
  let { value, updatedAt } = incoming;
  if (local && merge && isObject(local.value) && isObject(value)) {
    value = merge(local.value, value);
    updatedAt = Math.max(local.updatedAt, incoming.updatedAt);
    if (same(value, local.value)) return "unchanged";
  } else if (local && local.updatedAt > incoming.updatedAt) return "kept";
  else if (local && same(local.value, value)) return "unchanged";
  const result = write(item.kind, item.key, value, updatedAt, "import", room, true);
  return result.ok ? (local ? "updated" : "added") : result.code;
}

// An unreadable record the export carried raw comes back as it was, where nothing is stored.
function restoreRaw(item, room) {
  const name = isObject(item) && typeof item.raw === "string" && split(item.storageKey);
  if (!name || !KIND_RE.test(name.kind)) return "malformed";
  const here = raw.get(item.storageKey);
  if (here !== null) return here === item.raw ? "unchanged" : "kept";
  const size = item.storageKey.length + item.raw.length;
  if (item.raw.length > RECORD_LIMIT) return "too-large";
  if (room.chars + size > TOTAL_LIMIT) return "full";
  try {
    raw.set(item.storageKey, item.raw);
  } catch {
    return "quota";
  }
  room.chars += size;
  return "restored";
}

const SLICE_MS = 12; // work done between two turns of the event loop during an import
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

function importMessage(total, counts) {
  const parts = Object.keys(OUTCOMES)
    .filter((o) => counts[o] || ["added", "updated", "unchanged"].includes(o))
    .map((o) => `${thousands(counts[o] || 0)} ${OUTCOMES[o]}`);
  return `Imported ${thousands(total)} record${total === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

// Merge an export file into this browser (rules in docs/learner-memory.md). The work is done in
// slices of about SLICE_MS, yielding to the event loop in between, so a large file never freezes
// the tab; onProgress({done, total}) is called after each slice. One `*` change event follows.
export async function importAll(input, onProgress = () => {}) {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, message: "This file is not valid JSON, so nothing was imported." };
    }
  }
  if (!isObject(data) || data.format !== FORMAT || !Array.isArray(data.records)) {
    return { ok: false, message: "This file is not a Continuous Function learning-memory export, so nothing was imported." };
  }
  if (!Number.isInteger(data.schema) || data.schema > SCHEMA) {
    return { ok: false, message: "This file was written by a newer version of the site; nothing was imported." };
  }
  const rawOnes = Array.isArray(data.unreadable) ? data.unreadable : [];
  const jobs = [
    ...data.records.map((item) => [item, importRecord, isObject(item) ? item.kind : "?"]),
    ...rawOnes.map((item) => [item, restoreRaw, (isObject(item) && split(item.storageKey)?.kind) || "?"]),
  ];
  onProgress({ done: 0, total: jobs.length });
  await nextTurn(); // parsing a large file was one long task already
  const room = budget();
  const counts = {};
  const byKind = {};
  let slice = performance.now();
  for (let i = 0; i < jobs.length; i++) {
    const [item, run, kind] = jobs[i];
    const outcome = run(item, room);
    counts[outcome] = (counts[outcome] || 0) + 1;
    const k = (byKind[typeof kind === "string" && KIND_RE.test(kind) ? kind : "?"] ||= {});
    k[outcome] = (k[outcome] || 0) + 1;
    if (performance.now() - slice > SLICE_MS) {
      onProgress({ done: i + 1, total: jobs.length });
      await nextTurn();
      slice = performance.now();
    }
  }
  onProgress({ done: jobs.length, total: jobs.length });
  emit({ kind: "*", key: null, value: undefined, origin: "import" });
  const n = (o) => counts[o] || 0;
  return {
    ok: true,
    message: importMessage(jobs.length, counts),
    counts,
    byKind,
    added: n("added"),
    updated: n("updated"),
    unchanged: n("unchanged"),
    kept: n("kept"),
    skipped: n("malformed") + n("newer"),
    failed: jobs.length - ["added", "updated", "unchanged", "kept", "restored", "malformed", "newer"].reduce((s, o) => s + n(o), 0),
  };
}

export function clearAll() {
  let n = 0;
  for (const sk of raw.keys()) {
    if (split(sk)) {
      raw.del(sk);
      n += 1;
    }
  }
  emit({ kind: "*", key: null, value: undefined, origin: "clear" });
  return n;
}

// "calculus/derivatives" or "concept:calculus/derivatives" -> the concept object key.
export const conceptKey = (c) => (c.startsWith("concept:") ? c : `concept:${c}`);

// Progress of one concept, from its `progress` record (written by the concept page, which lists
// the sections and checkpoints it has) and any other record about the concept's objects.
export function conceptProgress(concept) {
  const key = conceptKey(concept);
  const p = get("progress", key);
  if (isObject(p)) {
    const list = (x) => (Array.isArray(x) ? x : []);
    const sections = list(p.required);
    const checks = list(p.checks);
    const read = isObject(p.sections) ? p.sections : {};
    const done = isObject(p.checkpoints) ? p.checkpoints : {};
    if (sections.length && sections.every((s) => read[s]) && checks.every((c) => done[c])) return "done";
    if (Object.keys(read).length || Object.keys(done).length) return "started";
  }
  const path = key.slice("concept:".length);
  for (const sk of raw.keys()) {
    const name = split(sk);
    if (!name || name.kind === "progress") continue;
    const objectPath = name.key.slice(name.key.indexOf(":") + 1).split("#")[0];
    if (objectPath === path && read(name.kind, name.key)) return "started";
  }
  return "new";
}
