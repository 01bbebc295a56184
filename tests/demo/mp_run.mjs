// Run demo modules under MicroPython WebAssembly in Node (the same micropython.mjs the browser
// loads) and print their (state, scene) results as JSON, for the CPython parity test.
// usage: node mp_run.mjs <micropython.mjs> <cfdemo.py> <name>=<demo.py>...  < cases.json
// cases.json: {"<name>": [[[event, value], ...], ...]}  ->  {"<name>": [{state, scene}, ...]}
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const [mpPath, libPath, ...demos] = process.argv.slice(2);
const { loadMicroPython } = await import(pathToFileURL(mpPath).href);
const mp = await loadMicroPython({ heapsize: 8 << 20, stdout: (s) => process.stderr.write(s + "\n") });
mp.FS.mkdir("/demos");
mp.FS.writeFile("/demos/cfdemo.py", fs.readFileSync(libPath));
for (const spec of demos) {
  const [name, file] = spec.split("=");
  mp.FS.writeFile(`/demos/${name}.py`, fs.readFileSync(file));
}
mp.runPython("import sys\nsys.path.insert(0, '/demos')");
mp.runPython(`
import json
def _run_cases(name, cases_json):
    mod = __import__(name)
    out = []
    for case in json.loads(cases_json):
        st = None
        sc = None
        for ev in case:
            st, sc = mod.handle(st, ev[0], ev[1])
        out.append({"state": st, "scene": sc})
    return json.dumps(out)
`);
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const run = mp.globals.get("_run_cases");
const result = {};
const timings = {};
for (const name of Object.keys(cases)) {
  const t0 = performance.now();
  result[name] = JSON.parse(run(name, JSON.stringify(cases[name])));
  timings[name] = performance.now() - t0;
}
process.stdout.write(JSON.stringify({ results: result, ms: timings }));
