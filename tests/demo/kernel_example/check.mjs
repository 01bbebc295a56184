// Kernel check: run the kernel directly and through MicroPython's use_kernel bridge (the path the
// browser takes) for each input on stdin; print both results as JSON.
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const [mpPath, libPath, demoPath, kernelPath] = process.argv.slice(2);
const kernel = await import(pathToFileURL(kernelPath).href);
const { loadMicroPython } = await import(pathToFileURL(mpPath).href);
const mp = await loadMicroPython({ heapsize: 8 << 20 });
mp.FS.mkdir("/demos");
mp.FS.writeFile("/demos/cfdemo.py", fs.readFileSync(libPath));
mp.FS.writeFile("/demos/bump.py", fs.readFileSync(demoPath));
mp.registerJsModule("bump_kernel", { call: (fn, args) => JSON.stringify(kernel[fn](...JSON.parse(args))) });
mp.runPython("import sys\nsys.path.insert(0, '/demos')\nimport json, bump");
const viaPython = mp.globals.get("bump");
const inputs = JSON.parse(fs.readFileSync(0, "utf8"));
const direct = inputs.map((args) => kernel.levels(...args));
const bridged = inputs.map((args) => JSON.parse(mp.pyimport("json").dumps(viaPython.levels(...args))));
mp.runPython("_bound = bump.levels is not bump.levels_reference");
const bound = mp.globals.get("_bound");
process.stdout.write(JSON.stringify({ direct, bridged, bound }));
