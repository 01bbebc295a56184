"""The search index: every searchable passage of the atlas, built at build time (issue 7).

Each concept becomes several small documents, one per place a learner can be sent to: the
concept itself (title, summary, tags), each part of its page (a `##` section or a `###`
subsection), each labelled equation with the sentences around it, each claim, each
misconception and the conceptual bridge. A document carries the anchor that opens exactly that
place. site/search_shards.py indexes these documents for MiniSearch (counting terms with the
browser's own static/js/search-terms.js) and the browser (static/js/search-core.js) ranks them:
stemming, prefix and typo tolerance all live in JavaScript, so Python only decides *what* is
searchable and *where it links*.

Page text comes from the same `render_page` the concept pages use, with a math renderer that
writes TeX as readable text instead of starting KaTeX: the anchors (`math-…`, `eq-…`) are the
page's own, at no KaTeX cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from markupsafe import escape

from continuous_function.markdown import render_page
from continuous_function.memo import Memo
from continuous_function.model.atlas import Atlas, Concept
from continuous_function.site.views import read_minutes

INDEX_VERSION = 1

# ---------------------------------------------------------------------------------------------
# TeX as text: enough to make `$\lim_{h \to 0}$` read as "lim h → 0" in a snippet.

_TEX_SYMBOLS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "vartheta": "θ",
    "iota": "ι",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "tau": "τ",
    "upsilon": "υ",
    "phi": "φ",
    "varphi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Xi": "Ξ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "mapsto": "↦",
    "infty": "∞",
    "partial": "∂",
    "nabla": "∇",
    "cdot": "·",
    "times": "×",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "sim": "∼",
    "in": "∈",
    "sum": "∑",
    "prod": "∏",
    "int": "∫",
    "sqrt": "√",
    "pm": "±",
    "ldots": "…",
    "cdots": "⋯",
    "dots": "…",
    "mid": "|",
    "vert": "|",
    "lvert": "|",
    "rvert": "|",
    "prime": "′",
    "lVert": "‖",
    "rVert": "‖",
    "Vert": "‖",
    "langle": "⟨",
    "rangle": "⟩",
    "top": "⊤",
    "circ": "∘",
    "propto": "∝",
    "log": "log",
    "exp": "exp",
    "lim": "lim",
    "max": "max",
    "min": "min",
    "sin": "sin",
    "cos": "cos",
    "tan": "tan",
    "arg": "arg",
    "det": "det",
    "mathbb": "",
    "mathbf": "",
    "mathrm": "",
    "mathcal": "",
    "operatorname": "",
    "text": "",
    "textrm": "",
    "boldsymbol": "",
    "frac": "",
    "tfrac": "",
    "dfrac": "",
    "left": "",
    "right": "",
    "big": "",
    "Big": "",
    "bigl": "",
    "bigr": "",
    "quad": " ",
    "qquad": " ",
    "hat": "",
    "bar": "",
    "tilde": "",
    "vec": "",
}
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)|\\([,;:! ])|\\\\")
_SPACES = re.compile(r"\s+")


def tex_to_text(tex: str) -> str:
    """A readable, searchable approximation of a TeX formula (never used to render math)."""

    def command(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return " "
        return _TEX_SYMBOLS.get(name, name)

    text = _TEX_COMMAND.sub(command, tex)
    text = text.replace("{", "").replace("}", "").replace("&", " ").replace("~", " ")
    return _SPACES.sub(" ", text).strip()


class _TextMath:
    """A `TexRenderer` for indexing: inline math as text, display math left out."""

    def render(self, tex: str, display: bool) -> str:
        return "" if display else str(escape(tex_to_text(tex)))


# ---------------------------------------------------------------------------------------------
# Documents


@dataclass(frozen=True)
class SearchDoc:
    id: int
    c: int
    """Index of the concept in `SearchIndex.concepts`."""
    kind: str
    """concept | section | equation | claim | misconception | bridge"""
    anchor: str
    """Fragment on the concept page ('' for the top of the page)."""
    label: str
    """What the learner is sent to: 'Math › How fast the secant slope converges', 'Equation (3) ·
    tangent line', 'Claim', … ('' for the concept itself)."""
    text: str
    title: str = ""
    """The concept title, on the concept document only (so a title counts once per concept)."""
    tags: str = ""


