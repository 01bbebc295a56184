// The route planner page, "ready next" on the home page and "your route" on concept pages.
//
// Learner records (store.js), both ours:
//   kind "known", key "concepts": {"<domain>/<concept>": true | false} — what the learner ticked
//     as known (true) or unticked although its page is done (false). Without an entry, a concept
//     counts as known when its progress is "done".
//   kind "route", key "current": {target, steps: [{key, id, title, domain, minutes, status}],
//     savedAt} — the route the learner chose to follow, as it was when saved.
// (One record per kind, so these never make a concept look "started" to conceptProgress.)

import * as store from "./store.js";
import { loadGraph, planRoute, readyNext } from "./route.js";
import { combobox, el, loadSearch } from "./search.js";

const KNOWN = ["known", "concepts"];
const ROUTE = ["route", "current"];

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

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function minutesText(c) {
  return c.minutes ? `${c.minutes} min` : "not written yet";
}

function totals(steps) {
  const written = steps.filter((c) => c.minutes);
  const minutes = written.reduce((s, c) => s + c.minutes, 0);
  const drafts = steps.length - written.length;
  let text = `${plural(steps.length, "concept")}`;
  if (written.length) text += ` · about ${minutes} min of reading`;
  if (drafts) text += ` · ${drafts} not written yet`;
  return text;
}

function conceptLink(c, root) {
  return el("a", { href: new URL(`${c.key}/`, root).href }, c.title);
}

function domainTag(g, c) {
  const d = g.domains.get(c.domain);
  return el("span", { class: "route-domain" },
    el("span", { class: `swatch domain-${c.domain}`, "aria-hidden": "true" }), ` ${d ? d.title : c.domain}`);
}

// -- the planner page -----------------------------------------------------------------------------

export async function initRoutePage(form, root) {
  const body = document.querySelector("[data-route-page]");
  const input = form.querySelector("#route-to");
  const status = el("p", { class: "visually-hidden", role: "status" });
  body.before(status);
  body.replaceChildren(el("p", { class: "muted" }, "Loading the graph…"));
  let g;
  try {
    g = await loadGraph(root);
  } catch {
    body.replaceChildren(el("p", { class: "panel" }, "The route planner could not load the graph."));
    return;
  }
  let target = "";

  async function resolve(text) {
    if (!text) return "";
    if (g.concepts.has(text)) return text;
    const byKey = g.byKey.get(text);
    if (byKey) return byKey.id;
    const search = await loadSearch(root);
    await search.ready;
    const hit = search.search(text, { limit: 1 })[0];
    return hit ? hit.concept.id : "";
  }

  function choose(id, push = true) {
    target = id;
    const url = new URL(location.href);
    if (id) url.searchParams.set("to", id);
    else url.searchParams.delete("to");
    history[push ? "pushState" : "replaceState"](null, "", url);
    input.value = id ? g.concepts.get(id).title : "";
    render(true);
  }

  combobox(input, root, { all: false, concise: true, limit: 8, choose: (r) => choose(r.concept.id) });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const id = await resolve(input.value.trim());
    if (id) choose(id);
    else status.textContent = `No concept matches “${input.value.trim()}”.`;
  });
  addEventListener("popstate", async () => {
    target = await resolve(new URLSearchParams(location.search).get("to") || "");
    input.value = target ? g.concepts.get(target).title : "";
    render(false);
  });

  function render(announce) {
    body.replaceChildren();
    const saved = store.get(...ROUTE);
    if (!target) {
      if (saved && g.byKey.has(saved.target)) {
        const t = g.byKey.get(saved.target);
        body.append(el("section", { class: "panel" },
          el("h2", {}, "Your route"),
          el("p", {}, "You are following a route to ", conceptLink(t, root), ". ",
            el("a", { href: `?to=${encodeURIComponent(t.id)}` }, "Open it"), " to see where you are.")));
      }
      body.append(el("p", { class: "muted" },
        "Choose a target above. The planner works from the concepts you have done or ticked as known."));
      return;
    }
    const me = learner();
    const known = knownIds(g);
    const c = g.concepts.get(target);
    const route = planRoute(g, target, known).map((id) => g.concepts.get(id));
    const following = saved && saved.target === c.key;

    const plan = el("section", { class: "panel route-plan", "aria-labelledby": "route-title" },
      el("h2", { id: "route-title" }, "Your route to ", conceptLink(c, root)));
    if (!route.length) {
      plan.append(el("p", { class: "route-done" }, `You already know ${c.title}: nothing is left on this route.`));
    } else {
      plan.append(el("p", { class: "route-totals" }, totals(route)));
      const ol = el("ol", { class: "route-steps" });
      let domain = null;
      route.forEach((step, i) => {
        const state = me.status(step.key);
        const li = el("li", { class: `route-step${i === 0 ? " is-first" : ""}${step.id === target ? " is-target" : ""}`, "data-id": step.id },
          el("span", { class: "route-num", "aria-hidden": "true" }, String(i + 1)),
          el("span", { class: "route-main" },
            conceptLink(step, root),
            i === 0 ? el("strong", { class: "route-flag" }, " Start here") : null,
            step.id === target && i > 0 ? el("strong", { class: "route-flag" }, " Target") : null),
          el("span", { class: "route-meta" },
            step.domain !== domain ? domainTag(g, step) : null,
            el("span", { class: "route-min" }, minutesText(step)),
            state === "started" ? el("span", { class: "badge" }, "started") : null));
        domain = step.domain;
        ol.append(li);
      });
      plan.append(ol);
      const save = el("button", { type: "button", class: "button" }, following ? "Update my route" : "Follow this route");
      const stop = el("button", { type: "button", class: "button secondary" }, "Stop following");
      const note = el("p", { class: "small muted route-save-note" },
        following ? "This is the route you are following; each page on it shows where you are and what is next." :
          "Following a route shows it on each page along the way.");
      save.addEventListener("click", () => {
        const result = store.put(...ROUTE, {
          target: c.key,
          steps: route.map(({ key, id, title, domain: d, minutes, status: s }) => ({ key, id, title, domain: d, minutes, status: s })),
          savedAt: Date.now(),
        });
        status.textContent = result.ok ? `Saved: your route to ${c.title}.` : result.message;
        if (result.ok) render(false);
      });
      stop.addEventListener("click", () => {
        store.remove(...ROUTE);
        status.textContent = "You are no longer following a route.";
        render(false);
      });
      plan.append(el("div", { class: "route-actions" }, save, following ? stop : null), note);
    }
    body.append(plan, knownPanel(g, c, me, root, () => render(true)));
    if (announce) status.textContent = route.length ? `Route to ${c.title}: ${totals(route)}.` : `You already know ${c.title}.`;
  }

  onLearnerChange(() => target && render(false));
  const initial = new URLSearchParams(location.search).get("to") || "";
  target = await resolve(initial);
  if (target) input.value = g.concepts.get(target).title;
  else if (initial) status.textContent = `No concept matches “${initial}”.`;
  render(false);
}

