// MicroPython engine for demos: loads the WebAssembly runtime, the portable library (cfdemo.py)
// and each demo module, then runs cfdemo.step(name, events) -> JSON {state, scene}.
// Used inside demo-worker.js (default) or on the main thread (data-demo-thread="main").

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function createEngine(mpUrl, libUrl) {
  const [{ loadMicroPython }, lib] = await Promise.all([import(mpUrl), text(libUrl)]);
  const mp = await loadMicroPython({ heapsize: 4 << 20, stderr: (line) => console.warn(line) });
  mp.FS.mkdir("/demos");
  mp.FS.writeFile("/demos/cfdemo.py", lib);
  mp.runPython("import sys\nsys.path.insert(0, '/demos')\nimport cfdemo");
  const step = mp.pyimport("cfdemo").step;
  return {
    // kernelUrl: the demo's optional kernel.mjs (heavy loops in JS, see docs/demos.md).
    async add(name, srcUrl, kernelUrl) {
      mp.FS.writeFile(`/demos/${name}.py`, await text(srcUrl));
      if (kernelUrl) {
        const kernel = await import(kernelUrl);
        const call = (fn, args) => JSON.stringify(kernel[fn](...JSON.parse(args)));
        mp.registerJsModule(`${name}_kernel`, { call });
      }
    },
    step(name, events) {
      const t0 = performance.now();
      const json = step(name, JSON.stringify(events));
      return { json, ms: performance.now() - t0 };
    },
  };
}