@dataclass(frozen=True)
class IndexedConcept:
    key: str
    id: str
    title: str
    domain: str
    status: str
    minutes: int
    """Read time of the page, as the concept page computes it (0 for a draft without a page)."""


@dataclass
class SearchIndex:
    domains: list[dict[str, str]] = field(default_factory=list)
    concepts: list[IndexedConcept] = field(default_factory=list)
    docs: list[SearchDoc] = field(default_factory=list)


def build_search_index(atlas: Atlas, memo: Memo[str, Any] | None = None) -> SearchIndex:
    index = SearchIndex(
        domains=[{"id": d.id, "title": d.meta.title, "color": d.meta.color} for d in atlas.domains]
    )
    for c_index, concept in enumerate(atlas.concepts()):
        docs, minutes = concept_documents(concept, memo)
        index.concepts.append(
            IndexedConcept(
                key=concept.key,
                id=concept.id,
                title=concept.meta.title,
                domain=concept.domain,
                status=concept.meta.status.value,
                minutes=minutes,
            )
        )
        for kind, anchor, label, text, title, tags in docs:
            index.docs.append(
                SearchDoc(len(index.docs), c_index, kind, anchor, label, text, title, tags)
            )
    return index


Doc = tuple[str, str, str, str, str, str]
"""kind, anchor, label, text, title, tags"""


def concept_documents(
    concept: Concept, memo: Memo[str, Any] | None = None
) -> tuple[list[Doc], int]:
    """The concept's searchable passages, and its read time in minutes (0 without a page)."""
    m = concept.meta
    tags = " · ".join([*m.tags, concept.id.replace("-", " ")])
    docs: list[Doc] = [("concept", "", "", _clean(m.summary), m.title, tags)]
    minutes = 0
    if concept.page_source is not None:
        source = concept.page_source
        page_docs, minutes = (
            memo.get(source, lambda: page_documents(source))
            if memo is not None
            else page_documents(source)
        )
        docs += page_docs
    if m.bridge:
        text = " ".join((m.bridge.carry_in, m.bridge.work_here, m.bridge.carry_out))
        docs.append(("bridge", "bridge-title", "Conceptual bridge", _clean(text), "", ""))
    for claim in m.claims:
        text = " ".join(t for t in (claim.text, claim.support or "", claim.caveat or "") if t)
        docs.append(("claim", f"claim-{claim.id}", "Claim", _clean(text), "", ""))
    for mc in m.misconceptions:
        docs.append(
            (
                "misconception",
                f"misconception-{mc.id}",
                "Misconception",
                _clean(f"{mc.text} {mc.repair}"),
                "",
                "",
            )
        )
    return docs, minutes


def page_documents(source: str) -> tuple[tuple[Doc, ...], int]:
    """The passages of a page.md, and its read time. A pure function of the source, so the
    build caches it (`BuildCache.page_text`): parsing is most of the index's cost."""
    docs: list[Doc] = []
    page = render_page(source, math=_TextMath())
    minutes = read_minutes(page.plain_text, len(page.equations))
    numbers = {eq.label: eq.number for eq in page.equations}
    for section in page.sections:
        anchor = f"{section.id}-section" if section.id in {"code", "demo"} else section.id
        walker = _SectionText(section.title, anchor)
        walker.feed(section.html)
        walker.close()
        for part in walker.parts:
            if part.text:
                docs.append(("section", part.anchor, part.label, part.text, "", ""))
        for label, before, after, names in walker.equations:
            number = numbers.get(label)
            shown = f"Equation ({number})" if number else "Equation"
            if names:
                shown += " · " + ", ".join(dict.fromkeys(names))
            docs.append(("equation", label, shown, _join(before, after), "", ""))
    return tuple(docs), minutes


_INLINE_MATH = re.compile(r"\$\$?([^$]+)\$\$?")


