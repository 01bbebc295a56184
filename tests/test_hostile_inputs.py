"""Files git cannot store (a FIFO, mode 000, a file over its size cap) made at test time.

The rest of the hostile inputs are fixture folders (tests/cases/hostile-*). Each case here turns
`calculus/derivatives` of the valid fixture into one bad file and expects exactly one problem.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from continuous_function.model.files import LIMITS
from continuous_function.validate.pipeline import check_tree

VALID = Path(__file__).parent / "cases" / "valid"


@contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Fail (instead of blocking the suite forever) if the body never returns."""

    def fail(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "page.md")


def _huge(folder: Path) -> None:
    (folder / "page.md").write_text("## Intuition\n\n" + "slope " * LIMITS[".md"])


def _huge_yaml(folder: Path) -> None:
    with (folder / "concept.yaml").open("a") as f:
        f.write("tags: [" + "a, " * LIMITS[".yaml"] + "]\n")


def _no_access(folder: Path) -> None:
    (folder / "witness.py").write_text("x = 1\n")
    (folder / "witness.py").chmod(0)


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "page.md:1:1: Y005 page.md is a named pipe (FIFO), not a regular file"),
    "huge-page": (_huge, "page.md:1:1: Y006 page.md is 768 KiB; the limit for a .md file is 128"),
    "huge-yaml": (_huge_yaml, "concept.yaml:1:1: Y006 concept.yaml is 192 KiB; the limit for a"),
    "mode-000": (_no_access, "witness.py:1:1: Y005 witness.py cannot be read: permission denied"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file(case: str, tmp_path: Path) -> None:
    make, expected = CASES[case]
    if case == "mode-000" and os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    root = tmp_path / "atlas"
    shutil.copytree(VALID, root)
    make(root / "calculus" / "derivatives")
    with no_hang():
        found = [d.format() for d in check_tree(root)]
    assert len(found) == 1
    assert found[0].split("derivatives/", 1)[1].startswith(expected)


def test_broken_math_in_yaml_text_is_located(tmp_path: Path) -> None:
    """Inline text is rendered, not validated, so its KaTeX errors surface at render time; they
    must still name the YAML line, and a dev build (`cfn serve`) must still write the site."""
    from continuous_function.build import build

    root = tmp_path / "atlas"
    shutil.copytree(VALID, root)
    concept = root / "calculus" / "derivatives" / "concept.yaml"
    concept.write_text(concept.read_text().replace("The derivative", r"The $\frac{1}{$ slope"))
    with no_hang(60):
        found = [d.format().split("derivatives/", 1)[1] for d in build(root, None).diagnostics]
        dev = build(root, tmp_path / "site", dev=True)
    assert found == [
        "concept.yaml:2:10: P004 KaTeX cannot typeset '\\frac{1}{': Unexpected end of input in a "
        "macro argument, expected '}'; fix the TeX using commands KaTeX supports "
        "(https://katex.org/docs/supported.html)"
    ]
    assert dev.written
    assert (
        r'<code class="math-error">\frac{1}{</code>'
        in (tmp_path / "site" / "calculus" / "derivatives" / "index.html").read_text()
    )


def test_witness_text_cannot_forge_terminal_lines(tmp_path: Path) -> None:
    """An exception message with a screen-clearing escape and a newline that starts a fake
    diagnostic reaches the author as one line with both written as escapes."""
    import subprocess
    import sys

    root = tmp_path / "atlas"
    shutil.copytree(VALID, root)
    (root / "calculus" / "derivatives" / "witness.py").write_text(
        'raise RuntimeError("\\x1b[2J\\ncalculus/functions/witness.py:1:1: W001 forged")\n'
    )
    cfn = Path(sys.executable).with_name("cfn")
    done = subprocess.run(
        [str(cfn), "check", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "CFN_CACHE": str(tmp_path / "cache")},
    )
    assert "\x1b" not in done.stdout
    lines = [line for line in done.stdout.splitlines() if ": W001 " in line]
    assert lines == [
        "atlas/calculus/derivatives/witness.py:1:1: W001 witness error: RuntimeError: "
        "\\x1b[2J\\ncalculus/functions/witness.py:1:1: W001 forged"
    ]


BUNDLED = Path(__file__).resolve().parents[1] / "curriculum"
TOKENS = [
    *"{}[]:|>#'\"\\?~\t\n\x00\x1b\u202e",
    "- ",
    "&a ",
    "*a",
    "&a [*a]",
    "<<: *a\n",
    "!!python/object:os.system ",
    "!!int ",
    "---\n",
    "9" * 5000,
    "2026-13-45",
    "1e999",
    "$\\frac{1}{$",
    "$$",
    "{#eq-x}",
    "[[witness:nope]]",
    "\n## Math\n",
    "<script>",
]


def _mutate(rng: random.Random, text: str) -> str:
    """A few random edits of the kinds that broke the loader: inserted syntax, cut spans,
    repeated lines, truncation."""
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.45:
            text = text[:i] + rng.choice(TOKENS) + text[i:]
        elif op < 0.65:
            text = text[:i] + text[i + rng.randint(1, 40) :]
        elif op < 0.9:
            lines = text.splitlines(keepends=True) or [""]
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
            text = "".join(lines)
        else:
            text = text[:i]
    return text


@pytest.mark.parametrize("seed", range(4))
def test_mutated_bundled_files_never_crash(seed: int, tmp_path: Path) -> None:
    """A bounded, seeded mutation loop over the bundled concept.yaml and page.md files: every
    outcome is diagnostics (or none), never an exception or a hang."""
    from continuous_function.build import build
    from continuous_function.cache import BuildCache

    rng = random.Random(seed)
    root = tmp_path / "atlas"
    shutil.copytree(VALID, root)
    shutil.copy(BUNDLED / "references.bib", root / "references.bib")
    target = root / "calculus" / "derivatives"
    sources = sorted(p.parent for p in BUNDLED.glob("*/*/page.md"))
    with BuildCache(tmp_path / "cache") as cache:
        for n in range(15):
            source = rng.choice(sources)
            mutated = rng.choice(["concept.yaml", "page.md"])
            for name in ("concept.yaml", "page.md"):
                text = (source / name).read_text(encoding="utf-8")
                (target / name).write_text(_mutate(rng, text) if name == mutated else text)
            out = tmp_path / "site" if n % 2 else None
            with no_hang(60):
                build(root, out, dev=out is not None, cache=cache)
