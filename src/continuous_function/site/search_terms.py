"""The terms of each search document, counted by the browser's own code running in V8.

The browser looks a query up with `static/js/search-terms.js` (tokenizing, stop words, accents,
the Porter stemmer); the build counts the documents' terms with that same file, evaluated in an
embedded V8 (mini-racer, as KaTeX is), so a word cannot be processed one way when indexed and
another when searched. What comes back is what MiniSearch's `add` would record for a document:
per field, the number of distinct tokens and the count of every term.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from py_mini_racer import MiniRacer

from continuous_function.site import assets

TERMS_JS = assets.STATIC / "js" / "search-terms.js"
STEMMER_JS = Path("stemmer", "index.js")

_IMPORT = re.compile(r"^import .*?;\n", re.MULTILINE)
_EXPORT = re.compile(r"^export ", re.MULTILINE)


@dataclass(frozen=True)
class FieldTerms:
    field: int
    """Index into `FIELDS` of search-terms.js (title, tags, label, text)."""
    length: int
    """Distinct tokens in the field: MiniSearch's field length."""
    counts: dict[str, int]
    """Term → occurrences in the field."""


def terms_code() -> tuple[str, str]:
    """The stemmer and search-terms.js, read afresh (a dev server sees an edit of either)."""
    stemmer = (assets.node_modules() / STEMMER_JS).read_text(encoding="utf-8")
    return stemmer, TERMS_JS.read_text(encoding="utf-8")


def code_digest(code: tuple[str, str]) -> str:
    return hashlib.sha256("\0".join(code).encode()).hexdigest()


def as_script(module: str) -> str:
    """An ES module as a classic script for V8: its imports dropped (the script that needs them
    is evaluated first, in the same context) and `export` removed from its declarations."""
    return _EXPORT.sub("", _IMPORT.sub("", module))


class TermCounter:
    """One V8 context holding search-terms.js and the stemmer; close it (or use `with`)."""

    def __init__(self, code: tuple[str, str] | None = None) -> None:
        stemmer, terms = code or terms_code()
        self._ctx: MiniRacer | None = MiniRacer()
        try:
            self._ctx.eval(as_script(stemmer))
            self._ctx.eval(as_script(terms))
            self._ctx.eval("function cfnTerms(d) { return JSON.stringify(d.map(fieldTerms)); }")
        except BaseException:
            self.close()
            raise

    def count(self, docs: list[dict[str, str]]) -> list[list[FieldTerms]]:
        """Per document (a dict of the searchable fields that are present), its fields' terms."""
        if self._ctx is None:
            raise RuntimeError("TermCounter is closed")
        raw = json.loads(str(self._ctx.call("cfnTerms", docs)))
        return [[FieldTerms(f, n, counts) for f, n, counts in doc] for doc in raw]

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()
            self._ctx = None

    def __enter__(self) -> TermCounter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