def _clean(text: str) -> str:
    """YAML prose: inline `$…$` math as text, whitespace collapsed."""
    return _SPACES.sub(" ", _INLINE_MATH.sub(lambda m: tex_to_text(m.group(1)), text)).strip()


def _join(before: str, after: str) -> str:
    return f"{before} … {after}" if before and after else before or after


def _last_sentences(text: str, words: int = 45) -> str:
    """The end of a paragraph, whole sentences, about `words` long: what leads into an equation."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept: list[str] = []
    while sentences and (not kept or sum(len(s.split()) for s in kept) < words):
        kept.insert(0, sentences.pop())
    return " ".join(kept)


def _first_sentences(text: str, words: int = 30) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept: list[str] = []
    while sentences and (not kept or sum(len(s.split()) for s in kept) < words):
        kept.append(sentences.pop(0))
    return " ".join(kept)


@dataclass
class _Part:
    anchor: str
    label: str
    blocks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.blocks)


_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "blockquote", "figcaption"}
_SKIP = {"pre", "script", "style", "svg", "math"}


class _SectionText(HTMLParser):
    """Prose of one rendered section, split at `###` headings, and the text around equations."""

    def __init__(self, title: str, anchor: str) -> None:
        super().__init__(convert_charrefs=True)
        self.section_title = title
        self.parts = [_Part(anchor, title)]
        self.equations: list[tuple[str, str, str, list[str]]] = []
        """label, the sentences before, the sentences after, bold phrases before"""
        self._skip = 0
        self._heading: str | None = None
        self._heading_text: list[str] = []
        self._block: list[str] | None = None
        self._depth = 0
        self._strong: list[str] | None = None
        self._bold: list[str] = []
        self._last_block = ""
        self._last_bold: list[str] = []
        self._pending: list[tuple[str, str, list[str]]] = []
        """Equations still waiting for the paragraph after them."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self._skip or tag in _SKIP:
            self._skip += tag in _SKIP or tag == "div"
            return
        if tag == "div" and "equation" in (a.get("class") or "").split():
            if a.get("id"):
                self._pending.append((a["id"] or "", self._last_block, self._last_bold))
            self._skip = 1
            return
        if tag == "div" and "embed" in (a.get("class") or "").split():
            self._skip = 1
            return
        if tag in {"h3", "h4", "h5", "h6"}:
            self._heading, self._heading_text = a.get("id") or "", []
        elif tag in _BLOCKS:
            if self._block is None:
                self._block, self._depth, self._bold = [], 0, []
            self._depth += 1
        elif tag in {"strong", "b"} and self._block is not None:
            self._strong = []

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in _SKIP or tag == "div":
                self._skip -= 1
            return
        if tag in {"h3", "h4", "h5", "h6"} and self._heading is not None:
            title = _SPACES.sub(" ", "".join(self._heading_text)).strip()
            self.parts.append(
                _Part(self._heading or self.parts[-1].anchor, f"{self.section_title} › {title}")
            )
            self._heading = None
        elif tag in _BLOCKS and self._block is not None:
            self._depth -= 1
            if self._depth == 0:
                text = _SPACES.sub(" ", "".join(self._block)).strip()
                self._block = None
                if text:
                    self.parts[-1].blocks.append(text)
                    for label, before, bold in self._pending:
                        lead_in = _last_sentences(before)
                        self.equations.append(
                            (
                                label,
                                lead_in,
                                _first_sentences(text),
                                [b for b in bold if b in lead_in],
                            )
                        )
                    self._pending = []
                    self._last_block, self._last_bold = text, self._bold
        elif tag in {"strong", "b"} and self._strong is not None:
            self._bold.append(_SPACES.sub(" ", "".join(self._strong)).strip())
            self._strong = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._heading is not None:
            self._heading_text.append(data)
        elif self._block is not None:
            self._block.append(data)
            if self._strong is not None:
                self._strong.append(data)

    def close(self) -> None:
        super().close()
        for label, before, bold in self._pending:
            lead_in = _last_sentences(before)
            self.equations.append((label, lead_in, "", [b for b in bold if b in lead_in]))
        self._pending = []
