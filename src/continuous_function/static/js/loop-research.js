// Research room: pick one object of the page (radio group); see its anchored question, the
// evidence to inspect and what would resolve it (authored for the concept, read from the page's
// own panels for every other object); keep a local draft per object key, saved as you type;
// copy a grounded hand-off prompt that packages all of it, with the demo's live state when the
// object is the demo. The page shows math rendered (cloned from the page); the prompt has TeX.

import * as store from "./store.js";
import { $, $$, debounce, el, status, textOf, when } from "./loop-dom.js";
import { touch } from "./loop-progress.js";

const KINDS = {
  concept: "Concept", equation: "Equation", code: "Code witness", demo: "Interactive demo",
  source: "Source", claim: "Claim", misconception: "Misconception",
};
const INSTRUCTION =
  "Please answer as a careful, source-grounded tutor: work only from the evidence above and the " +
  "cited sources, say which statements the evidence verifies and which are assumptions, name the " +
  "mathematical objects involved, and end with exactly one next action I can take.";

const byId = (id) => (id ? document.getElementById(id) : null);
const clip = (s, n) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s);

const bare = (label) => label.replace(/^(Claim|Source|Misconception): /, "");

// A copy of authored nodes to show again in the room: math stays rendered, ids are dropped.
function shown(node) {
  const span = el("span", { class: "evidence-quote" });
  if (!node) return span;
  span.append(...[...node.childNodes].map((c) => c.cloneNode(true)));
  for (const n of span.querySelectorAll("[id]")) n.removeAttribute("id");
  return span;
}

// One line of the room, from strings and page nodes: {text} for the prompt (math as TeX, the
// node's text clipped to `max`) and {view} for the page (math rendered).
function line(max, ...parts) {
  const text = parts.map((p) => (typeof p === "string" ? p : clip(textOf(p), max))).join("");
  return { text, view: parts.map((p) => (typeof p === "string" ? p : shown(p))) };
}
const prefixed = (before, e) => (typeof e === "string" ? before + e : { text: before + e.text, view: [before, ...e.view] });
const textPart = (e) => (typeof e === "string" ? e : e.text);
const viewPart = (e) => (typeof e === "string" ? [e] : e.view);

// The rendered formula of an equation block, for a label that would otherwise be a bare number.
const formula = (fragment) => {
  const math = $(".katex", byId(fragment) || document.createElement("div"));
  return math ? el("span", { class: "object-math" }, math.cloneNode(true)) : null;
};

// The <dt>/<dd> pairs of a claim's details, by term; links to this page's objects by their labels.
function terms(node, labelFor) {
  const out = {};
  for (const dt of $$("dt", node)) {
    const dd = dt.nextElementSibling;
    const links = $$('a[href^="#"]', dd);
    out[textOf(dt)] = links.length && textOf(dt) === "Witnesses"
      ? links.map((a) => labelFor(a.getAttribute("href").slice(1)) || textOf(a)).join("; ")
      : dd;
  }
  return out;
}

// The text of each claim that links to `fragment`.
function citing(fragment) {
  return $$(`.claim a[href="#${CSS.escape(fragment)}"]`).map((a) => $(".claim-text", a.closest(".claim")));
}

