"""Builds of the bundled atlas: prints seconds, pages rendered, witnesses run and cache misses.

    .venv/bin/python bench/build_bench.py

cold: empty witness cache, fresh `BuildCache`, no previous site. fresh process: the witness
cache on disk is warm, the in-memory `BuildCache` is new (a second `cfn build`). warm: the same
`BuildCache` again (what `cfn serve` does; nothing should miss). one edit: one page.md changed
(one page and its new formula should miss).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from continuous_function.build import build
from continuous_function.cache import BuildCache

ROOT = Path(__file__).resolve().parents[1]


def timed(label: str, root: Path, out: Path, cache: BuildCache) -> None:
    before = (cache.pages.misses, cache.tex.misses)
    start = time.perf_counter()
    result = build(root, out, cache=cache)
    took = time.perf_counter() - start
    print(
        f"{label:<13} {took:6.2f} s   pages {len(result.rendered):3d}   witnesses run "
        f"{result.witnesses_run:3d}   page misses {cache.pages.misses - before[0]:3d}   "
        f"formula misses {cache.tex.misses - before[1]:4d}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = work / "curriculum"
        shutil.copytree(ROOT / "curriculum", root)
        out, witnesses = work / "site", work / "witness-cache"
        with BuildCache(witnesses) as cache:
            timed("cold", root, out, cache)
        with BuildCache(witnesses) as cache:
            timed("fresh process", root, out, cache)
            timed("warm", root, out, cache)
            page = root / "calculus" / "derivatives" / "page.md"
            page.write_text(page.read_text() + "\nAn edit with $x^2$.\n")
            timed("one edit", root, out, cache)


if __name__ == "__main__":
    main()
