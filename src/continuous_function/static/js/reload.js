// Development only (cfn serve): after each save, update the open page in place (the parts of
// the page that changed, and its changed stylesheets and images), keeping scroll position, focus
// and the state of everything a script has taken over (a demo, a learner-loop panel). Only when
// such a part itself changed, or the page's scripts did, does the page reload. Build failures
// show in a banner.
//
// The server sends `update` twice per save: at once with `changed: null` (fetch yourself; the
// server renders the page from memory, starting before you ask, since the stream names the
// page), then with the files the whole-site write changed (stylesheets and images to refresh).
//
// The page's server HTML (fetched once at start) is the baseline: each update diffs the new
// server HTML against it and applies only the difference to the live DOM, so what scripts did to
// the live DOM is never mistaken for an edit.

const root = new URL("../../", import.meta.url); // static/js/ -> the site root
// Parts a script has taken over (a started demo, a learner-loop panel, the finding widgets, the
// progress marks, the graph/route/search pages): replacing one of them means reloading.
const BOUND = [
  "[data-demo-status]",
  "[data-loop-ready]",
  "[data-ready-next]",
  "[data-route-here]",
  "[data-concept-status]",
  "[data-continue]",
  "[data-domain-progress]",
  "[data-search-page]",
  "[data-graph-controls]",
  "[data-route-form]",
  "[data-route-page]",
].join(", ");
const SCROLL = "cfn:reload-scroll";

class NeedsReload extends Error {}

const saved = sessionStorage.getItem(SCROLL);
if (saved !== null) {
  sessionStorage.removeItem(SCROLL);
  addEventListener("load", () => scrollTo(0, Number(saved)));
}

async function serverCopy() {
  const response = await fetch(location.href, { cache: "no-store" });
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

let baseline = serverCopy();

function key(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return `${node.nodeType}:${node.nodeValue}`;
  return `${node.tagName}#${node.id}.${node.getAttribute("class")}`;
}

function release(live) {
  if (live.nodeType === Node.ELEMENT_NODE && (live.matches(BOUND) || live.querySelector(BOUND))) {
    throw new NeedsReload();
  }
}

function replace(live, fresh) {
  release(live);
  live.replaceWith(document.importNode(fresh, true));
}

function syncAttributes(live, before, after) {
  for (const { name } of before.attributes) if (!after.hasAttribute(name)) live.removeAttribute(name);
  for (const { name, value } of after.attributes) {
    if (before.getAttribute(name) !== value) live.setAttribute(name, value);
  }
}

// Apply the change before → after (two versions of the server's HTML) to `live`, the node that
// shows `before` in the document. Children are matched from both ends; the middle is replaced.
function patch(live, before, after) {
  if (before.isEqualNode(after)) return;
  if (key(before) !== key(after) || before.nodeType !== Node.ELEMENT_NODE) return replace(live, after);
  const [l, b, a] = [live.childNodes, before.childNodes, after.childNodes].map((n) => [...n]);
  if (l.length !== b.length || l.some((n, i) => key(n) !== key(b[i]))) return replace(live, after);
  syncAttributes(live, before, after);
  let start = 0;
  while (start < b.length && start < a.length && key(b[start]) === key(a[start])) start++;
  let end = 0;
  const fits = () => end < b.length - start && end < a.length - start;
  while (fits() && key(b[b.length - 1 - end]) === key(a[a.length - 1 - end])) end++;
  const anchor = l[l.length - end] || null; // the first kept node after the middle
  for (let i = 0; i < start; i++) patch(l[i], b[i], a[i]);
  for (let i = 1; i <= end; i++) patch(l[l.length - i], b[b.length - i], a[a.length - i]);
  for (const node of l.slice(start, l.length - end)) release(node);
  for (const node of l.slice(start, l.length - end)) node.remove();
  for (const node of a.slice(start, a.length - end)) live.insertBefore(document.importNode(node, true), anchor);
}

const scripts = (doc) => [...doc.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")).join("\n");
const sitePath = (url) => new URL(url, location.href).pathname.slice(root.pathname.length);

function pageFile() {
  const path = sitePath(location.href);
  return path === "" || path.endsWith("/") ? path + "index.html" : path;
}

function refreshAssets(changed) {
  const bust = `cfn-update=${Date.now()}`;
  const stale = (url) => url && changed.includes(sitePath(url));
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
    if (!stale(link.href)) continue;
    const fresh = link.cloneNode();
    fresh.href = link.href.split("?")[0] + "?" + bust;
    fresh.addEventListener("load", () => link.remove(), { once: true });
    link.after(fresh);
  }
  for (const img of document.querySelectorAll("img[src]")) {
    if (stale(img.src)) img.src = img.src.split("?")[0] + "?" + bust;
  }
}

async function update() {
  const before = await baseline;
  const after = await serverCopy();
  if (scripts(before) !== scripts(after)) throw new NeedsReload();
  const y = scrollY;
  const focused = document.activeElement;
  patch(document.head, before.head, after.head);
  patch(document.getElementById("main"), before.getElementById("main"), after.getElementById("main"));
  baseline = Promise.resolve(after);
  if (!document.contains(focused) && focused?.id) document.getElementById(focused.id)?.focus({ preventScroll: true });
  if (scrollY !== y) scrollTo(0, y);
}

let queue = Promise.resolve();
const events = new URL("_cfn/events", root);
events.searchParams.set("page", sitePath(location.href)); // the server renders open pages first
const source = new EventSource(events);

source.addEventListener("ready", () => {
  document.documentElement.dataset.cfnLive = "ready";
});

source.addEventListener("update", (event) => {
  const { changed } = JSON.parse(event.data);
  queue = queue.then(async () => {
    document.getElementById("cfn-build-error")?.remove();
    try {
      if (changed === null || changed.includes(pageFile())) await update(); // null: unknown
      refreshAssets(changed || []);
      document.dispatchEvent(new CustomEvent("cfn:updated", { detail: { changed } }));
    } catch (err) {
      if (!(err instanceof NeedsReload)) console.error("live update failed, reloading:", err);
      sessionStorage.setItem(SCROLL, String(scrollY));
      location.reload();
    }
  });
});

source.addEventListener("build-error", (event) => {
  const { message } = JSON.parse(event.data);
  let box = document.getElementById("cfn-build-error");
  if (!box) {
    box = document.createElement("pre");
    box.id = "cfn-build-error";
    box.setAttribute("role", "alert");
    box.className = "build-error-overlay";
    document.body.prepend(box);
  }
  box.textContent = "Build failed — still showing the last good version.\n\n" + message;
});
