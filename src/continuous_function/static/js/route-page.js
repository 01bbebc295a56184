// The route planner page (/route/?to=<concept>): pick a target, tick what you know, follow the
// ordered route. The records it reads and writes are described in route-memory.js.

import * as store from "./store.js";
import { loadGraph, planRoute } from "./route.js";
import { el } from "./loop-dom.js";
import { ROUTE, conceptLink, domainTag, knownIds, learner, minutesText, onLearnerChange, setKnown, totals } from "./route-memory.js";

// (The search library loads only here, where the target picker needs it.)
const searching = () => import("./search.js");

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
    const search = await (await searching()).loadSearch(root);
    const hit = (await search.search(text, { limit: 1 }))[0];
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

  const { combobox } = await searching();
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
