"""Whole-site snapshots: each `tests/site_cases/<name>/` is a tiny curriculum and the site it
must build to, file by file (`expected/`). The diff of `expected/` is the review of a change.

    CFN_REGEN=1 .venv/bin/pytest tests/sitebuild/test_site_cases.py   # rewrite expected/

`options.json` beside `curriculum/` may set build options (`{"dev": true}` builds as
`cfn serve` does). Files under `static/` are copies of the package's and node_modules' assets,
not built content, so they are left out; asset URLs' `?v=` digest is masked for the same reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from continuous_function.build import build

CASES = Path(__file__).resolve().parents[1] / "site_cases"
WITNESS_CACHE = Path(__file__).resolve().parents[2] / ".cache" / "witness"
ASSET_DIGEST = re.compile(rb"\?v=[0-9a-f]{10}")


def _snapshot(site: Path, root: Path) -> dict[str, bytes]:
    """Built files that are content, with what varies by machine or asset bytes masked."""
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith("static/"):
            data = ASSET_DIGEST.sub(b"?v=ASSETS", path.read_bytes())
            for shown in (str(root), os.path.relpath(root)):
                data = data.replace(shown.encode(), b"CURRICULUM")
            files[rel] = data
    return files


@pytest.mark.parametrize(
    "case", sorted(p for p in CASES.iterdir() if (p / "curriculum").is_dir()), ids=lambda p: p.name
)
def test_site_case(case: Path, tmp_path: Path) -> None:
    options_file = case / "options.json"
    options = json.loads(options_file.read_text()) if options_file.is_file() else {}
    root = case / "curriculum"
    result = build(root, tmp_path / "site", dev=options.get("dev", False), cache_dir=WITNESS_CACHE)
    assert result.written, [d.format() for d in result.diagnostics]
    got = _snapshot(tmp_path / "site", root.resolve())
    expected_dir = case / "expected"
    if os.environ.get("CFN_REGEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, data in got.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_bytes(data)
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_bytes()
        for p in sorted(expected_dir.rglob("*"))
        if p.is_file()
    }
    assert sorted(got) == sorted(expected), "files differ (CFN_REGEN=1 rewrites expected/)"
    changed = [rel for rel in sorted(got) if got[rel] != expected[rel]]
    assert changed == [], "contents differ (CFN_REGEN=1 rewrites expected/, then review the diff)"
