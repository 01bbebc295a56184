// Visual inquiry: a real radio group; Reveal stays disabled until a choice; the chosen option's
// authored feedback and the explanation appear; the choice is remembered (the first answer too).

import * as store from "./store.js";
import { $, $$, el, status, when } from "./loop-dom.js";
import { checkpoint, touch } from "./loop-progress.js";

export function init(ctx, panel) {
  const radios = $$('input[type="radio"]', panel);
  const reveal = $("[data-reveal]", panel);
  const gate = $("[data-gate-note]", panel);
  const out = $("[data-feedback]", panel);
  const data = $("template[data-inquiry-data]", panel).content;
  $("[data-js-only]", panel).hidden = false;
  out.tabIndex = -1;
  const gateText = gate.textContent;

  const chosen = () => radios.find((r) => r.checked);
  const option = (id) => $(`[data-option="${CSS.escape(id)}"]`, data);
  const labelOf = (radio) => radio.closest("label").querySelector("span");

  function render(rec) {
    out.replaceChildren();
    const radio = rec && radios.find((r) => r.value === rec.choice);
    for (const r of radios) r.closest("label").classList.remove("choice-correct", "choice-wrong");
    if (!radio || !rec.revealedAt) return;
    const opt = option(rec.choice);
    const correct = opt.dataset.correct === "true";
    radio.closest("label").classList.add(correct ? "choice-correct" : "choice-wrong");
    const verdict = el("p", { class: `verdict ${correct ? "verdict-correct" : "verdict-wrong"}` },
      el("strong", {}, correct ? "Correct. " : "Not this one. "), "You chose ");
    verdict.append(...[...labelOf(radio).childNodes].map((n) => n.cloneNode(true)), ".");
    const feedback = el("div", { class: "feedback-text" });
    feedback.append(...[...opt.childNodes].map((n) => n.cloneNode(true)));
    const explanation = el("div", { class: "explanation" }, el("h3", {}, "Explanation"));
    explanation.append(...[...$("[data-explanation]", data).childNodes].map((n) => n.cloneNode(true)));
    out.append(verdict, feedback, explanation);
    if (rec.first && rec.first.choice !== rec.choice) {
      const first = radios.find((r) => r.value === rec.first.choice);
      const note = el("p", { class: "small muted" }, `Your first answer (${when(rec.first.at)}) was `);
      if (first) note.append(...[...labelOf(first).childNodes].map((n) => n.cloneNode(true)));
      note.append(rec.first.correct ? ", which was correct." : ", which was not correct.");
      out.append(note);
    }
  }

  // An answer the store refused to keep (e.g. an unreadable record is in the way) is still
  // shown on this page, with the reason it was not saved.
  let unsaved = null;
  const current = () => store.get("inquiry", ctx.key) || unsaved;

  function sync() {
    const rec = current();
    if (rec && rec.choice) for (const r of radios) r.checked = r.value === rec.choice;
    const revealed = Boolean(rec && rec.revealedAt);
    reveal.disabled = !chosen();
    reveal.hidden = revealed;
    gate.hidden = Boolean(chosen()) && !gate.classList.contains("loop-error");
    render(rec);
  }

  function save(choice) {
    const correct = option(choice).dataset.correct === "true";
    const now = Date.now();
    const prev = current() || {};
    const rec = { choice, correct, revealedAt: prev.revealedAt || now, first: prev.first || { choice, correct, at: now } };
    const result = store.put("inquiry", ctx.key, rec);
    unsaved = result.ok ? null : rec;
    status(gate, result, gateText);
    return result;
  }

  panel.addEventListener("change", (event) => {
    if (!radios.includes(event.target)) return;
    reveal.disabled = false;
    gate.hidden = !gate.classList.contains("loop-error");
    const rec = current();
    if (rec && rec.revealedAt) {
      save(event.target.value);
      sync();
    }
  });

  reveal.addEventListener("click", () => {
    const radio = chosen();
    if (!radio) return;
    save(radio.value);
    checkpoint(ctx, "inquiry");
    touch(ctx, { key: ctx.key, label: "Visual inquiry", fragment: "inquiry" });
    sync();
    out.focus();
  });

  store.subscribe((c) => {
    if (c.kind === "*" || (c.kind === "inquiry" && c.key === ctx.key && c.origin !== "local")) {
      if (c.kind === "*" || c.value === undefined) for (const r of radios) r.checked = false;
      sync();
    }
  });
  sync();
}
