"""How long `cfn check` takes on the worst inputs the file guards still accept or must refuse.

Each case is the valid fixture with one file replaced: a page.md just under its 128 KiB cap
(prose, or prose full of distinct formulas), a concept.yaml just under 64 KiB, and the
refused ones (50 MB page.md, billion laughs, 5,000-digit int). Prints seconds per case.

    .venv/bin/python bench/hostile_inputs_bench.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from continuous_function.build import build
from continuous_function.cache import BuildCache
from continuous_function.model.files import LIMITS

VALID = Path(__file__).resolve().parents[1] / "tests" / "cases" / "valid"
SECTIONS = "## Math\n\n## Code\n\n## Interactive Demo\n"


def _page(body: str) -> Callable[[Path], None]:
    def make(concept: Path) -> None:
        (concept / "page.md").write_text(f"## Intuition\n\n{body}\n\n{SECTIONS}")

    return make


def _yaml(extra: str) -> Callable[[Path], None]:
    def make(concept: Path) -> None:
        with (concept / "concept.yaml").open("a") as f:
            f.write(extra)

    return make


def _laughs() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\ntags: *a9\n"


CAP = LIMITS[".md"] - 200
CASES: dict[str, Callable[[Path], None]] = {
    "page.md, prose at the cap": _page(("The slope of a secant line. " * 20000)[:CAP]),
    "page.md, formulas at the cap": _page(
        " ".join(f"$x_{{{i}}} + y^{{{i}}}$" for i in range(40000))[:CAP].rsplit(" ", 1)[0]
    ),
    "page.md, 50 MB (refused)": _page("slope " * (50 * 1024 * 1024 // 6)),
    "concept.yaml, tags at the cap": _yaml(
        "tags: [" + ", ".join(f"t{i}" for i in range(40000))[: LIMITS[".yaml"] - 300] + "]\n"
    ),
    "concept.yaml, billion laughs (refused)": _yaml(_laughs()),
    "concept.yaml, 5,000-digit int (refused)": _yaml("order: " + "9" * 5000 + "\n"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, BuildCache(Path(tmp) / "cache") as cache:
        for name, make in CASES.items():
            root = Path(tmp) / "atlas"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(VALID, root)
            make(root / "calculus" / "derivatives")
            start = time.perf_counter()
            result = build(root, None, cache=cache)
            seconds = time.perf_counter() - start
            codes = sorted({d.code for d in result.diagnostics}) or ["ok"]
            print(f"{seconds:7.2f} s  {name}  ({', '.join(codes)})")


if __name__ == "__main__":
    main()
