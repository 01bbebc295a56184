// Run demo modules under MicroPython WebAssembly in Node (the same micropython.mjs the browser
// loads) and print their results as JSON, for the CPython parity test.
// usage: node mp_run.mjs <micropython.mjs> <cfdemo.py> <name>=<demo.py>...  < cases.json
// stdin:  {"handle": {name: [[[event, value], ...], ...]}, "step": {name: [...]}}
// stdout: {"handle": {name: [{state, scene}, ...]}, "step": {name: [cfdemo.step(...) result]}}
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const [mpPath, libPath, ...demos] = process.argv.slice(2);
const { loadMicroPython } = await import(pathToFileURL(mpPath).href);
const mp = await loadMicroPython({ heapsize: 16 << 20, stdout: (s) => process.stderr.write(s + "\n") });
mp.FS.mkdir("/demos");
mp.FS.writeFile("/demos/cfdemo.py", fs.readFileSync(libPath));
for (const spec of demos) {
  const [name, file] = spec.split("=");
  mp.FS.writeFile(`/demos/${name}.py`, fs.readFileSync(file));
}
mp.runPython(`
import sys
sys.path.insert(0, '/demos')
import json
import cfdemo

def _handle(name, case_json):
    mod = __import__(name)
    st = None
    sc = None
    for ev in json.loads(case_json):
        st, sc = mod.handle(st, ev[0], ev[1])
    return json.dumps({"state": st, "scene": sc})

def _step(name, case_json):
    cfdemo._LIVE.clear()
    cfdemo._SENT.clear()
    return cfdemo.step(name, case_json)
`);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
for (const [mode, fn] of [["handle", "_handle"], ["step", "_step"]]) {
  const call = mp.globals.get(fn);
  out[mode] = {};
  for (const [name, cases] of Object.entries(input[mode] || {})) {
    out[mode][name] = cases.map((c) => JSON.parse(call(name, JSON.stringify(c))));
  }
}
process.stdout.write(JSON.stringify(out));
