// Search in the browser: the header box (a combobox with suggestions), the search page and the
// route planner's target picker. Ranking is in search-core.js; this module only builds DOM, and
// builds it from text nodes and <mark> elements, never from HTML strings.

import { el } from "./loop-dom.js";
import { Search } from "./search-core.js";

let loading = null;
export function loadSearch(root) {
  loading ||= Search.open(async (path) => {
    const r = await fetch(new URL(`search/${path}`, root));
    if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
    return r.json();
  });
  return loading;
}


// [{text, mark}] → a fragment of text nodes and <mark>s.
export function marked(parts) {
  const frag = document.createDocumentFragment();
  for (const p of parts) frag.append(p.mark ? el("mark", {}, p.text) : document.createTextNode(p.text));
  return frag;
}

function domainBadge(domain) {
  return el("span", { class: "result-domain" },
    el("span", { class: `swatch domain-${domain.id}`, "aria-hidden": "true" }), ` ${domain.title}`);
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// -- combobox ------------------------------------------------------------------------------------

// Turn a text input into a combobox of search suggestions. `choose(result)` runs on Enter or click
// (by default: open the matching place); `all` adds a last option that opens the search page.
export function combobox(input, root, { choose, all = true, limit = 7, concise = false } = {}) {
  const form = input.form || input.parentElement;
  const base = input.id || "search";
  const list = el("ul", { role: "listbox", id: `${base}-list`, class: "search-pop", hidden: true,
    "aria-label": "Suggestions" });
  const status = el("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  form.classList.add("has-pop");
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let search = null;
  let items = []; // [{kind: "result"|"all", result?, node}]
  let active = -1;
  let shown = ""; // the query the suggestions are for
  let timer = 0;
  const go = choose || ((r) => location.assign(new URL(r.place.href, root)));

  let asked = 0; // the latest query asked: answers to older ones arrive too late to show
  const unavailable = () => { status.textContent = "Search is unavailable: its index could not be loaded."; };
  loadSearch(root).then(
    (s) => {
      search = s;
      if (document.activeElement === input && input.value.trim()) update();
    },
    unavailable,
  );

  function open(on) {
    list.hidden = !on;
    input.setAttribute("aria-expanded", String(on));
    if (!on) setActive(-1);
  }

  function setActive(i) {
    if (items[active]) items[active].node.setAttribute("aria-selected", "false");
    active = i;
    if (items[i]) {
      items[i].node.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[i].node.id);
      items[i].node.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function option(i, ...children) {
    const node = el("li", { role: "option", id: `${base}-opt-${i}`, "aria-selected": "false",
      class: "search-option" }, ...children);
    node.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus in the input
    node.addEventListener("click", () => pick(i));
    return node;
  }

  async function update() {
    const q = input.value.trim();
    const ask = ++asked;
    if (!search || !q) {
      open(false);
      shown = "";
      status.textContent = "";
      return;
    }
    let results;
    try {
      results = await search.search(q, { limit });
    } catch {
      if (ask === asked) unavailable();
      return;
    }
    if (ask !== asked) return;
    // Keep the learner's place when suggestions refresh (the full text arriving, say).
    const was = q === shown ? items[active] : null;
    const keep = was ? (was.kind === "all" ? "all" : was.result.concept.key) : null;
    shown = q;
    items = [];
    list.replaceChildren();
    results.forEach((r) => {
      const i = items.length;
      const place = r.place.kind === "concept" || concise ? null :
        el("span", { class: "opt-place" }, marked(r.place.labelParts));
      const node = option(i,
        el("span", { class: "opt-head" }, el("span", { class: "opt-title" }, marked(r.place.titleParts)),
          domainBadge(r.domain)),
        place,
        concise ? null : el("span", { class: "opt-snippet" }, marked(r.place.snippet)));
      items.push({ kind: "result", result: r, node });
      list.append(node);
    });
    if (!results.length) {
      list.append(el("li", { class: "search-empty", role: "presentation" }, `No concept matches “${q}”.`));
    }
    if (all) {
      const i = items.length;
      const node = option(i, el("span", { class: "opt-all" }, `All results for “${q}”`));
      items.push({ kind: "all", node });
      list.append(node);
    }
    open(true);
    active = -1;
    const again = keep === null ? -1 : items.findIndex((it) =>
      (it.kind === "all" ? "all" : it.result.concept.key) === keep);
    setActive(again >= 0 ? again : results.length ? 0 : -1);
    status.textContent = results.length ? `${plural(results.length, "suggestion", "suggestions")}; ` +
      "arrow keys to move, Enter to open." : `No concept matches “${q}”.`;
  }

  function pick(i) {
    const item = items[i];
    if (!item) return;
    open(false);
    if (item.kind === "all") {
      const url = new URL("search/", root);
      url.searchParams.set("q", input.value.trim());
      location.assign(url);
    } else go(item.result);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 40);
  });
  input.addEventListener("focus", () => { if (input.value.trim() && search) update(); });
  input.addEventListener("keydown", (e) => {
    const openNow = !list.hidden;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!openNow) return update();
      if (!items.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + items.length) % items.length);
    } else if (e.key === "Enter") {
      if (openNow && active >= 0) {
        e.preventDefault();
        pick(active);
      } else if (choose) e.preventDefault();
    } else if (e.key === "Escape") {
      if (openNow) {
        e.preventDefault();
        open(false);
      } else if (input.value) {
        input.value = "";
      }
    } else if (e.key === "Home" || e.key === "End") {
      if (openNow) setActive(-1);
    }
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget)) open(false);
  });
  if (document.activeElement === input && input.value.trim()) update();
  return { update, close: () => open(false) };
}