function demoState(live) {
  const demo = byId("demo");
  if (!demo) return null;
  const lines = [];
  const controls = $$("[data-control]", demo).map((c) => {
    const label = textOf($(`label[for="${c.id}"]`, demo)) || c.name;
    const shown = c.tagName === "SELECT" ? textOf(c.selectedOptions[0]) : textOf($(`[data-output="${c.dataset.control}"]`, demo)) || c.value;
    return `${label} = ${shown}`;
  });
  if (controls.length) lines.push(`Controls: ${controls.join("; ")}`);
  const readouts = $$(".demo-readouts > div", demo).map((d) => `${textOf($("dt", d))} = ${textOf($("dd", d))}`);
  if (readouts.length) lines.push(`Readouts: ${readouts.join("; ")}`);
  const question = textOf($(".demo-prediction legend", demo));
  const picked = $("[data-predict]:checked", demo);
  if (question) lines.push(`${question} Prediction: ${picked ? textOf($(`label[for="${picked.id}"]`, demo)) : "none committed yet"}.`);
  // Before the first cfn:demo-state event reaches this module the demo's own answer box says
  // whether the answer is out: it is filled only after a reveal.
  const answer = $(".demo-answer", demo);
  const revealed = live ? live.revealed : Boolean(answer && answer.childElementCount);
  lines.push(revealed && answer && answer.childElementCount ? line(2000, "Revealed answer: ", answer) : "Not revealed yet.");
  return lines;
}

function describe(kind, fragment, label, concept, live, labelFor) {
  const node = byId(fragment);
  if (kind === "concept") return concept;
  if (kind === "equation") {
    const tex = $('annotation[encoding="application/x-tex"]', node || document.body);
    const prev = node && node.previousElementSibling && node.previousElementSibling.tagName === "P";
    return {
      question: `What does ${label} state, under which assumptions does it hold, and where do the code witness and the demo show it?`,
      evidence: [
        { text: `${label}: $${tex ? tex.textContent.trim() : "?"}$`, view: [`${label}: `, formula(fragment) || "?"] },
        ...(prev ? [line(400, "The text that introduces it: \u201c", node.previousElementSibling, "\u201d")] : []),
        ...citing(fragment).map((c) => line(1000, "A claim that cites it: \u201c", c, "\u201d")),
        "The code witness's printed output, for numbers that should satisfy it.",
      ],
      resolves: [
        "Every symbol in it named, with its domain and the assumptions on the function.",
        "The step that derives it (from an earlier equation or the cited source section) identified.",
        "One number from the code witness or the demo checked against it by hand.",
      ],
    };
  }
  if (kind === "code") {
    const out = node && $(".witness-output", node);
    const equations = $$(".equation .equation-number").map((n) => textOf(n)).join(", ");
    return {
      question: "Does the code witness compute what the equations say, and what exactly does its output show?",
      evidence: [
        `witness.py — ${textOf(node && $("figcaption .badge", node)) || "not run"}.`,
        ...$$(".check-results li", node || document.createElement("div")).map((li) => line(1000, "Check ", li, ".")),
        ...(equations ? [`The page's labelled equations it should mirror: ${equations}.`] : []),
      ],
      resolves: [
        "Each printed number matched to the equation that predicts it.",
        "A change to the code that would make a check fail, and why it would.",
        "The assumptions the code makes that the equations do not state (floating point, chosen points, step sizes).",
      ],
      extra: out ? [`Printed output of witness.py (first lines):\n${clip(out.textContent.trim(), 1200)}`] : [],
    };
  }
  if (kind === "demo") {
    const state = demoState(live) || [];
    return {
      question: "What does the demo show in its current state, and does its revealed answer follow from the page's equations?",
      evidence: [
        line(1000, `The demo \u201c${textOf($(".demo-title", node))}\u201d: `, $(".demo-description", node)),
        ...state.map((s) => prefixed("Current state (live): ", s)),
      ],
      resolves: [
        "A prediction committed before the reveal, then compared with the computed answer.",
        "One readout recomputed by hand from the displayed values.",
        "The effect of one control change predicted before making it, then checked.",
      ],
    };
  }
  if (kind === "source") {
    const parts = node ? $$("p:not(.citation)", node).filter((p) => !textOf(p).startsWith("Open source")) : [];
    const title = label.replace(/^Source: /, "");
    return {
      question: `What exactly does "${title}" ground on this page, and does the cited section say it?`,
      evidence: [
        node && $(".citation", node) ? line(1000, "Citation: ", $(".citation", node)) : `Citation: ${title}`,
        ...parts.map((p) => line(2000, p)),
        ...citing(fragment).map((c) => line(1000, "A claim that cites it: \u201c", c, "\u201d")),
      ],
      resolves: [
        "The cited section located and the statement it makes quoted or paraphrased.",
        "Any difference in scope or assumptions between the source and this page noted.",
        "Each claim that cites it compared with that statement.",
      ],
    };
  }
  if (kind === "claim") {
    const text = node && $(".claim-text", node);
    const t = node ? terms(node, labelFor) : {};
    const badges = node ? $$(".claim-badges .badge", node).map(textOf).join("; ") : "";
    const meaning = textOf(node && $(".claim-badges + p", node));
    return {
      question: text ? line(2000, "Is this claim supported as stated: \u201c", text, "\u201d") : `Is this claim supported as stated: "${label}"`,
      evidence: [
        `Review status: ${badges}.${meaning ? ` ${meaning}` : ""}`,
        ...["Support", "Caveat", "Sources", "Witnesses", "Review"].filter((k) => t[k]).map((k) => line(2000, `${k}: `, t[k])),
      ],
      resolves: [
        "The cited sections read and the claim's wording compared with what they state.",
        "The caveat's boundary tested with one example from the code witness or the demo.",
        "The review status justified, or the gap that keeps it weaker named.",
      ],
    };
  }
  const ps = node ? $$("p", node) : [];
  return {
    question: `Why is this misconception tempting, and what exactly repairs it: \u201c${(ps.length ? textOf(ps[0]) : label).replace(/^Misconception\.\s*/, "")}\u201d`,
    evidence: [...ps.map((p) => line(2000, p)), ...citing(fragment).map((c) => line(1000, "A claim that addresses it: \u201c", c, "\u201d"))],
    resolves: [
      "A concrete example where the misconception predicts the wrong number, computed.",
      "The repair stated in your own words, naming the condition that fails.",
      "Where on this page (an equation, the code output, or a demo state) the difference is visible.",
    ],
  };
}

