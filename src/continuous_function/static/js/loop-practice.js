// Practice loop: ARIA tabs over the authored prompts; per prompt an answer saved as you type,
// a hint ladder (one hint at a time, the count kept), and only after a real attempt (see
// attemptGap) the rubric as a self-check list with honest word-level notes and the model
// answer; kept attempts with a self-rating (again / hard / good / easy) for a review scheduler.
// The rubric names the answer's key numbers, so showing it before an attempt gives it away.

import * as store from "./store.js";
import { $, $$, el, debounce, status, textOf, when } from "./loop-dom.js";
import { checkpoint, touch } from "./loop-progress.js";

const STOP = new Set(
  ("about above after again also because before being below between both could does doing each either " +
    "every from have into just like more most much must only other over rather same should since some " +
    "such than that their them then there these they this those through under until upon very what when " +
    "where which while will with would your answer states uses notes").split(" "),
);

// Words, numbers and small math atoms: f''(0), e^x, |x|, h/2, 1.005.
const tokens = (s) =>
  s.toLowerCase().match(/[a-z]'*\([^()\s]{1,6}\)|[a-z]'+|[a-z]\^[a-z0-9]+|\|[a-z]\||[a-z]\/\d+|\d*\.\d+|\d+|[a-zεδ]+/g) || [];
const stem = (w) => w.slice(0, Math.max(5, Math.ceil(w.length * 0.7)));
const mentions = (toks, term) =>
  /^[a-z]{5,}$/.test(term) ? toks.some((t) => t.startsWith(stem(term))) : toks.includes(term);

// Key terms of a criterion that the model answer also uses: numbers, one-letter variables and
// longer content words. A missing one is worth a note; a present one proves nothing.
function keyTerms(criterion, model) {
  const modelToks = tokens(model);
  const out = [];
  for (const t of tokens(criterion)) {
    const atom = /[^a-z\dεδ.]/.test(t);
    const number = /^[\d.]+$/.test(t) && (t.includes(".") || t.length > 1);
    const variable = t.length === 1 && !"aefgi".includes(t) && !/\d/.test(t);
    const word = t.length >= 5 && !STOP.has(t) && /^[a-z]+$/.test(t);
    if ((atom || number || variable || word) && mentions(modelToks, t) && !out.includes(t)) out.push(t);
  }
  return out.slice(0, 5);
}

const FILLER = new Set(["the", "a", "an", "and", "or", "is", "it", "i", "to", "of", "idk", "dunno", "know", "sure", "not", "no", "yes"]);
const MIN_TOKENS = 3;
const MIN_OWN = 1;

// Why an answer is not yet an attempt, or "" when it is: at least MIN_TOKENS words or numbers,
// MIN_OWN of them the learner's own (not filler, not already in the prompt). Gibberish passes;
// the rule only stops the model answer being opened by an empty or copied answer.
export function attemptGap(answer, prompt) {
  const all = tokens(answer);
  const promptToks = new Set(tokens(prompt));
  const own = new Set(all.filter((t) => !promptToks.has(t) && !FILLER.has(t) && !STOP.has(t)));
  if (all.length >= MIN_TOKENS && own.size >= MIN_OWN) return "";
  if (!all.length) return "Not yet: write your answer first. Committing to one before you compare is what makes the model answer useful.";
  if (all.length < MIN_TOKENS) {
    return `Not yet: your answer has ${all.length} word${all.length === 1 ? "" : "s"} or number${all.length === 1 ? "" : "s"}; an attempt needs at least ${MIN_TOKENS}. Say what you expect and why.`;
  }
  return "Not yet: every word and number in your answer is filler or copied from the prompt. Add something of your own: a number, a reason, a guess.";
}

