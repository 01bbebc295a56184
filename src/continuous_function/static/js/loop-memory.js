// The learning-memory panel: usage, unreadable records (reported, never silently dropped),
// failed writes, export to a JSON file, import from one (merge, newest wins, with a summary),
// and "clear my data" behind an explicit confirmation.

import * as store from "./store.js";
import { $, el } from "./loop-dom.js";

const NAMES = {
  progress: "page progress", inquiry: "inquiry answers", practice: "practice prompts",
  research: "research drafts", demo: "demo states", route: "your route", known: "concepts marked known",
};
const MAX_FILE = 5_000_000;

export function init(_ctx, panel) {
  const problemsBox = $("[data-memory-problems]", panel);
  const usage = $("[data-memory-usage]", panel);
  const statusBox = $("[data-memory-status]", panel);
  const fileInput = $("[data-import-file]", panel);
  const confirmBox = $("[data-clear-confirm]", panel);
  const clearButton = $("[data-clear]", panel);
  let failure = null;
  panel.hidden = false;

  const say = (...nodes) => statusBox.replaceChildren(...nodes);

  function render() {
    const u = store.usage();
    usage.textContent = store.available()
      ? `${u.records.toLocaleString("en")} record${u.records === 1 ? "" : "s"} in this browser, using ${Math.ceil((100 * u.chars) / u.limit)}% of the space set aside for them.`
      : "This browser blocks local storage, so your work on this page will not be kept after you leave it.";
    const bad = u.problems;
    problemsBox.replaceChildren();
    if (failure) problemsBox.append(el("p", { class: "loop-error" }, failure));
    if (bad.length) {
      problemsBox.append(
        el("p", { class: "loop-error" },
          `${bad.length} saved record${bad.length === 1 ? "" : "s"} could not be read and ${bad.length === 1 ? "was" : "were"} left untouched; everything else is fine. Export keeps a raw copy.`),
      );
      const list = el("ul", { class: "problem-list" });
      for (const p of bad) {
        const remove = el("button", { type: "button", class: "loop-button" }, "Remove it");
        remove.addEventListener("click", () => {
          store.discard(p.storageKey);
          say(`Removed the unreadable record ${p.storageKey}.`);
        });
        list.append(el("li", {}, el("code", {}, p.storageKey), ` — ${p.reason}. `, remove));
      }
      problemsBox.append(list);
    }
    banner(bad.length);
  }

  function banner(count) {
    let note = document.getElementById("memory-banner");
    if (!count) return note && note.remove();
    if (!note) {
      note = el("p", { id: "memory-banner", class: "loop-banner" });
      document.getElementById("main").prepend(note);
    }
    note.replaceChildren(
      `${count} saved record${count === 1 ? "" : "s"} in this browser could not be read. `,
      el("a", { href: "#learner-memory" }, "Review in Your learning memory"),
    );
  }

  $("[data-export]", panel).addEventListener("click", () => {
    const data = store.exportAll();
    const blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: `continuous-function-memory-${new Date().toISOString().slice(0, 10)}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(`Exported ${data.records.length} record${data.records.length === 1 ? "" : "s"}${data.unreadable.length ? ` and ${data.unreadable.length} unreadable one${data.unreadable.length === 1 ? "" : "s"} (raw)` : ""} to a file.`);
  });

  const importButton = $("[data-import-button]", panel);
  const progressBox = $("[data-import-progress]", panel);
  const bar = $("progress", progressBox);
  const count = $("[data-import-count]", progressBox);
  const showProgress = ({ done, total }) => {
    bar.max = Math.max(total, 1);
    bar.value = done;
    count.textContent = `${done.toLocaleString("en")} of ${total.toLocaleString("en")} records`;
  };
  importButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    if (file.size > MAX_FILE) return say(el("p", { class: "loop-error" }, `This file is ${(file.size / 1e6).toFixed(1)} MB; a learning-memory export is at most ${MAX_FILE / 1e6} MB, so nothing was imported.`));
    importButton.disabled = true;
    say(`Importing ${file.name}…`);
    showProgress({ done: 0, total: 0 });
    progressBox.hidden = false;
    let result;
    try {
      result = await store.importAll(await file.text(), showProgress);
    } finally {
      importButton.disabled = false;
      progressBox.hidden = true;
    }
    if (!result.ok) return say(el("p", { class: "loop-error" }, result.message));
    const rows = Object.entries(result.byKind).map(([kind, n]) => {
      const parts = Object.keys(store.OUTCOMES).filter((o) => n[o]).map((o) => `${n[o].toLocaleString("en")} ${store.OUTCOMES[o]}`);
      return el("li", {}, `${NAMES[kind] || kind}: ${parts.join(", ")}`);
    });
    say(el("p", {}, `From ${file.name}: ${result.message}`), rows.length ? el("ul", {}, rows) : "");
  });

  clearButton.addEventListener("click", () => {
    const u = store.usage();
    $("[data-clear-text]", panel).textContent =
      `This removes all ${u.records} record${u.records === 1 ? "" : "s"} of your learning memory from this browser: answers, attempts, drafts and progress. Export first if you want to keep a copy. This cannot be undone.`;
    confirmBox.hidden = false;
    clearButton.setAttribute("aria-expanded", "true");
    $("[data-clear-no]", panel).focus();
  });
  const closeConfirm = () => {
    confirmBox.hidden = true;
    clearButton.setAttribute("aria-expanded", "false");
    clearButton.focus();
  };
  $("[data-clear-no]", panel).addEventListener("click", () => {
    closeConfirm();
    say("Nothing was cleared.");
  });
  $("[data-clear-yes]", panel).addEventListener("click", () => {
    const n = store.clearAll();
    closeConfirm();
    say(`Cleared ${n} record${n === 1 ? "" : "s"} from this browser.`);
  });

  // Re-render once per frame: another tab's import arrives here as one event per record.
  let frame = 0;
  store.subscribe((c) => {
    if (c.problem) failure = c.problem.message;
    else if (c.origin === "local" && c.value !== undefined) failure = null;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  });
  render();
}
