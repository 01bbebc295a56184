"""Cold vs warm builds of the bundled atlas: prints seconds, pages rendered and witnesses run.

    .venv/bin/python bench/build_bench.py

Cold: empty witness cache and no previous site. Warm: same inputs again (nothing should render
or run). One edit: one page.md changed (one page should render).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from continuous_function.site.build import build

ROOT = Path(__file__).resolve().parents[1]


def timed(label: str, root: Path, out: Path, cache: Path) -> None:
    start = time.perf_counter()
    result = build(root, out, cache_dir=cache)
    took = time.perf_counter() - start
    print(
        f"{label:<10} {took:6.2f} s   rendered {len(result.rendered):3d}   reused "
        f"{len(result.reused):3d}   witnesses run {result.witnesses_run:3d}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = work / "curriculum"
        shutil.copytree(ROOT / "curriculum", root)
        out, cache = work / "site", work / "cache"
        timed("cold", root, out, cache)
        timed("warm", root, out, cache)
        page = root / "calculus" / "derivatives" / "page.md"
        page.write_text(page.read_text() + "\nAn edit.\n")
        timed("one edit", root, out, cache)


if __name__ == "__main__":
    main()
