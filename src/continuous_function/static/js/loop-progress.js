// Progress and resume: sections read and checkpoints done on a concept page, "continue where
// you left off" on the home page, started/done markers on domain pages. Everything shown is
// computed from the learner's records in store.js.

import * as store from "./store.js";
import { $, $$, el, textOf, when } from "./loop-dom.js";

const SECTION_TITLES = { intuition: "Intuition", math: "Math", code: "Code", demo: "Interactive Demo" };
const CHECKS = {
  demo: ["demo prediction revealed", "demo not revealed yet", "Commit a prediction in the demo, then reveal the answer"],
  inquiry: ["visual inquiry answered", "visual inquiry not answered yet", "Answer the visual inquiry"],
  practice: ["practice attempted", "practice not attempted yet", "Attempt a practice prompt and compare with the model answer"],
};
const DWELL_MS = 1000;

// Links built from stored (possibly imported) paths stay on this site.
const siteHref = (path, root) => {
  try {
    const url = new URL(String(path), root);
    return url.origin === new URL(root).origin ? url.href : root;
  } catch {
    return root;
  }
};

const anchorOf = (id) => (id === "code" || id === "demo" ? `${id}-section` : id);

export function checkpoint(ctx, name) {
  return store.update("progress", ctx.key, (p = {}) => ({
    ...p,
    checkpoints: { ...(p.checkpoints || {}), [name]: (p.checkpoints || {})[name] || Date.now() },
    lastSeen: Date.now(),
  }));
}

// Remember the object the learner last worked on: {key, label, fragment}.
export function touch(ctx, object) {
  return store.update("progress", ctx.key, (p = {}) => ({ ...p, lastObject: object, lastSeen: Date.now() }));
}

const list = (x) => (Array.isArray(x) ? x : []);

// The next useful step for one concept's progress record (and its open research drafts).
export function nextMove(key, p) {
  const url = p.url || "";
  for (const s of list(p.required)) {
    if (!(p.sections || {})[s]) return { text: `Read the ${SECTION_TITLES[s] || s} section`, href: `${url}#${anchorOf(s)}` };
  }
  for (const c of list(p.checks)) {
    if (!(p.checkpoints || {})[c] && CHECKS[c]) return { text: CHECKS[c][2], href: `${url}#${c}` };
  }
  const path = key.slice("concept:".length);
  const open = store
    .all("research")
    .find((r) => (r.key.split(":")[1] || "").split("#")[0] === path && r.value && r.value.note && !r.value.resolved);
  if (open) return { text: `Resolve your research note on ${open.value.label || open.key}`, href: `${url}#research` };
  if (p.next) return { text: `Go on to ${p.next.title}`, href: p.next.url };
  return { text: "Revisit your practice answers and rate them again", href: `${url}#practice` };
}

export function summary(p) {
  const read = list(p.required).filter((s) => (p.sections || {})[s]).length;
  const parts = [`${read} of ${list(p.required).length} sections read`];
  for (const c of list(p.checks)) {
    if (CHECKS[c]) parts.push(CHECKS[c][(p.checkpoints || {})[c] ? 0 : 1]);
  }
  return parts.join(" · ");
}

// -- concept page --------------------------------------------------------------------------

export function initConcept(ctx) {
  const sections = $$(".contract-section[id]", ctx.article);
  const ids = sections.map((s) => s.id.replace(/-section$/, ""));
  const checks = [];
  if ($(".demo", ctx.article)) checks.push("demo");
  if ($("[data-inquiry]", ctx.article)) checks.push("inquiry");
  if ($("[data-practice-panel]", ctx.article)) checks.push("practice");
  const next = $(".learning-map .map-col:last-child a");
  store.update("progress", ctx.key, (p = {}) => ({
    sections: {},
    checkpoints: {},
    ...p,
    title: ctx.title,
    domain: ctx.domain,
    url: ctx.url,
    required: ids,
    checks,
    next: next && next.href.startsWith(ctx.root) ? { title: textOf(next), url: next.href.slice(ctx.root.length) } : null,
    lastSeen: Date.now(),
  }));

  const markRead = (id) =>
    store.update("progress", ctx.key, (p = {}) =>
      (p.sections || {})[id] ? p : { ...p, sections: { ...(p.sections || {}), [id]: Date.now() } },
    );
  const timers = new Map();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const id = entry.target.id.replace(/-section$/, "");
        const visible =
          entry.isIntersecting &&
          (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= 0.5 * window.innerHeight);
        if (visible && !timers.has(id)) {
          timers.set(id, setTimeout(() => { markRead(id); observer.unobserve(entry.target); }, DWELL_MS));
        } else if (!visible && timers.has(id)) {
          clearTimeout(timers.get(id));
          timers.delete(id);
        }
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  const seen = (store.get("progress", ctx.key) || {}).sections || {};
  for (const s of sections) if (!seen[s.id.replace(/-section$/, "")]) observer.observe(s);

  // The demo's reveal is a checkpoint; its last state is kept for the research room and resume.
  let saveTimer = 0;
  document.addEventListener("cfn:demo-state", (event) => {
    const d = event.detail || {};
    if (d.revealed) {
      const before = ((store.get("progress", ctx.key) || {}).checkpoints || {}).demo;
      if (!before) {
        checkpoint(ctx, "demo");
        touch(ctx, { key: `demo:${ctx.path}#demo`, label: "Interactive demo", fragment: "demo" });
      }
    }
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (d.prediction !== null || d.revealed) store.put("demo", `demo:${ctx.path}#demo`, d);
    }, 400);
  });
}

