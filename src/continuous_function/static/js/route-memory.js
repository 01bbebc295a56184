// The learner's route and what they know, and the two small widgets that show them on every
// page: "ready next" on the home page and "your route" in a concept's learning map. The planner
// page (route-page.js) and the graph page (graph.js) read the same records through here.
//
// Learner records (store.js), both ours:
//   kind "known", key "concepts": {"<domain>/<concept>": true | false} — what the learner ticked
//     as known (true) or unticked although its page is done (false). Without an entry, a concept
//     counts as known when its progress is "done".
//   kind "route", key "current": {target, steps: [{key, id, title, domain, minutes, status}],
//     savedAt} — the route the learner chose to follow, as it was when saved.
// (One record per kind, so these never make a concept look "started" to conceptProgress.)

import { el } from "./loop-dom.js";
import * as store from "./store.js";


export const KNOWN = ["known", "concepts"];
export const ROUTE = ["route", "current"];

export function learner() {
  const explicit = store.get(...KNOWN) || {};
  const status = (key) => {
    if (explicit[key] === true) return "known";
    const p = store.conceptProgress(key);
    return explicit[key] === false && p === "done" ? "started" : p;
  };
  const isKnown = (key) => explicit[key] ?? store.conceptProgress(key) === "done";
  return { explicit, status, isKnown };
}

export function knownIds(g) {
  const me = learner();
  return new Set([...g.concepts.values()].filter((c) => me.isKnown(c.key)).map((c) => c.id));
}

export function setKnown(key, value) {
  return store.update(...KNOWN, (cur = {}) => ({ ...cur, [key]: value }));
}

export function onLearnerChange(fn) {
  let queued = false;
  return store.subscribe((e) => {
    if (e.problem || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fn();
    });
  });
}

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function minutesText(c) {
  return c.minutes ? `${c.minutes} min` : "not written yet";
}

export function totals(steps) {
  const written = steps.filter((c) => c.minutes);
  const minutes = written.reduce((s, c) => s + c.minutes, 0);
  const drafts = steps.length - written.length;
  let text = `${plural(steps.length, "concept")}`;
  if (written.length) text += ` · about ${minutes} min of reading`;
  if (drafts) text += ` · ${drafts} not written yet`;
  return text;
}

export function conceptLink(c, root) {
  return el("a", { href: new URL(`${c.key}/`, root).href }, c.title);
}

export function domainTag(g, c) {
  const d = g.domains.get(c.domain);
  return el("span", { class: "route-domain" },
    el("span", { class: `swatch domain-${c.domain}`, "aria-hidden": "true" }), ` ${d ? d.title : c.domain}`);
}

// -- ready next (home page) ----------------------------------------------------------------------

const READY_SHOWN = 6;

export async function initReadyNext(section, root) {
  const { loadGraph, readyNext } = await import("./route.js");
  let g;
  try {
    g = await loadGraph(root);
  } catch {
    return;
  }
  const list = section.querySelector("[data-ready-list]");
  const note = section.querySelector("[data-ready-note]");
  function render() {
    const known = knownIds(g);
    const ready = readyNext(g, known).map((id) => g.concepts.get(id));
    // Written pages first (they can be worked through now), each group in prerequisite order.
    const shown = [...ready.filter((c) => c.minutes), ...ready.filter((c) => !c.minutes)].slice(0, READY_SHOWN);
    note.textContent = known.size
      ? "Everything these concepts rest on is done or known."
      : "Nothing is done yet, so these are starting points: they rest on nothing else.";
    list.replaceChildren(...shown.map((c) => el("li", {},
      conceptLink(c, root),
      el("span", { class: "ready-meta" }, domainTag(g, c), ` · ${minutesText(c)}`))));
    if (ready.length > shown.length) {
      list.append(el("li", { class: "muted small" }, `and ${ready.length - shown.length} more`));
    }
    const saved = store.get(...ROUTE);
    section.querySelector("[data-ready-route]")?.remove();
    if (saved && g.byKey.has(saved.target)) {
      const next = saved.steps.find((s) => !learner().isKnown(s.key));
      const t = g.byKey.get(saved.target);
      const p = el("p", { class: "ready-route", "data-ready-route": "" }, "Your route to ",
        el("a", { href: new URL(`route/?to=${encodeURIComponent(t.id)}`, root).href }, t.title),
        next ? ": next, " : ": every step is done.", next ? conceptLink(next, root) : null, next ? "." : null);
      note.before(p);
    }
    section.hidden = !shown.length && !saved;
  }
  render();
  onLearnerChange(render);
}

// -- your route (concept pages) -----------------------------------------------------------------

export function initRouteHere(slot, root) {
  const article = document.querySelector("article[data-object-key^='concept:']");
  if (!article) return;
  const key = article.dataset.objectKey.slice("concept:".length);
  function render() {
    const saved = store.get(...ROUTE);
    const steps = saved?.steps || [];
    const i = steps.findIndex((s) => s.key === key);
    slot.replaceChildren();
    slot.hidden = i < 0;
    if (i < 0) return;
    const me = learner();
    const target = steps[steps.length - 1];
    const next = steps.slice(i + 1).find((s) => !me.isKnown(s.key));
    slot.append(
      el("p", { class: "route-here-title" },
        el("strong", {}, "Your route"), " to ",
        el("a", { href: new URL(`route/?to=${encodeURIComponent(target.id)}`, root).href }, target.title),
        `: step ${i + 1} of ${steps.length}.`),
      next
        ? el("p", { class: "route-here-next" }, "Next: ", conceptLink(next, root))
        : el("p", { class: "route-here-next" }, i === steps.length - 1 ? "This is your target." : "Every later step is done."),
      el("details", { class: "route-here-all" }, el("summary", {}, `All ${steps.length} steps`),
        el("ol", { class: "route-here-steps" },
          ...steps.map((s, j) => el("li", { class: `${j === i ? "is-here" : ""} ${me.isKnown(s.key) ? "is-done" : ""}`.trim() },
            j === i ? el("span", { "aria-current": "step" }, s.title) : conceptLink(s, root),
            me.isKnown(s.key) ? " ✓" : null)))),
    );
  }
  render();
  onLearnerChange(render);
}
