// Module worker that keeps MicroPython off the main thread: start-up (compiling the runtime)
// and every demo step run here; the page only applies the resulting scenes.
import { createEngine } from "./demo-engine.js";

let engine = null;
let chain = Promise.resolve();

async function run({ id, op, mp, lib, name, src, kernel, events }) {
  try {
    let result = null;
    if (op === "start") engine = await createEngine(mp, lib);
    else if (op === "add") await engine.add(name, src, kernel);
    else result = engine.step(name, events);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: String((error && error.message) || error) });
  }
}

self.addEventListener("message", (event) => {
  chain = chain.then(() => run(event.data));
});
