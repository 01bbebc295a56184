// Learner loop entry point. Deferred (type="module") and tiny: after the load event, when the
// browser is idle, it loads the store and progress tracking; each panel's module loads only when
// the panel comes within a screen of the viewport (or gets focus), so none of it competes with
// first paint or the load event. Without JavaScript the panels still show their authored prompts.

const root = new URL("../../", import.meta.url).href; // static/js/ -> the site root
const $ = (s) => document.querySelector(s);
const PANELS = [
  ["[data-inquiry]", "./loop-inquiry.js"],
  ["[data-practice-panel]", "./loop-practice.js"],
  ["[data-research]", "./loop-research.js"],
  ["[data-memory]", "./loop-memory.js"],
];

function afterLoad(fn) {
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 1));
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

function whenNear(el, fn) {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    io.disconnect();
    fn();
  };
  const io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && go(), { rootMargin: "100% 0px" });
  io.observe(el.hidden ? el.previousElementSibling || el.parentElement : el); // hidden: no box
  el.addEventListener("focusin", go, { once: true });
  el.addEventListener("pointerdown", go, { once: true });
}

afterLoad(async () => {
  const [store, dom] = await Promise.all([import("./store.js"), import("./loop-dom.js")]);
  const ctx = dom.pageContext(root);
  const wantsProgress = ctx || $("[data-continue], [data-domain-progress], [data-progress-marker]");
  const progress = wantsProgress ? await import("./loop-progress.js") : null;
  if (ctx) progress.initConcept(ctx);

  const status = ctx && $("[data-concept-status]");
  const refresh = () => {
    if (!progress) return;
    if (status) progress.renderConceptStatus(ctx, status);
    progress.renderHome(root);
    progress.renderDomain();
  };
  let frame = 0;
  store.subscribe(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(refresh);
  });
  refresh();

  const urgent = store.problems().length > 0; // unreadable records are reported at once
  for (const [selector, path] of PANELS) {
    const panel = $(selector);
    if (!panel || (!ctx && selector !== "[data-memory]")) continue;
    (urgent && panel.matches("[data-memory]") ? (el, fn) => fn() : whenNear)(panel, () =>
      import(path)
        .then((m) => m.init(ctx || panel, panel))
        .then(() => (panel.dataset.loopReady = ""), (err) => console.error("learner loop:", err)),
    );
  }
  document.documentElement.dataset.loop = "ready";
  performance.mark("cfn:loop-ready");
});
