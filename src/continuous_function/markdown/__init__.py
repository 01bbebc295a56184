"""Markdown for concept pages: CommonMark + build-time KaTeX math, labelled equations,
witness/demo embeds, Pygments highlighting and an nh3 allow-list (DESIGN.md §3, §6)."""

from continuous_function.markdown.highlight import STYLES, Theme, highlight_code, pygments_css
from continuous_function.markdown.katex import (
    KatexError,
    KatexNotFoundError,
    MathRenderer,
    TexRenderer,
    find_node_modules,
    katex_dist,
)
from continuous_function.markdown.page import (
    SECTION_IDS,
    Embed,
    EmbedKind,
    Equation,
    Heading,
    RenderedPage,
    Section,
)
from continuous_function.markdown.problems import Problem
from continuous_function.markdown.regions import RegionError, extract_region
from continuous_function.markdown.render import render_page
from continuous_function.markdown.sanitize import sanitize

__all__ = [
    "SECTION_IDS",
    "STYLES",
    "Embed",
    "EmbedKind",
    "Equation",
    "Heading",
    "KatexError",
    "KatexNotFoundError",
    "MathRenderer",
    "Problem",
    "RegionError",
    "RenderedPage",
    "Section",
    "TexRenderer",
    "Theme",
    "extract_region",
    "find_node_modules",
    "highlight_code",
    "katex_dist",
    "pygments_css",
    "render_page",
    "sanitize",
]
