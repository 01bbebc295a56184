"""Write what the browser needs to run demos into the built site.

Layout (the URLs the server HTML points at):

    static/demos/cfdemo.py                      the portable library
    static/demos/<domain>/<concept>/demo.py     each demo, byte for byte its source
    static/demos/<domain>/<concept>/kernel.mjs  its optional JS kernel
    static/vendor/micropython/micropython.mjs   the MicroPython WebAssembly runtime
    static/vendor/micropython/micropython.wasm
    static/js/demo.js, demo-engine.js, demo-worker.js, static/css/demo.css

Plain .py is served, not .mpy. Measured (docs/demos.md): bytecode saves ~15 ms of compile in the
worker and ~2.7 KB gzip, about 4% of a ~0.45 s cold start and off the main thread, but it would
tie the build to an mpy-cross binary of exactly the runtime's bytecode version and serve
something other than the reviewed source.
"""

from __future__ import annotations

import os
from pathlib import Path

from continuous_function.demo.loader import LIB_PATH
from continuous_function.demo.model import DemoError

MICROPYTHON_PACKAGE = Path("@micropython") / "micropython-webassembly-pyscript"
RUNTIME_FILES = ("micropython.mjs", "micropython.wasm")
STATIC = Path(__file__).resolve().parent.parent / "static"
BROWSER_FILES = ("js/demo.js", "js/demo-engine.js", "js/demo-worker.js", "css/demo.css")


def find_micropython(start: Path | None = None) -> Path:
    """The folder holding micropython.mjs/.wasm: $CFN_NODE_MODULES, else the nearest
    node_modules walking up from this package (the repository's `npm ci`)."""
    override = os.environ.get("CFN_NODE_MODULES")
    candidates: list[Path] = []
    if override:
        candidates.append(Path(override) / MICROPYTHON_PACKAGE)
    here = (start or Path(__file__)).resolve()
    candidates.extend(folder / "node_modules" / MICROPYTHON_PACKAGE for folder in here.parents)
    for candidate in candidates:
        if all((candidate / name).is_file() for name in RUNTIME_FILES):
            return candidate
    raise DemoError(
        "MicroPython runtime not found: run `npm ci` in the repository (package.json pins "
        "@micropython/micropython-webassembly-pyscript) or set CFN_NODE_MODULES to a "
        "node_modules folder that has it"
    )


def demo_url(key: str) -> str:
    """The URL a page's `data-demo-src` uses for demo `<domain>/<concept>`."""
    return f"/static/demos/{key}/demo.py"


def demo_asset_files(demos: dict[str, Path]) -> dict[str, bytes]:
    """Site path → bytes of the library, each demo's source and kernel, and the runtime (the demo
    JS/CSS are ordinary static files, listed in `BROWSER_FILES`)."""
    files = {"static/demos/cfdemo.py": LIB_PATH.read_bytes()}
    for key, path in sorted(demos.items()):
        parts = key.split("/")
        if len(parts) != 2 or not all(parts):
            raise DemoError(f"demo key {key!r} must be <domain>/<concept>")
        files[f"static/demos/{key}/demo.py"] = path.read_bytes()
        kernel = path.with_name("kernel.mjs")
        if kernel.is_file():
            files[f"static/demos/{key}/kernel.mjs"] = kernel.read_bytes()
    runtime = find_micropython()
    for name in RUNTIME_FILES:
        files[f"static/vendor/micropython/{name}"] = (runtime / name).read_bytes()
    return files


def write_demo_assets(out_dir: Path, demos: dict[str, Path]) -> None:
    """Write the library, each demo's source, the runtime and the demo JS/CSS under out_dir
    (for a standalone preview; the site build takes `demo_asset_files` into its files)."""
    files = demo_asset_files(demos)
    files |= {f"static/{name}": (STATIC / name).read_bytes() for name in BROWSER_FILES}
    for rel, data in files.items():
        target = out_dir / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
