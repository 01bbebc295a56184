// Demo runtime: binds the server-rendered demo (controls, SVG, readouts, prediction), starts the
// MicroPython engine after first paint, sends coalesced inputs (at most one batch per animation
// frame) to the demo's Python `handle`, and applies the returned scene by element id.
// Contract: <section class="demo" data-demo-src data-demo-lib data-micropython data-demo-key>,
// written by continuous_function.demo.render. No inline scripts or styles (strict CSP).

const SVG = "http://www.w3.org/2000/svg";
const HINT = "Choose a prediction to enable Reveal.";
let shared = null;

function idle(fn) {
  if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}

function afterLoad(fn) {
  if (document.readyState === "complete") idle(fn);
  else window.addEventListener("load", () => idle(fn), { once: true });
}

function workerEngine(mp, lib) {
  const worker = new Worker(new URL("./demo-worker.js", import.meta.url), { type: "module" });
  const waiting = new Map();
  let seq = 0;
  worker.addEventListener("message", ({ data }) => {
    const pending = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) pending.reject(new Error(data.error));
    else pending.resolve(data.result);
  });
  worker.addEventListener("error", (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || "worker failed"));
    waiting.clear();
  });
  const call = (message) =>
    new Promise((resolve, reject) => {
      waiting.set(++seq, { resolve, reject });
      worker.postMessage({ id: seq, ...message });
    });
  return call({ op: "start", mp, lib }).then(() => ({
    add: (name, src, kernel) => call({ op: "add", name, src, kernel }),
    step: (name, events) => call({ op: "step", name, events }),
  }));
}

async function mainEngine(mp, lib) {
  const { createEngine } = await import("./demo-engine.js");
  const engine = await createEngine(mp, lib);
  return { add: engine.add, step: async (name, events) => engine.step(name, events) };
}

function engineFor(root) {
  if (!shared) {
    const url = (value) => new URL(value, document.baseURI).href;
    const start = root.dataset.demoThread === "main" ? mainEngine : workerEngine;
    shared = start(url(root.dataset.micropython), url(root.dataset.demoLib));
  }
  return shared;
}

