"""`BuildCache`: the one place a build remembers work, passed in explicitly.

It memoises only pure functions of one input, keyed by that input's content (never by a path or
an mtime, never by "what the last build did"), so a hit is correct by construction: page.md text
and KaTeX version → rendered page; (TeX, display) → HTML; demo.py bytes and storyboard → demo
bundle; dot source → SVG; code → highlighted HTML; YAML bytes → parsed model; template source
→ compiled template; a concept's search documents → their terms. Witness results
live on disk under `witness_dir`, keyed by source and interpreter/library versions
(`witness/cache.py`). Everything that combines several inputs — view models, templates, static
files, cross-page facts like prev/next and backlinks — is recomputed on every build, which is
what makes an incremental build equal a clean one.

A long-running process (`cfn serve`) keeps one `BuildCache` for its life; a one-shot build makes
a fresh one. The cache also owns the KaTeX engine, started on the first formula that misses.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from jinja2.bccache import Bucket, BytecodeCache

from continuous_function.diagnostics import Diagnostic
from continuous_function.markdown.katex import KatexError, MathRenderer, katex_version
from continuous_function.memo import Memo

if TYPE_CHECKING:
    from continuous_function.markdown.page import RenderedPage
    from continuous_function.site.demos import DemoBundle
    from continuous_function.site.search_terms import FieldTerms


def default_witness_dir() -> Path:
    """Witness results are cached per checkout (`.cache/witness`), or where CFN_CACHE says."""
    return Path(os.environ.get("CFN_CACHE", ".cache")) / "witness"


class TemplateCache(BytecodeCache):
    """Jinja's compiled code per template, in memory. Jinja stores the checksum of the source
    with the code and recompiles when the template on disk no longer matches, so templates are
    still read on every build and an edit is always seen; only unchanged ones skip compiling."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class BuildCache:
    """Content-keyed memos for every expensive pure step of a build. Use as a context manager:
    it closes the KaTeX engine it started."""

    def __init__(self, witness_dir: Path | None = None) -> None:
        self.witness_dir = witness_dir or default_witness_dir()
        self.tex: Memo[tuple[str, bool], str | KatexError] = Memo()
        self.pages: Memo[tuple[str, str], RenderedPage] = Memo()
        """(page.md text, KaTeX version) → the rendered page."""
        self.page_text: Memo[str, Any] = Memo()
        """page.md text → its search-index passages (no KaTeX involved)."""
        self.search_terms: Memo[tuple[str, str], list[list[FieldTerms]]] = Memo()
        """(digest of the term code, a concept's search documents) → each document's terms."""
        self.demos: Memo[tuple[str, bytes, str], tuple[DemoBundle | None, list[Diagnostic]]] = (
            Memo()
        )
        """(demo.py path, its bytes, the storyboard) → the bundle (None if broken), problems."""
        self.svgs: Memo[str, str] = Memo()
        """dot source → SVG."""
        self.highlights: Memo[tuple[str, str | None], str] = Memo()
        """(code, language) → highlighted HTML."""
        self.yaml: Memo[tuple[str, str, str], Any] = Memo()
        """(path, file text, model name) → (model, positions, diagnostics)."""
        self.inline: Memo[str, tuple[str, str | None]] = Memo()
        """Inline Markdown and math of a YAML text (summary, claim, …) → HTML, KaTeX's message."""
        self.templates = TemplateCache()
        """Compiled Jinja templates, checked against a hash of their source on every load."""
        self._engine: MathRenderer | None = None
        self._katex_lock = threading.Lock()
        self._katex_version: str | None = None

    # -- math -----------------------------------------------------------------------------------

    @property
    def katex_version(self) -> str:
        if self._katex_version is None:
            self._katex_version = katex_version()
        return self._katex_version

    def render(self, tex: str, display: bool = False) -> str:
        """KaTeX HTML for `tex` (the `TexRenderer` protocol); raises `KatexError` for bad TeX."""
        found = self.tex.get((tex, display), lambda: self._typeset(tex, display))
        if isinstance(found, KatexError):
            raise KatexError(found.message, found.position, found.length)
        return found

    def _typeset(self, tex: str, display: bool) -> str | KatexError:
        with self._katex_lock:  # one engine; `cfn serve` renders from more than one thread
            if self._engine is None:
                self._engine = MathRenderer()
            try:
                return self._engine.render(tex, display)
            except KatexError as exc:
                return exc

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def __enter__(self) -> BuildCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
