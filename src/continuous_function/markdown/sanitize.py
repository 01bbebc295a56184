"""The last step of rendering: an nh3 allow-list that keeps exactly what our renderer and KaTeX
emit and drops everything else, so a bug upstream cannot put a script on a page.
"""

from __future__ import annotations

from functools import cache

import nh3

_MATHML_TAGS = {
    "math", "semantics", "annotation", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace",
    "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover",
    "mtable", "mtr", "mtd", "mlabeledtr", "mstyle", "mpadded", "mphantom", "menclose", "merror",
}  # fmt: skip
_MATHML_ATTRIBUTES = {
    "accent", "accentunder", "columnalign", "columnlines", "columnspacing", "depth",
    "displaystyle", "fence", "height", "linethickness", "lspace", "mathbackground", "mathcolor",
    "mathsize", "mathvariant", "maxsize", "minsize", "notation", "rowlines", "rowspacing",
    "rspace", "scriptlevel", "separator", "stretchy", "voffset", "width",
}  # fmt: skip
_KATEX_SVG = {"svg", "path", "line"}

_CONTENT_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br",
    "pre", "code", "em", "strong", "s", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    "div", "span",
}  # fmt: skip

STYLE_PROPERTIES = {
    "background-color", "border", "border-bottom-width", "border-color", "border-right-style",
    "border-right-width", "border-style", "border-top-width", "border-width", "bottom", "color",
    "height", "left", "margin", "margin-left", "margin-right", "margin-top", "min-width",
    "padding-left", "position", "text-shadow", "top", "vertical-align", "width",
}  # fmt: skip
"""The CSS properties KaTeX 0.19 writes into `style` attributes (from its source); any other
property is removed. Our own markup never uses `style`."""


@cache
def _cleaner() -> nh3.Cleaner:
    attributes: dict[str, set[str]] = {
        "*": {"class"},
        "a": {"href", "title"},
        "img": {"src", "alt", "title"},
        "pre": {"tabindex"},
        "ol": {"start"},
        "div": {"id", "data-embed", "data-region", "tabindex", "role", "aria-label"},
        "span": {"style", "aria-hidden", "title"},
        "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
        "math": {"xmlns", "display"},
        "annotation": {"encoding"},
        "svg": {"xmlns", "width", "height", "viewBox", "preserveAspectRatio", "style"},
        "path": {"d"},
        "line": {"x1", "x2", "y1", "y2", "stroke-width"},
    }  # fmt: skip
    for tag in _MATHML_TAGS - {"math", "annotation"}:
        attributes[tag] = set(_MATHML_ATTRIBUTES)
    attributes["mpadded"].add("style")
    return nh3.Cleaner(
        tags=_CONTENT_TAGS | _MATHML_TAGS | _KATEX_SVG,
        clean_content_tags={"script", "style"},
        attributes=attributes,
        filter_style_properties=STYLE_PROPERTIES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def sanitize(html: str) -> str:
    return _cleaner().clean(html)
