// Finding the way, on every page: the header search box ("/" focuses it), the "ready next" list on
// the home page and "your route" in a concept's learning map. Everything heavier (the search
// library and its index, the graph, the route planner) loads only when a page or the learner
// asks for it, so this module stays off the critical path.

const ROOT = new URL("../../", import.meta.url);
const input = document.getElementById("site-search");

function typing(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

if (input) {
  let attached = null;
  const attach = () => (attached ||= import("./search.js").then((m) => m.attachHeader(input, ROOT)));
  input.addEventListener("focus", attach);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}

const page = document.querySelector("[data-search-page], [data-graph-controls], [data-route-form]");
if (page?.matches("[data-search-page]")) import("./search.js").then((m) => m.initSearchPage(page, ROOT));
if (page?.matches("[data-graph-controls]")) import("./graph.js").then((m) => m.initGraphPage(ROOT));
if (page?.matches("[data-route-form]")) import("./route-page.js").then((m) => m.initRoutePage(page, ROOT));

// "Ready next" (home) and "your route" (concept pages, only when the learner follows a route):
// after the load event, so they never delay the page.
const readyNext = document.querySelector("[data-ready-next]");
const routeHere = document.querySelector("[data-route-here]") && following() ?
  document.querySelector("[data-route-here]") : null;
if (readyNext || routeHere) {
  const start = () => import("./route-memory.js").then((m) => {
    if (readyNext) m.initReadyNext(readyNext, ROOT);
    if (routeHere) m.initRouteHere(routeHere, ROOT);
  });
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
}

// Whether a route is saved (the record route-memory.js keeps through store.js), without loading
// the store on pages that do not need it.
function following() {
  try {
    return localStorage.getItem("cfn:v1:route:current") !== null;
  } catch {
    return false;
  }
}