function initItem(ctx, item, onChange) {
  const n = item.dataset.practice;
  const key = `${ctx.key}#practice-${n}`;
  const kind = item.dataset.kind;
  const answer = $("[data-practice-answer]", item);
  const saved = $("[data-save-status]", item);
  const hintList = $("[data-hint-list]", item);
  const hints = $$("[data-hint]", item);
  const hintButton = $("[data-hint-next]", item);
  const boxes = $$("[data-rubric-item]", item);
  const notes = $$("[data-rubric-note]", item);
  const modelText = $("[data-model-text]", item);
  const reveal = $("[data-model-reveal]", item);
  const gate = $("[data-model-gate]", item);
  const rating = $("[data-rating]", item);
  const attemptsBox = $("[data-attempts]", item);
  const model = textOf(modelText);
  const promptText = textOf($(".practice-prompt", item));
  const rubricBox = $("[data-rubric]", item);
  const gateText = gate.textContent;
  const terms = boxes.map((b) => keyTerms(textOf(b.closest("label")), model));

  // Replace the no-JS <details> with the ladder and the gated model answer.
  const details = $("[data-hints-details]", item);
  details.replaceWith(hintList);
  hintButton.hidden = false;
  const modelDetails = $("[data-model-details]", item);
  modelDetails.replaceWith(modelText);
  $("[data-rubric-details]", item).replaceWith(rubricBox);
  for (const node of $$("[data-js-only]", item)) node.hidden = false;

  const rec = () => {
    const r = store.get("practice", key);
    const ok = r && typeof r === "object";
    return { answer: "", hints: 0, rubric: [], ...(ok ? r : {}), attempts: ok && Array.isArray(r.attempts) ? r.attempts : [] };
  };
  const change = (fn) => {
    const result = store.update("practice", key, () => fn(rec()));
    if (!result.ok) status(saved, result, "");
    return result;
  };

  function renderNotes() {
    const toks = tokens(answer.value);
    const active = toks.length >= 3;
    boxes.forEach((box, i) => {
      const missing = active ? terms[i].filter((t) => !mentions(toks, t)) : [];
      notes[i].hidden = missing.length === 0;
      notes[i].textContent = missing.length ? `Your answer does not mention ${missing.join(", ")} yet.` : "";
    });
  }

  function renderAttempts(r) {
    const attempts = r.attempts;
    attemptsBox.hidden = attempts.length === 0;
    attemptsBox.replaceChildren();
    if (!attempts.length) return;
    const list = el("ol", { class: "attempt-list" });
    for (const a of attempts) {
      const ticked = Array.isArray(a.rubric) ? a.rubric.filter(Boolean).length : 0;
      list.append(
        el("li", {}, `${when(a.at)} · ${a.hints} of ${hints.length} hints · ${ticked} of ${boxes.length} rubric points ticked · `,
          a.rating ? `rated ${a.rating}` : "not rated yet"),
      );
    }
    const again = el("button", { type: "button", class: "loop-button" }, "Start a new attempt");
    again.addEventListener("click", () => {
      change((r2) => ({ ...r2, answer: "", hints: 0, rubric: [], modelSeen: false }));
      render();
      answer.focus();
    });
    attemptsBox.append(el("h4", {}, `Your attempts (${attempts.length})`), list, again);
  }

  function render() {
    const r = rec();
    if (document.activeElement !== answer) answer.value = r.answer || "";
    const opened = Math.min(r.hints || 0, hints.length);
    hints.forEach((h, i) => (h.hidden = i >= opened));
    if (opened < hints.length) {
      hintButton.hidden = false;
      hintButton.textContent = `Show hint ${opened + 1} of ${hints.length}`;
    } else {
      if (document.activeElement === hintButton) hints[hints.length - 1].focus();
      hintButton.hidden = true;
    }
    boxes.forEach((b, i) => (b.checked = Boolean((r.rubric || [])[i])));
    const seen = Boolean(r.modelSeen);
    modelText.hidden = !seen;
    rubricBox.hidden = !seen;
    reveal.hidden = seen;
    gate.hidden = seen;
    if (!seen) status(gate, null, gateText);
    rating.hidden = !seen;
    const last = r.attempts.at(-1);
    for (const radio of $$("input", rating)) radio.checked = Boolean(seen && last && last.rating === radio.value);
    renderAttempts(r);
    renderNotes();
    onChange();
  }

  const saveAnswer = debounce(() => {
    const result = change((r) => ({ ...r, answer: answer.value }));
    if (result.ok) status(saved, result, "Saved in this browser.");
  }, 400);

  answer.addEventListener("input", () => {
    saved.textContent = "Saving…";
    if (gate.classList.contains("loop-error") && !attemptGap(answer.value, promptText)) status(gate, null, gateText);
    renderNotes();
    saveAnswer();
  });
  answer.addEventListener("blur", () => saveAnswer.flush());

  hintButton.addEventListener("click", () => {
    change((r) => ({ ...r, hints: Math.min((r.hints || 0) + 1, hints.length) }));
    render();
  });

  item.addEventListener("change", (event) => {
    const t = event.target;
    if (boxes.includes(t)) {
      change((r) => {
        const rubric = boxes.map((b) => b.checked);
        const attempts = [...r.attempts];
        if (r.modelSeen && attempts.length) attempts[attempts.length - 1] = { ...attempts.at(-1), rubric };
        return { ...r, rubric, attempts };
      });
      renderAttempts(rec());
    } else if (t.closest("[data-rating]")) {
      change((r) => {
        const attempts = [...r.attempts];
        if (attempts.length) attempts[attempts.length - 1] = { ...attempts.at(-1), rating: t.value };
        return { ...r, attempts };
      });
      renderAttempts(rec());
      onChange();
    }
  });

  reveal.addEventListener("click", () => {
    const gap = attemptGap(answer.value, promptText);
    if (gap) {
      status(gate, { ok: false, message: gap }, "");
      return;
    }
    saveAnswer.flush();
    const result = change((r) => ({
      ...r,
      answer: answer.value,
      modelSeen: true,
      attempts: [
        ...r.attempts,
        { at: Date.now(), answer: answer.value, hints: r.hints || 0, rubric: boxes.map((b) => b.checked), rating: null },
      ],
    }));
    if (!result.ok) return;
    checkpoint(ctx, "practice");
    touch(ctx, { key: ctx.key, label: `Practice: ${kind} prompt`, fragment: `practice-${n}` });
    render();
    modelText.tabIndex = -1;
    modelText.focus();
  });

  // Work done before this module loaded (the panel is usable without it) is kept.
  if (answer.value.trim() && !rec().answer) change((r) => ({ ...r, answer: answer.value }));
  if (boxes.some((b) => b.checked) && !(rec().rubric || []).length) change((r) => ({ ...r, rubric: boxes.map((b) => b.checked) }));

  store.subscribe((c) => {
    if (c.kind === "*" || (c.kind === "practice" && c.key === key && c.origin !== "local")) {
      if (document.activeElement === answer && c.origin === "remote") answer.value = (rec().answer || "");
      render();
    }
  });
  render();
  return { key, attempted: () => rec().attempts.length };
}

