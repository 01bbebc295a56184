// The knowledge graph page: focus on a concept (?focus=<id>&depth=<n|all>), zoom, switch between
// the picture and the list, and show the learner's progress on the nodes. The picture itself is
// laid out at build time; this module only toggles classes and attributes on it.

import { loadGraph } from "./route.js";
import { learner, onLearnerChange } from "./route-memory.js";

const ZOOMS = [0.5, 0.65, 0.8, 1, 1.25, 1.5, 1.8, 2.2];
const NATURAL = 1.25;
const PAD = 14;

export async function initGraphPage(root) {
  const form = document.querySelector("[data-graph-controls]");
  const focusSelect = form.querySelector("#graph-focus");
  const depthSelect = form.querySelector("#graph-depth");
  const summary = document.querySelector("[data-focus-summary]");
  const svg = document.querySelector(".graph-svg");
  const scroller = document.querySelector("[data-graph-scroll]");
  const figure = document.querySelector("[data-graph-picture]");
  const listView = document.querySelector("[data-graph-list]");
  const nodes = svg ? [...svg.querySelectorAll(".gnode")] : [];
  const edges = svg ? [...svg.querySelectorAll(".gedge")] : [];
  const rows = [...listView.querySelectorAll("li[data-id]")];
  const labels = new Map(nodes.map((n) => [n.dataset.id, n.getAttribute("aria-label")]));
  // -- view switch (before anything loads: phones start on the list)
  const switcher = document.querySelector("[data-view-switch]");
  const zoomBar = document.querySelector("[data-zoom]");
  const viewParam = () => {
    const v = new URLSearchParams(location.search).get("view");
    return ["list", "picture"].includes(v) ? v : "";
  };
  function setView(view) {
    figure.hidden = view === "list";
    listView.classList.toggle("is-only", view === "list");
    for (const b of switcher.querySelectorAll("[data-view]")) b.setAttribute("aria-pressed", String(b.dataset.view === view));
    zoomBar.hidden = view === "list" || !svg;
  }
  let onPicture = () => {};
  switcher.hidden = false;
  setView(viewParam() || (matchMedia("(max-width: 700px)").matches ? "list" : "picture"));
  for (const b of switcher.querySelectorAll("[data-view]")) {
    b.addEventListener("click", () => {
      const url = new URL(location.href);
      url.searchParams.set("view", b.dataset.view);
      history.replaceState(null, "", url);
      setView(b.dataset.view);
      if (b.dataset.view === "picture") onPicture();
    });
  }

  const g = await loadGraph(root);

  const scene = svg?.querySelector(".graph-scene");
  const shift = (scene?.getAttribute("transform") || "").match(/translate\(([-\d.]+)[ ,]+([-\d.]+)\)/);
  const [tx, ty] = shift ? [Number(shift[1]), Number(shift[2])] : [0, 0];
  const full = svg ? svg.getAttribute("viewBox").split(/[ ,]+/).map(Number) : [0, 0, 0, 0];
  let box = full;
  let zoom = NATURAL;

  function setZoom(z) {
    if (!svg) return;
    zoom = z;
    svg.setAttribute("width", String(Math.round(box[2] * z)));
    svg.setAttribute("height", String(Math.round(box[3] * z)));
  }

  function fitZoom() {
    const width = scroller.clientWidth - 4;
    return Math.max(0.35, Math.min(1.6, width / box[2]));
  }

  function read() {
    const p = new URLSearchParams(location.search);
    const focus = g.concepts.has(p.get("focus")) ? p.get("focus") : "";
    const depth = ["1", "2", "3", "all"].includes(p.get("depth")) ? p.get("depth") : "2";
    const view = ["list", "picture"].includes(p.get("view")) ? p.get("view") : "";
    return { focus, depth, view };
  }

  function write(state, push) {
    const url = new URL(location.href);
    for (const k of ["focus", "depth", "view"]) url.searchParams.delete(k);
    if (state.focus) {
      url.searchParams.set("focus", state.focus);
      url.searchParams.set("depth", state.depth);
    }
    if (state.view) url.searchParams.set("view", state.view);
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function apply(state) {
    focusSelect.value = state.focus;
    depthSelect.value = state.depth;
    const depth = state.depth === "all" ? Infinity : Number(state.depth);
    let inSet = null;
    let up = new Map();
    let down = new Map();
    if (state.focus) {
      up = g.within(state.focus, depth, "up");
      down = g.within(state.focus, depth, "down");
      inSet = new Set([state.focus, ...up.keys(), ...down.keys()]);
    }
    for (const n of nodes) {
      const id = n.dataset.id;
      const dim = inSet !== null && !inSet.has(id);
      n.classList.toggle("is-focus", id === state.focus);
      n.classList.toggle("is-up", up.has(id));
      n.classList.toggle("is-down", down.has(id));
      n.classList.toggle("is-dim", dim);
      if (dim) {
        n.setAttribute("tabindex", "-1");
        n.setAttribute("aria-hidden", "true");
      } else {
        n.removeAttribute("tabindex");
        n.removeAttribute("aria-hidden");
      }
    }
    for (const e of edges) {
      const on = inSet !== null && inSet.has(e.dataset.from) && inSet.has(e.dataset.to);
      e.classList.toggle("is-on", on);
      e.classList.toggle("is-dim", inSet !== null && !on);
    }
    for (const row of rows) row.hidden = inSet !== null && !inSet.has(row.dataset.id);
    for (const section of listView.querySelectorAll("[data-domain]")) {
      section.hidden = ![...section.querySelectorAll("li[data-id]")].some((r) => !r.hidden);
    }
    summary.replaceChildren();
    if (state.focus) {
      const c = g.concepts.get(state.focus);
      const steps = state.depth === "all" ? "" : ` within ${state.depth} step${state.depth === "1" ? "" : "s"}`;
      const a = document.createElement("a");
      a.href = new URL(`${c.key}/`, root).href;
      a.textContent = c.title;
      const clear = document.createElement("a");
      clear.href = "./";
      clear.textContent = "Show the whole atlas";
      clear.addEventListener("click", (ev) => {
        ev.preventDefault();
        const next = { ...read(), focus: "" };
        write(next, true);
        apply(next);
      });
      summary.append("Focused on ", a, `: ${count(up.size, "prerequisite")} and ${count(down.size, "concept")} it leads to${steps}. `, clear);
    }
    if (svg) {
      box = inSet === null ? full : cropBox(inSet);
      svg.setAttribute("viewBox", box.join(" "));
      setZoom(inSet === null ? NATURAL : Math.max(0.8, Math.min(NATURAL, fitZoom())));
    }
    setView(state.view || (matchMedia("(max-width: 700px)").matches ? "list" : "picture"));
    if (!figure.hidden) onPicture();
  }

  // Bring the focused concept, or else the atlas's starting points, into view.
  onPicture = () => {
    const focus = read().focus;
    const leftmost = () => nodes.reduce((a, b) => (b.getBBox().x < a.getBBox().x ? b : a));
    const target = nodes.find((n) => n.dataset.id === focus) || (nodes.length ? leftmost() : null);
    if (!target) return;
    centre(target);
    if (!focus) scroller.scrollLeft = 0;
  };

  function cropBox(ids) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      if (!ids.has(n.dataset.id)) continue;
      const b = n.getBBox();
      x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.width); y1 = Math.max(y1, b.y + b.height);
    }
    if (!Number.isFinite(x0)) return full;
    return [x0 + tx - PAD, y0 + ty - PAD, x1 - x0 + 2 * PAD, y1 - y0 + 2 * PAD].map((v) => Math.round(v * 100) / 100);
  }

  // Scroll the picture so `node` sits in the middle of the part of it on screen.
  function centre(node) {
    const r = node.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    const top = Math.max(s.top, 0);
    const bottom = Math.min(s.bottom, innerHeight);
    const middle = bottom > top + 80 ? (top + bottom) / 2 : s.top + s.height / 2;
    scroller.scrollLeft += r.left + r.width / 2 - (s.left + s.width / 2);
    scroller.scrollTop += r.top + r.height / 2 - middle;
  }

  for (const b of zoomBar.querySelectorAll("[data-zoom-step]")) {
    b.addEventListener("click", () => {
      const step = Number(b.dataset.zoomStep);
      if (step === 0) return setZoom(fitZoom());
      const next = step > 0 ? ZOOMS.find((z) => z > zoom + 1e-6) : [...ZOOMS].reverse().find((z) => z < zoom - 1e-6);
      if (next) setZoom(next);
    });
  }

  // -- controls
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = { ...read(), focus: focusSelect.value, depth: depthSelect.value };
    write(next, true);
    apply(next);
  });
  for (const s of [focusSelect, depthSelect]) {
    s.addEventListener("change", () => {
      const next = { ...read(), focus: focusSelect.value, depth: depthSelect.value };
      write(next, false);
      apply(next);
    });
  }
  addEventListener("popstate", () => apply(read()));

  // -- progress on the nodes and in the list
  function progress() {
    const me = learner();
    for (const n of nodes) {
      const c = g.concepts.get(n.dataset.id);
      const state = me.status(c.key);
      n.classList.toggle("p-done", state === "done" || state === "known");
      n.classList.toggle("p-started", state === "started");
      const suffix = state === "new" ? "" : `, ${state}`;
      n.setAttribute("aria-label", labels.get(n.dataset.id) + suffix);
    }
    for (const row of rows) {
      const c = g.concepts.get(row.dataset.id);
      const state = me.status(c.key);
      const note = row.querySelector("[data-progress-note]");
      note.textContent = state === "new" ? "" : ` (${state})`;
      note.className = `progress-note p-${state}`;
    }
    for (const li of document.querySelectorAll(".legend-progress")) li.hidden = false;
  }
  progress();
  onLearnerChange(progress);
  apply(read());
}

function count(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
