"""An incremental build equals a clean build, byte for byte, whatever the edit.

The long-running side (this test process, like `cfn serve`) builds the small site case, applies
one edit and builds again into the same folder with the same `BuildCache`. The clean side builds
the edited tree in a fresh interpreter into an empty folder, so no state of this process can hide
a stale page. Every file of the two sites must be identical. Templates and static files are a
private copy (a `Theme`), so the template and static-file edits touch nothing shared.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from continuous_function.build import build, load_site
from continuous_function.cache import BuildCache
from continuous_function.site.assets import BUNDLED_THEME, Theme

CASE = Path(__file__).resolve().parents[1] / "site_cases" / "small" / "curriculum"

Edit = Callable[[Path, Path], None]
"""Changes the curriculum (first argument) or the theme folder (second) in place."""


def _sub(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert n == 1, f"{pattern!r} not found in {path}"
    path.write_text(new, encoding="utf-8")


def _concept(root: Path, key: str, name: str = "concept.yaml") -> Path:
    return root / key / name


def _new_concept(root: Path, _theme: Path) -> None:
    shutil.copytree(root / "calculus" / "chain-rule", root / "calculus" / "limits")
    _sub(_concept(root, "calculus/limits"), r"^title: .*", "title: Limits")
    _sub(_concept(root, "calculus/limits"), r"^prerequisites: .*", "prerequisites: [functions]")


EDITS: dict[str, Edit] = {
    "prerequisite-added": lambda root, _: _sub(
        _concept(root, "algebra/vectors"), r"^prerequisites: .*", "prerequisites: [functions]"
    ),
    "prerequisite-removed": lambda root, _: _sub(
        _concept(root, "calculus/chain-rule"), r"^prerequisites: .*", "prerequisites: [vectors]"
    ),
    "prerequisite-reordered": lambda root, _: _sub(
        _concept(root, "calculus/chain-rule"),
        r"^prerequisites: .*",
        "prerequisites: [vectors, derivatives]",
    ),
    "title": lambda root, _: _sub(
        _concept(root, "calculus/derivatives"), r"^title: .*", "title: Rates of Change"
    ),
    "status": lambda root, _: _sub(
        _concept(root, "algebra/vectors"), r"^status: review", "status: draft"
    ),
    "summary": lambda root, _: _sub(
        _concept(root, "calculus/functions"),
        r"^summary: .*",
        "summary: A function assigns one output to every input.",
    ),
    "reference": lambda root, _: _sub(
        root / "references.bib",
        r"title = \{Mathematics for Machine Learning\}",
        "title = {Mathematics for ML, Second Printing}",
    ),
    "witness": lambda root, _: _sub(
        _concept(root, "calculus/derivatives", "witness.py"),
        r'^print\("x =", x\)',
        'print("grid:", x)',
    ),
    "demo": lambda root, _: _sub(
        _concept(root, "algebra/vectors", "demo.py"),
        r'title="Vectors"',
        'title="Tilting a vector"',
    ),
    "template": lambda _, theme: _sub(
        theme / "templates" / "base.html", r"</footer>", "<p>Edited footer.</p></footer>"
    ),
    "static-file": lambda _, theme: _sub(
        theme / "static" / "css" / "site.css", r"\A", "/* edited */\n"
    ),
    "new-concept": _new_concept,
    "deleted-concept": lambda root, _: shutil.rmtree(root / "calculus" / "chain-rule"),
}


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def _clean_build(root: Path, out: Path, theme: Theme, cache: Path) -> None:
    """In a fresh interpreter, so nothing this process remembers can be shared."""
    script = (
        "import sys; from pathlib import Path\n"
        "from continuous_function.build import build\n"
        "from continuous_function.site.assets import Theme\n"
        "a = [Path(arg) for arg in sys.argv[1:]]\n"
        "result = build(a[0], a[1], theme=Theme(a[2], a[3]), cache_dir=a[4])\n"
        "sys.exit(0 if result.written else 1)\n"
    )
    argv = [str(p) for p in (root, out, theme.templates, theme.static, cache)]
    done = subprocess.run(
        [sys.executable, "-c", script, *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(EDITS))
def test_incremental_build_equals_clean_build(name: str, tmp_path: Path) -> None:
    root = tmp_path / "curriculum"
    shutil.copytree(CASE, root)
    theme = Theme(tmp_path / "theme" / "templates", tmp_path / "theme" / "static")
    shutil.copytree(BUNDLED_THEME.templates, theme.templates)
    shutil.copytree(BUNDLED_THEME.static, theme.static)
    witnesses = tmp_path / "witness-cache"
    out = tmp_path / "incremental"
    with BuildCache(witnesses) as cache:
        assert build(root, out, cache=cache, theme=theme).written

        EDITS[name](root, theme.templates.parent)
        again = build(root, out, cache=cache, theme=theme)
    assert again.written, [d.format() for d in again.diagnostics]
    clean = tmp_path / "clean"
    _clean_build(root, clean, theme, witnesses)

    incremental, fresh = _files(out), _files(clean)
    assert sorted(incremental) == sorted(fresh)
    assert [rel for rel in sorted(fresh) if incremental[rel] != fresh[rel]] == []


def test_a_warm_rebuild_renders_only_changed_pages(tmp_path: Path) -> None:
    """The cache is what makes a rebuild cheap: same bytes, no KaTeX, no markdown, no dot."""
    root = tmp_path / "curriculum"
    shutil.copytree(CASE, root)
    with BuildCache(tmp_path / "witness-cache") as cache:
        build(root, None, cache=cache)
        memos = (cache.pages, cache.tex, cache.svgs, cache.page_text, cache.demos, cache.yaml)
        misses = tuple(m.misses for m in memos)
        assert misses[0] == 4 and all(n > 0 for n in misses)
        build(root, None, cache=cache)
        assert tuple(m.misses for m in memos) == misses
        page = root / "algebra" / "vectors" / "page.md"
        page.write_text(page.read_text() + "\nAnd $w = 2v$ doubles it.\n")
        build(root, None, cache=cache)
        assert cache.pages.misses == misses[0] + 1
        assert cache.tex.misses == misses[1] + 1


def test_one_page_renders_alone_as_in_the_whole_site(tmp_path: Path) -> None:
    """What a dev server does on request: the files of one page, equal to the full render's."""
    with BuildCache(tmp_path / "witness-cache") as cache:
        loaded, _ = load_site(CASE, cache)
        assert loaded is not None
        site, _ = loaded.render_site()
        for path in ("", "calculus/", "calculus/derivatives/", "404.html"):
            page = loaded.render_page(path)
            assert page is not None, path
            files, _ = page
            assert files and all(site[rel] == data for rel, data in files.items()), path
        assert loaded.render_page("search/") is None