export function init(ctx, panel) {
  const items = $$("[data-practice]", panel);
  const tabs = $$('[role="tab"]', panel);
  const states = [];

  const label = () =>
    tabs.forEach((tab, i) => {
      const n = states[i] ? states[i].attempted() : 0;
      $("[data-tab-state]", tab).textContent = n ? ` · ${n} attempt${n === 1 ? "" : "s"}` : "";
    });

  items.forEach((item) => states.push(initItem(ctx, item, () => label())));

  if (tabs.length > 1) {
    const select = (i, focus) => {
      tabs.forEach((tab, j) => {
        tab.setAttribute("aria-selected", String(i === j));
        tab.tabIndex = i === j ? 0 : -1;
        items[j].hidden = i !== j;
        items[j].setAttribute("role", "tabpanel");
        items[j].tabIndex = 0;
        items[j].setAttribute("aria-labelledby", tab.id);
      });
      if (focus) tabs[i].focus();
    };
    $("[data-tablist]", panel).hidden = false;
    panel.classList.add("practice-tabbed");
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(i, false));
      tab.addEventListener("keydown", (e) => {
        const last = tabs.length - 1;
        const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        select(to, true);
      });
    });
    const hash = location.hash.match(/^#practice-(\d+)$/);
    select(hash ? Math.min(Number(hash[1]) - 1, tabs.length - 1) : 0, false);
  }
  label();
}