export function attachHeader(input, root) {
  return combobox(input, root);
}

// -- the search page ----------------------------------------------------------------------------

export async function initSearchPage(form, root) {
  const input = form.querySelector("#search-q");
  const domain = form.querySelector("#search-domain");
  const status = document.getElementById("search-status");
  const out = document.getElementById("search-results");
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if ([...domain.options].some((o) => o.value === params.get("domain"))) domain.value = params.get("domain");
  if (!input.value) input.focus();
  status.textContent = "Loading the search index…";
  let search;
  const unavailable = () => { status.textContent = "Search is unavailable: its index could not be loaded."; };
  try {
    search = await loadSearch(root);
  } catch {
    unavailable();
    return;
  }

  let asked = 0; // the latest query asked: answers to older ones arrive too late to show
  async function run() {
    const ask = ++asked;
    const q = input.value.trim();
    let results = [];
    if (q) {
      try {
        results = await search.search(q, { domain: domain.value, limit: 30 });
      } catch {
        if (ask === asked) unavailable();
        return;
      }
    }
    if (ask !== asked) return;
    // The address, the status and the list change together, once the results are in.
    const url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("domain");
    if (q) url.searchParams.set("q", q);
    if (domain.value) url.searchParams.set("domain", domain.value);
    history.replaceState(null, "", url);
    out.replaceChildren();
    if (!q) {
      status.textContent = "Type a concept, a phrase or an equation's name.";
      return;
    }
    const where = domain.value ? ` in ${search.domains.get(domain.value).title}` : "";
    status.textContent = results.length
      ? `${plural(results.length, "concept matches", "concepts match")} “${q}”${where}.`
      : `No concept matches “${q}”${where}. Try fewer or shorter words${where ? ", or all domains" : ""}.`;
    for (const r of results) out.append(resultItem(r, root));
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  domain.addEventListener("change", run);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  run();
}

function resultItem(r, root) {
  const href = new URL(r.place.href, root).href;
  const meta = el("p", { class: "result-meta" }, domainBadge(r.domain));
  if (r.place.kind !== "concept") meta.append(el("span", { class: "result-place" }, marked(r.place.labelParts)));
  if (r.concept.status === "draft") meta.append(el("span", { class: "badge status-draft" }, "draft"));
  const item = el("li", { class: "search-result" },
    el("h2", { class: "result-title" }, el("a", { href }, marked(r.place.titleParts))),
    meta,
    el("p", { class: "result-snippet" }, marked(r.place.snippet)));
  const others = r.others.filter((o) => o.kind !== "concept");
  if (others.length) {
    const also = el("p", { class: "result-also small" }, "Also: ");
    others.forEach((o, i) => {
      if (i) also.append(", ");
      also.append(el("a", { href: new URL(o.href, root).href }, o.label));
    });
    item.append(also);
  }
  return item;
}