class DemoView {
  constructor(root) {
    this.root = root;
    this.name = "d_" + (root.dataset.demoKey || root.id).replace(/[^A-Za-z0-9]/g, "_");
    this.prefix = root.id + "-s-";
    this.svg = root.querySelector(".demo-svg");
    this.controls = this.index("[data-control]", "control");
    this.outputs = this.index("[data-output]", "output");
    this.readouts = this.index("[data-readout]", "readout");
    this.radios = [...root.querySelectorAll("[data-predict]")];
    this.revealButton = root.querySelector("[data-reveal]");
    this.message = root.querySelector("[data-message]");
    this.answer = root.querySelector("[data-answer]");
    this.announcer = root.querySelector("[data-announce]");
    this.shapes = new Map();
    for (const el of this.svg.children) {
      if (el.id.startsWith(this.prefix)) this.shapes.set(el.id.slice(this.prefix.length), el);
    }
    this.queue = [];
    this.engine = null;
    this.busy = false;
    this.frame = 0;
    root.addEventListener("input", (event) => this.onInput(event.target));
    this.revealButton.addEventListener("click", () => this.push("reveal", null));
    for (const type of ["pointerdown", "focusin", "keydown"]) {
      root.addEventListener(type, () => this.start(), { once: true, passive: true });
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        afterLoad(() => this.start());
      }
    });
    observer.observe(root);
  }

  index(selector, key) {
    const map = {};
    for (const el of this.root.querySelectorAll(selector)) map[el.dataset[key]] = el;
    return map;
  }

  onInput(target) {
    if (target.dataset.control) {
      this.push(target.dataset.control, target.type === "checkbox" ? target.checked : target.value);
    } else if (target.hasAttribute("data-predict") && target.checked) {
      this.revealButton.disabled = false;
      this.push("predict", target.value);
    }
  }

  push(event, value) {
    const last = this.queue[this.queue.length - 1];
    if (last && last[0] === event && event !== "reveal") last[1] = value;
    else this.queue.push([event, value]);
    this.schedule();
  }

  // At most one update per animation frame: the first input of a frame goes out at once (its
  // scene is painted in this frame); later ones wait for the next frame, coalesced.
  schedule() {
    if (!this.spent && !this.busy && this.engine) this.flush();
    else if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  start() {
    if (this.starting) return;
    this.starting = true;
    this.root.dataset.demoStatus = "loading";
    engineFor(this.root)
      .then(async (engine) => {
        const url = (value) => value && new URL(value, document.baseURI).href;
        await engine.add(this.name, url(this.root.dataset.demoSrc), url(this.root.dataset.demoKernel));
        const values = {};
        for (const [id, el] of Object.entries(this.controls)) {
          values[id] = el.type === "checkbox" ? el.checked : el.value;
        }
        const chosen = this.radios.find((radio) => radio.checked);
        const reveals = this.queue.filter((entry) => entry[0] === "reveal").slice(0, 1);
        this.queue = [["init", values], ...(chosen ? [["predict", chosen.value]] : []), ...reveals];
        this.engine = engine;
        this.root.dataset.demoStatus = "ready";
        performance.mark("cfn:demo-ready");
        this.schedule();
      })
      .catch((error) => this.fail(error));
  }

  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.engine || this.busy || !this.queue.length) return;
    const events = this.queue;
    this.queue = [];
    this.busy = true;
    this.spent = true;
    requestAnimationFrame(() => {
      this.spent = false;
    });
    const t0 = performance.now();
    this.engine
      .step(this.name, events)
      .then(({ json, ms }) => {
        this.apply(JSON.parse(json));
        performance.measure("cfn:demo-update", { start: t0, end: performance.now(), detail: { python: ms } });
      })
      .catch((error) => this.fail(error))
      .finally(() => {
        this.busy = false;
        if (this.queue.length) this.schedule();
      });
  }

  fail(error) {
    console.error(error);
    this.root.dataset.demoStatus = "error";
    this.setText(this.message, "The demo stopped responding; the figure shows its last state.");
  }

  setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  apply({ state, scene }) {
    this.applyShapes(scene.shapes, scene.order);
    const pending = new Set(this.queue.map((entry) => entry[0]));
    for (const [id, value] of Object.entries(scene.values)) {
      const el = this.controls[id];
      if (!el || pending.has(id)) continue;
      if (el.type === "checkbox") el.checked = Boolean(value);
      else if (el.type === "range" || el.type === "number") {
        if (Math.abs(Number(el.value) - value) > 1e-9) el.value = String(value);
      } else if (el.value !== value) el.value = value;
    }
    for (const [id, text] of Object.entries(scene.outputs)) {
      this.setText(this.outputs[id], text);
      const el = this.controls[id];
      if (el && el.type === "range" && el.getAttribute("aria-valuetext") !== text) {
        el.setAttribute("aria-valuetext", text);
      }
    }
    this.applyReadouts(scene.readouts);
    if (!pending.has("predict")) {
      // a newer choice is still on its way: don't put back the one this scene answered
      for (const radio of this.radios) radio.checked = radio.value === state.prediction;
      this.revealButton.disabled = state.prediction === null;
    }
    this.setText(this.message, scene.message || (state.prediction === null ? HINT : ""));
    this.applyAnswer(scene.answer);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.setText(this.announcer, scene.announce), 700);
    const answer = scene.answer;
    this.root.dispatchEvent(
      new CustomEvent("cfn:demo-state", {
        bubbles: true,
        detail: {
          values: state.values,
          prediction: state.prediction,
          revealed: state.revealed,
          answer: answer ? answer.option : null,
          correct: answer ? answer.correct : null,
        },
      }),
    );
  }

  applyShapes(changed, order) {
    for (const [id, tag, attrs, text] of changed) {
      let el = this.shapes.get(id);
      if (!el || el.localName !== tag) {
        const fresh = document.createElementNS(SVG, tag);
        fresh.id = this.prefix + id;
        if (el) el.replaceWith(fresh);
        el = fresh;
        this.shapes.set(id, el);
      } else {
        for (const name of el.getAttributeNames()) {
          if (name !== "id" && !(name in attrs)) el.removeAttribute(name);
        }
      }
      for (const name in attrs) {
        if (el.getAttribute(name) !== attrs[name]) el.setAttribute(name, attrs[name]);
      }
      this.setText(el, text === null ? "" : text);
    }
    const keep = new Set(order);
    for (const [id, el] of this.shapes) {
      if (!keep.has(id)) {
        el.remove();
        this.shapes.delete(id);
      }
    }
    let prev = null;
    for (const id of order) {
      const el = this.shapes.get(id);
      if (el.parentNode !== this.svg || el.previousElementSibling !== prev) {
        if (prev) prev.after(el);
        else this.svg.prepend(el);
      }
      prev = el;
    }
  }

  applyReadouts(readouts) {
    const same = readouts.length === Object.keys(this.readouts).length && readouts.every(([id]) => this.readouts[id]);
    if (!same) {
      const list = this.root.querySelector("[data-readouts]");
      list.replaceChildren();
      this.readouts = {};
      for (const [id, label] of readouts) {
        const row = document.createElement("div");
        const dt = document.createElement("dt");
        const dd = document.createElement("dd");
        dt.textContent = label;
        dd.dataset.readout = id;
        row.append(dt, dd);
        list.append(row);
        this.readouts[id] = dd;
      }
    }
    for (const [id, , text] of readouts) this.setText(this.readouts[id], text);
  }

  applyAnswer(answer) {
    if (!answer) {
      if (this.answer.childElementCount) this.answer.replaceChildren();
      this.answer.removeAttribute("data-correct");
      return;
    }
    const key = JSON.stringify(answer);
    if (key === this.answerKey && this.answer.childElementCount) return;
    this.answerKey = key;
    const lines = [answer.verdict, ...answer.lines].map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    });
    this.answer.dataset.correct = String(answer.correct);
    this.answer.replaceChildren(...lines);
  }
}

for (const root of document.querySelectorAll("section.demo[data-demo-src]")) new DemoView(root);