// "What you already know": the target's prerequisites, as checkboxes grouped by domain.
function knownPanel(g, target, me, root, changed) {
  const ids = [...g.ancestors(target.id), target.id];
  const byDomain = new Map();
  for (const id of ids.sort((a, b) => cmpKey(g.key(a), g.key(b)))) {
    const c = g.concepts.get(id);
    if (!byDomain.has(c.domain)) byDomain.set(c.domain, []);
    byDomain.get(c.domain).push(c);
  }
  const panel = el("section", { class: "panel route-known", "aria-labelledby": "known-title" },
    el("h2", { id: "known-title" }, "What you already know"),
    el("p", { class: "muted" }, "Tick what you know. A known concept leaves the route, and so does anything needed only for it. Concepts whose pages you have finished count as known until you untick them."));
  for (const [domain, concepts] of byDomain) {
    const d = g.domains.get(domain);
    const fs = el("fieldset", { class: "known-group" },
      el("legend", {}, el("span", { class: `swatch domain-${domain}`, "aria-hidden": "true" }), ` ${d ? d.title : domain}`));
    for (const c of concepts) {
      const box = el("input", { type: "checkbox", id: `known-${c.id}`, value: c.key });
      box.checked = me.isKnown(c.key);
      box.addEventListener("change", () => {
        setKnown(c.key, box.checked);
        changed();
        document.getElementById(`known-${c.id}`)?.focus();
      });
      const state = store.conceptProgress(c.key);
      fs.append(el("div", { class: "known-item" }, box,
        el("label", { for: `known-${c.id}` }, c.title, c.id === target.id ? el("span", { class: "muted" }, " (the target)") : null,
          state === "done" ? el("span", { class: "muted" }, " · page done") : null)));
    }
    panel.append(fs);
  }
  return panel;
}

function cmpKey(a, b) {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

// -- ready next (home page) ----------------------------------------------------------------------

const READY_SHOWN = 6;

export async function initReadyNext(section, root) {
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
      conceptLink(c, root), " ", domainTag(g, c), el("span", { class: "muted small" }, ` · ${minutesText(c)}`))));
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
