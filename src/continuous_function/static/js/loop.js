// Learner loop entry point (a deferred module: it never blocks first paint). It finds the
// server-rendered panels on this page and loads only the modules they need; every panel reads
// and writes the learner's memory through store.js. Without JavaScript the panels still show
// their authored prompts; these modules only enhance them.

import * as store from "./store.js";
import { $, pageContext } from "./loop-dom.js";

const root = new URL("../../", import.meta.url).href; // the site root: static/js/ -> /

async function main() {
  const ctx = pageContext(root);
  const jobs = [];
  let progress = null;

  if (ctx) {
    progress = await import("./loop-progress.js");
    progress.initConcept(ctx);
    const panels = [
      ["[data-inquiry]", "./loop-inquiry.js"],
      ["[data-practice-panel]", "./loop-practice.js"],
      ["[data-research]", "./loop-research.js"],
    ];
    for (const [selector, path] of panels) {
      const panel = $(selector);
      if (panel) jobs.push(import(path).then((m) => m.init(ctx, panel)));
    }
  } else if ($("[data-continue], [data-domain-progress], [data-progress-marker]")) {
    progress = await import("./loop-progress.js");
  }

  const status = ctx && $("[data-concept-status]");
  const refresh = () => {
    if (!progress) return;
    if (status) progress.renderConceptStatus(ctx, status);
    progress.renderHome(root);
    progress.renderDomain();
  };
  let pending = 0;
  store.subscribe(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(refresh);
  });
  refresh();

  const memory = $("[data-memory]");
  if (memory) jobs.push(import("./loop-memory.js").then((m) => m.init(memory)));
  const results = await Promise.allSettled(jobs);
  for (const r of results) if (r.status === "rejected") console.error("learner loop:", r.reason);
  document.documentElement.dataset.loop = "ready";
}

main();
