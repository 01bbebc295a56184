// Learner memory: the one store of what a learner does, kept in this browser (docs/learner-memory.md).
// One localStorage key per record, `cfn:v1:<kind>:<key>` (key: an object key, see objects.json),
// holding {schema, updatedAt, value}; an unreadable record is reported, never lets others fail.
// Import as "./store.js" (no query string). Changes also go out as a window `cfn:store` event.
//   get(kind, key) -> value | undefined          put(kind, key, value) -> {ok} | {ok: false, code, message}
//   update(kind, key, fn(value) -> value|undefined)  remove(kind, key)   all(kind) -> [{key, value, updatedAt}]
//   subscribe(fn({kind, key, value, origin} | {problem})) -> unsubscribe   origin: local|remote|import|clear
//   problems() -> [{storageKey, reason}]   discard(storageKey)   usage() -> {records, chars, limit}
//   exportAll() -> object   importAll(json) -> {ok, message, added, updated, unchanged, kept, ...}
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

// Parse one stored string: {rec} or {error}. Older schemas are migrated on read.
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

function read(kind, key) {
  const text = raw.get(storageKey(kind, key));
  if (text === null) return undefined;
  const { rec } = parse(text);
  return rec ? migrate(kind, rec) || undefined : undefined;
}

function emit(detail) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail }));
}

function fail(code, message) {
  const problem = { code, message };
  emit({ problem });
  return { ok: false, code, message };
}

function chars() {
  let n = 0;
  for (const k of raw.keys()) if (k.startsWith(PREFIX)) n += k.length + (raw.get(k) || "").length;
  return n;
}

function write(kind, key, value, updatedAt, origin) {
  if (!KIND_RE.test(kind) || typeof key !== "string" || !key) {
    return fail("invalid", `Cannot save a record of kind "${kind}" with key "${key}".`);
  }
  const sk = storageKey(kind, key);
  if (value === undefined) {
    raw.del(sk);
    emit({ kind, key, value: undefined, origin });
    return { ok: true };
  }
  const text = JSON.stringify({ schema: SCHEMA, updatedAt, value });
  if (text.length > RECORD_LIMIT) {
    return fail(
      "too-large",
      `Not saved: this entry is ${Math.ceil(text.length / 1000)} thousand characters; the limit is ${RECORD_LIMIT / 1000} thousand. Shorten it and save again.`,
    );
  }
  const old = raw.get(sk);
  if (chars() - (old ? sk.length + old.length : 0) + sk.length + text.length > TOTAL_LIMIT) {
    return fail(
      "full",
      "Not saved: your learning memory has reached its size limit in this browser. Export it to a file, then clear old records.",
    );
  }
  try {
    raw.set(sk, text);
  } catch {
    return fail(
      "full",
      "Not saved: this browser's storage is full. Export your learning memory to a file, then clear old records.",
    );
  }
  emit({ kind, key, value, origin });
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

export function problems() {
  const out = [];
  for (const sk of raw.keys()) {
    const name = split(sk);
    if (!name) continue;
    const { rec, error } = parse(raw.get(sk));
    if (error) out.push({ storageKey: sk, kind: name.kind, key: name.key, reason: error });
    else if (!migrate(name.kind, rec)) {
      out.push({ storageKey: sk, kind: name.kind, key: name.key, reason: `no migration from schema ${rec.schema}` });
    }
  }
  return out;
}

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
    const rec = e.newValue === null ? null : parse(e.newValue).rec;
    fn({ ...name, value: rec ? (migrate(name.kind, rec) || {}).value : undefined, origin: "remote" });
  };
  window.addEventListener(EVENT, local);
  window.addEventListener("storage", remote);
  return () => {
    window.removeEventListener(EVENT, local);
    window.removeEventListener("storage", remote);
  };
}

export function usage() {
  let records = 0;
  for (const k of raw.keys()) if (split(k)) records += 1;
  return { records, chars: chars(), limit: TOTAL_LIMIT };
}

export function exportAll() {
  const records = [];
  const unreadable = [];
  for (const sk of raw.keys().sort()) {
    const name = split(sk);
    if (!name) continue;
    const text = raw.get(sk);
    const { rec } = parse(text);
    const current = rec && migrate(name.kind, rec);
    if (current) records.push({ kind: name.kind, key: name.key, ...current });
    else unreadable.push({ storageKey: sk, raw: text });
  }
  return { format: FORMAT, schema: SCHEMA, exportedAt: new Date().toISOString(), records, unreadable };
}

const isObject = (v) => v && typeof v === "object" && !Array.isArray(v);

export function importAll(input) {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, message: "This file is not valid JSON, so nothing was imported." };
    }
  }
  if (!data || data.format !== FORMAT || !Array.isArray(data.records)) {
    return { ok: false, message: "This file is not a Continuous Function learning-memory export, so nothing was imported." };
  }
  if (!Number.isInteger(data.schema) || data.schema > SCHEMA) {
    return { ok: false, message: "This file was written by a newer version of the site; nothing was imported." };
  }
  const summary = { ok: true, added: 0, updated: 0, unchanged: 0, kept: 0, skipped: 0, failed: 0, byKind: {} };
  for (const item of data.records) {
    const ok =
      item && typeof item === "object" && KIND_RE.test(item.kind) && typeof item.key === "string" &&
      item.key.length > 0 && item.key.length <= 500 && Number.isFinite(item.updatedAt) &&
      Number.isInteger(item.schema) && item.schema >= 1 && item.schema <= SCHEMA && item.value !== undefined;
    const incoming = ok && migrate(item.kind, item);
    if (!incoming) {
      summary.skipped += 1;
      continue;
    }
    const local = read(item.kind, item.key);
    const merge = MERGE[item.kind];
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    let value = incoming.value;
    let updatedAt = incoming.updatedAt;
    let outcome;
    if (local && merge && isObject(local.value) && isObject(value)) {
      value = merge(local.value, value);
      updatedAt = Math.max(local.updatedAt, incoming.updatedAt);
      if (same(value, local.value)) outcome = "unchanged";
    } else if (local && local.updatedAt > incoming.updatedAt) outcome = "kept";
    else if (local && same(local.value, value)) outcome = "unchanged";
    if (!outcome) {
      const result = write(item.kind, item.key, value, updatedAt, "import");
      outcome = result.ok ? (local ? "updated" : "added") : "failed";
    }
    summary[outcome] += 1;
    const k = (summary.byKind[item.kind] ||= { added: 0, updated: 0, unchanged: 0, kept: 0, failed: 0 });
    k[outcome] += 1;
  }
  const parts = [`${summary.added} added`, `${summary.updated} updated`, `${summary.unchanged} already up to date`];
  if (summary.kept) parts.push(`${summary.kept} kept as they were (yours were newer)`);
  if (summary.skipped) parts.push(`${summary.skipped} skipped (not readable)`);
  if (summary.failed) parts.push(`${summary.failed} not saved (storage full)`);
  summary.message = `Imported ${data.records.length} record${data.records.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
  return summary;
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