export function init(ctx, panel) {
  const picker = $("[data-object-picker]", panel);
  const radios = $$('input[name="research-object"]', picker);
  const draft = $("[data-draft]", panel);
  const note = $("[data-draft-note]", panel);
  const next = $("[data-draft-next]", panel);
  const saveStatus = $("[data-draft-status]", panel);
  const resolution = $("[data-resolution]", panel);
  const resolveButton = $("[data-draft-resolve]", panel);
  const promptBox = $("[data-prompt]", panel);
  const copyStatus = $("[data-copy-status]", panel);
  const question = $("[data-question]", panel);
  const evidence = $("[data-evidence]", panel);
  const resolves = $("[data-resolves]", panel);
  const authored = {
    question: textOf(question),
    evidence: $$("li", evidence).map(textOf),
    resolves: $$("li", resolves).map(textOf),
    nodes: [question, evidence, resolves].map((n) => [...n.childNodes].map((c) => c.cloneNode(true))),
  };
  const summary = textOf($(".lede", ctx.article));
  let live = null;
  let dirty = false;
  let draftObject = null; // the object whose draft the note and next-action fields hold

  // "Equation (3)" alone says nothing: show the equation itself beside its number.
  for (const r of radios) {
    const math = r.dataset.kind === "equation" && formula(r.dataset.fragment);
    if (math) $("[data-object-label]", r.closest("label")).after(math);
  }
  picker.hidden = false;
  draft.hidden = false;
  $("[data-handoff]", panel).hidden = false;
  $("[data-object-links]", panel).hidden = true;

  const current = () => radios.find((r) => r.checked) || radios[0];
  const labelOf = (r) => textOf($("[data-object-label]", r.closest("label")));
  const labelFor = (fragment) => {
    const r = radios.find((x) => x.dataset.fragment === fragment);
    return r ? labelOf(r) : "";
  };

  function marks() {
    for (const r of radios) {
      const rec = store.get("research", r.value);
      $("[data-draft-mark]", r.closest("label")).textContent = !rec ? "" : rec.resolved ? " · resolved" : " · draft";
    }
  }

  function info() {
    const r = current();
    return { radio: r, key: r.value, kind: r.dataset.kind, fragment: r.dataset.fragment, label: labelOf(r) };
  }

  function prompt() {
    const o = info();
    const d = describe(o.kind, o.fragment, o.label, authored, live, labelFor);
    const rec = store.get("research", o.key) || {};
    const lines = [
      `I am studying the concept "${ctx.title}" (${ctx.domain}) in Continuous Function, a source-grounded notebook for the mathematics of machine learning.`,
      `Page: ${ctx.absolute}${o.fragment ? `#${o.fragment}` : ""}`,
      `Object: ${KINDS[o.kind] || o.kind} — ${o.kind === "concept" ? ctx.title : bare(o.label)}`,
      `Object key: ${o.key}`,
      `Concept summary: ${summary}`,
      "",
      `Question: ${textPart(d.question)}`,
      "",
      "Evidence to inspect:",
      ...d.evidence.map((e) => `- ${textPart(e)}`),
      "",
      "What would resolve it:",
      ...d.resolves.map((e) => `- ${e}`),
    ];
    for (const x of d.extra || []) lines.push("", x);
    lines.push("", `My draft note: ${note.value.trim() || "(none yet)"}`, `My next action: ${next.value.trim() || "(none yet)"}`);
    if (rec.resolved) lines.push(`Status: I marked this resolved on ${new Date(rec.resolved.at).toISOString().slice(0, 10)}: ${rec.resolved.note || "(no note)"}`);
    lines.push("", INSTRUCTION);
    promptBox.textContent = lines.join("\n");
  }

  function renderDetail() {
    const o = info();
    const d = describe(o.kind, o.fragment, o.label, authored, live, labelFor);
    $("[data-object-kind]", panel).textContent = KINDS[o.kind] || o.kind;
    const link = $("[data-object-link]", panel);
    link.replaceChildren(o.kind === "concept" ? ctx.title : bare(o.label));
    if (o.kind === "equation") link.append(" ", formula(o.fragment) || "");
    link.href = `#${o.fragment || "main"}`;
    $("[data-object-key-text]", panel).textContent = o.key;
    if (o.kind === "concept") {
      [question, evidence, resolves].forEach((n, i) => n.replaceChildren(...authored.nodes[i].map((c) => c.cloneNode(true))));
    } else {
      question.replaceChildren(...viewPart(d.question));
      evidence.replaceChildren(...d.evidence.map((e) => el("li", {}, ...viewPart(e))));
      // A formula wider than the column scrolls; the keyboard must be able to scroll it too.
      for (const m of $$(".object-math", evidence)) if (m.scrollWidth > m.clientWidth) m.tabIndex = 0;
      resolves.replaceChildren(...d.resolves.map((e) => el("li", {}, e)));
    }
  }

  function renderDraft() {
    const o = (draftObject = info());
    const rec = store.get("research", o.key) || {};
    note.value = rec.note || "";
    next.value = rec.next || "";
    dirty = false;
    resolution.hidden = !rec.resolved;
    resolution.replaceChildren();
    if (rec.resolved) {
      resolution.append(el("p", {}, el("strong", {}, `Resolved ${when(rec.resolved.at)}. `), rec.resolved.note || "(no note)"));
      if (rec.resolved.next) resolution.append(el("p", { class: "small" }, `Next action then: ${rec.resolved.next}`));
    }
    resolveButton.textContent = rec.resolved ? "Reopen" : "Mark resolved";
    saveStatus.textContent = rec.note || rec.next ? `Saved ${when(rec.savedAt || Date.now())} for ${o.key}.` : `No draft saved yet for ${o.key}.`;
    saveStatus.classList.remove("loop-error");
  }

  function save(extra = {}) {
    const o = draftObject;
    const result = store.update("research", o.key, (rec = {}) => ({
      ...rec, label: o.label, note: note.value, next: next.value, savedAt: Date.now(), ...extra,
    }));
    if (result.ok) {
      dirty = false;
      touch(ctx, { key: o.key, label: o.label, fragment: o.fragment, research: true });
    }
    return result;
  }

  function renderAll() {
    renderDetail();
    renderDraft();
    marks();
    prompt();
  }

  picker.addEventListener("change", () => {
    autosave.flush();
    const o = info();
    touch(ctx, { key: o.key, label: o.label, fragment: o.fragment, research: true });
    renderAll();
  });

  // Saved as you type, like practice answers, and at once when the page is hidden or closed.
  const autosave = debounce(() => {
    if (!dirty) return;
    const o = draftObject;
    const rec = store.get("research", o.key) || {};
    const empty = !note.value.trim() && !next.value.trim() && !rec.resolved;
    const result = empty ? store.remove("research", o.key) : save();
    if (empty && result.ok) dirty = false;
    status(saveStatus, result, empty ? "Draft empty; nothing kept." : `Saved ${when(Date.now())} for ${o.key}.`);
    marks();
  }, 400);
  for (const field of [note, next]) {
    field.addEventListener("input", () => {
      dirty = true;
      saveStatus.textContent = "Saving…";
      saveStatus.classList.remove("loop-error");
      prompt();
      autosave();
    });
    field.addEventListener("blur", () => autosave.flush());
  }
  addEventListener("pagehide", () => autosave.flush());
  document.addEventListener("visibilitychange", () => document.hidden && autosave.flush());

  $("[data-draft-save]", panel).addEventListener("click", () => {
    const result = save();
    status(saveStatus, result, `Saved ${when(Date.now())} for ${info().key}.`);
    marks();
    prompt();
  });

  resolveButton.addEventListener("click", () => {
    const rec = store.get("research", info().key) || {};
    const result = rec.resolved
      ? save({ resolved: null })
      : save({ resolved: { at: Date.now(), note: note.value, next: next.value } });
    renderDraft();
    if (!result.ok) status(saveStatus, result, "");
    marks();
    prompt();
  });

  $("[data-draft-clear]", panel).addEventListener("click", () => {
    const o = info();
    const rec = store.get("research", o.key) || {};
    if (rec.resolved) store.put("research", o.key, { label: o.label, note: "", next: "", resolved: rec.resolved });
    else store.remove("research", o.key);
    renderDraft();
    saveStatus.textContent = rec.resolved ? "Draft cleared; the resolution is kept." : "Draft cleared.";
    marks();
    prompt();
    note.focus();
  });

  $("[data-copy]", panel).addEventListener("click", async () => {
    prompt();
    const text = promptBox.textContent;
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = "Copied to the clipboard.";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(promptBox);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      promptBox.focus();
      let copied = false;
      try {
        copied = document.execCommand("copy");
      } catch {
        copied = false;
      }
      copyStatus.textContent = copied
        ? "Copied to the clipboard."
        : "Copying is blocked here: the prompt is selected, press Ctrl+C (⌘C on a Mac) to copy it.";
    }
  });

  document.addEventListener("cfn:demo-state", (event) => {
    live = event.detail;
    if (info().kind === "demo") {
      renderDetail();
      prompt();
    }
  });

  store.subscribe((c) => {
    if (c.kind === "*" || (c.kind === "research" && c.origin !== "local")) {
      if (c.kind === "*" || c.key === info().key) {
        if (!dirty || c.origin === "clear") renderDraft();
      }
      marks();
      prompt();
    }
  });

  // Return to the object worked on last, if it is on this page.
  const last = (store.get("progress", ctx.key) || {}).lastObject;
  const again = last && last.research && radios.find((r) => r.value === last.key);
  if (again) again.checked = true;
  renderAll();
}
