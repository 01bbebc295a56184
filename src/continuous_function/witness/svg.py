"""Figures are untrusted: a witness can hand back any SVG text (it can patch matplotlib's SVG
writer, or attach a `url=` to an artist), and an SVG opened directly, from a host that ignores
`_headers`, runs its scripts. So the build, not the jail, checks every figure against an
allow-list of what matplotlib draws with, and removes the rest.

A figure with nothing to remove is returned byte for byte (matplotlib's own output never is
rewritten, so builds stay byte-stable); one with an entity declaration is dropped whole.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_NAMESPACES = {
    "": _SVG,
    "xlink": _XLINK,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "cc": "http://creativecommons.org/ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_SVG_TAGS = {
    "svg", "g", "defs", "path", "use", "clipPath", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "style", "metadata", "title", "desc", "image",
    "linearGradient", "radialGradient", "stop", "pattern", "mask", "marker", "symbol", "filter",
    "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite", "feMerge", "feMergeNode",
}  # fmt: skip
_METADATA_NAMESPACES = {_NAMESPACES[k] for k in ("rdf", "cc", "dc")}
_SAFE_HREF = re.compile(r"^(#[A-Za-z0-9_.:-]+|data:image/(png|jpeg);base64,[A-Za-z0-9+/=\s]*)$")
_URL = re.compile(r"url\(\s*(?!['\"]?#)", re.IGNORECASE)
"""A CSS `url(...)` that is not a reference inside the document (matplotlib's `url(#p1)`)."""
_PROLOG = re.compile(r'^<\?xml [^?>]*\?>\s*(<!DOCTYPE svg PUBLIC "[^"<>]*"\s+"[^"<>]*">\s*)?$')
"""What matplotlib writes before `<svg`; anything else there (a stylesheet instruction) goes."""
_DECLARATION = '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'

for _prefix, _uri in _NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)


def safe_svg(svg: str) -> str | None:
    """The figure with every disallowed element and attribute removed; None if it cannot be
    parsed or declares entities."""
    if "<!ENTITY" in svg:
        return None
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return None
    if root.tag != f"{{{_SVG}}}svg":
        return None
    head = svg[: svg.find("<svg")]
    if not _clean(root) and _PROLOG.match(head):
        return svg
    return _DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _clean(element: ET.Element) -> bool:
    """Remove what is not allowed below and on `element`; True if anything was."""
    changed = False
    for child in list(element):
        if not _allowed(child):
            element.remove(child)
            changed = True
        elif _clean(child):
            changed = True
    for name, value in list(element.attrib.items()):
        if not _allowed_attribute(name, value):
            del element.attrib[name]
            changed = True
    if element.tag == f"{{{_SVG}}}style" and element.text and _unsafe_css(element.text):
        element.text = ""
        changed = True
    return changed


def _allowed(element: ET.Element) -> bool:
    if not element.tag.startswith("{"):
        return False
    namespace, _, tag = element.tag[1:].partition("}")
    if namespace == _SVG:
        return tag in _SVG_TAGS
    return namespace in _METADATA_NAMESPACES


def _allowed_attribute(name: str, value: str) -> bool:
    local = name.rpartition("}")[2].lower()
    if local.startswith("on"):
        return False
    if local == "href":
        return bool(_SAFE_HREF.match(value))
    lowered = value.lower()
    if "javascript:" in lowered or "<" in value:
        return False
    return not _URL.search(value)


def _unsafe_css(css: str) -> bool:
    lowered = css.lower()
    return "@import" in lowered or "expression(" in lowered or bool(_URL.search(css))
