// Small DOM helpers shared by the learner-loop, search and route modules. Learner text only ever goes in through
// `textContent` (el's string children); authored HTML is only ever cloned from the page.

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

// el("p", {class: "x", hidden: true}, "text", child) — strings become text nodes.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const BLOCKS = "p, li, div, dt, dd, br, tr, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre";

// Readable text of authored content: math as its TeX source, not KaTeX's doubled rendering.
export function textOf(node) {
  if (!node) return "";
  const copy = node.cloneNode(true);
  for (const k of copy.querySelectorAll(".katex")) {
    const tex = k.querySelector('annotation[encoding="application/x-tex"]');
    k.replaceWith(tex ? `$${tex.textContent.trim()}$` : k.textContent);
  }
  for (const hidden of copy.querySelectorAll(".visually-hidden, [aria-hidden='true']")) hidden.remove();
  // Blocks end with a space, so "<p>…is right.</p><p>Tangent…" does not read "right.Tangent".
  for (const block of copy.querySelectorAll(BLOCKS)) block.after(" ");
  return copy.textContent.replace(/\s+/g, " ").trim();
}

export function when(ms) {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today
    ? `today at ${d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`
    : d.toLocaleDateString([], { day: "numeric", month: "short", year: "numeric" });
}

export function debounce(fn, ms) {
  let t = 0;
  const run = (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
  run.flush = (...args) => {
    clearTimeout(t);
    fn(...args);
  };
  return run;
}

// Set a status line; failures from the store (result.ok === false) show their message.
export function status(node, result, okText) {
  if (!node) return;
  const failed = result && result.ok === false;
  node.textContent = failed ? result.message : okText;
  node.classList.toggle("loop-error", failed);
}

// The concept page's identity, read once from the server-rendered article.
export function pageContext(root) {
  const article = $("article.concept[data-object-key]");
  if (!article) return null;
  const key = article.dataset.objectKey;
  const path = key.slice("concept:".length);
  return {
    root: String(root),
    key,
    path,
    title: textOf($("h1", article)),
    domain: textOf($(".kicker", article)),
    url: `${path}/`,
    absolute: new URL(`${path}/`, root).href,
    article,
  };
}