// A short block on the concept page: what this page has recorded, and the next move.
export function renderConceptStatus(ctx, node) {
  const p = store.get("progress", ctx.key);
  node.replaceChildren();
  if (!p) {
    // A progress record this page cannot read is kept as it is, so nothing new is recorded.
    const kept = store.problems().find((x) => x.kind === "progress" && x.key === ctx.key);
    if (kept) node.append(el("p", {}, el("strong", {}, "On this page: "), `progress is not being recorded, because the saved progress record is ${kept.reason}; it is kept as it is.`));
    return;
  }
  const move = nextMove(ctx.key, p);
  node.append(
    el("p", {}, el("strong", {}, "On this page: "), summary(p), "."),
    el("p", {}, el("strong", {}, "Next move: "), el("a", { href: siteHref(move.href, ctx.root) }, move.text)),
  );
}

// -- home page -----------------------------------------------------------------------------

export function renderHome(root) {
  const box = $("[data-continue]");
  const records = store.all("progress").filter((r) => r.value && r.value.url);
  if (box) {
    const body = $("[data-continue-body]", box);
    const last = records.sort((a, b) => (b.value.lastSeen || 0) - (a.value.lastSeen || 0))[0];
    body.replaceChildren();
    box.hidden = !last;
    if (last) {
      const p = last.value;
      const move = nextMove(last.key, p);
      const href = (path) => siteHref(path, root);
      body.append(
        el("p", { class: "continue-title" }, el("a", { href: href(p.url) }, p.title || last.key), " ", el("span", { class: "muted" }, `${p.domain || ""} · last visited ${when(p.lastSeen || last.updatedAt)}`)),
        el("p", {}, summary(p), "."),
      );
      if (p.lastObject) {
        body.append(el("p", {}, el("strong", {}, "Last object: "), el("a", { href: href(p.url + (p.lastObject.fragment ? `#${p.lastObject.fragment}` : "")) }, p.lastObject.label || p.lastObject.key)));
      }
      body.append(el("p", { class: "continue-next" }, el("strong", {}, "Next move: "), el("a", { href: href(move.href) }, move.text)));
    }
  }
  const cards = $$("[data-domain]");
  const worked = !cards.length ? [] : ["research", "practice", "inquiry", "demo"].flatMap((kind) =>
    store.all(kind).map((r) => (r.key.split(":")[1] || "").split("#")[0]),
  );
  for (const card of cards) {
    const out = $("[data-domain-progress]", card);
    if (!out) continue;
    const prefix = `concept:${card.dataset.domain}/`;
    const keys = new Set(records.map((r) => r.key).filter((k) => k.startsWith(prefix)));
    for (const path of worked) if (path.startsWith(`${card.dataset.domain}/`)) keys.add(`concept:${path}`);
    let started = 0;
    let done = 0;
    for (const k of keys) {
      const state = store.conceptProgress(k);
      if (state === "done") done += 1;
      else if (state === "started") started += 1;
    }
    out.hidden = !(started || done);
    const parts = [done && `${done} done`, started && `${started} started`].filter(Boolean).join(", ");
    out.textContent = `Your progress: ${parts} of ${card.dataset.count} concepts`;
  }
}

// -- domain page ---------------------------------------------------------------------------

export function renderDomain() {
  for (const item of $$("[data-concept-key]")) {
    const marker = $("[data-progress-marker]", item);
    if (!marker) continue;
    const state = store.conceptProgress(item.dataset.conceptKey);
    marker.hidden = state === "new";
    marker.textContent = state === "done" ? "Done" : "Started";
    marker.classList.toggle("progress-done", state === "done");
    marker.classList.toggle("progress-started", state === "started");
  }
}
