"""The one markdown-it configuration used for every page.md.

CommonMark plus tables and strikethrough, `$`/`$$` math, and HTML recognised only so that it
can be refused (P005) rather than silently shown as text or passed through.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.ruler import RuleOptionsType
from markdown_it.rules_inline.html_inline import html_inline
from markdown_it.rules_inline.link import link
from mdit_py_plugins.dollarmath.index import math_inline_dollar

from continuous_function.markdown.blockmath import math_block
from continuous_function.markdown.inline import stray_dollar, with_offset
from continuous_function.markdown.renderer import install_rules

# Display math may interrupt a paragraph, as a fenced code block may.
_INTERRUPTS: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote", "list"]}


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # `$5 and $10` is money, not math: no space inside the dollars, no digit after the closer.
    inline_math = math_inline_dollar(allow_space=False, allow_digits=False, allow_double=True)
    math_rule = with_offset(inline_math, "math_inline", "math_inline_double")
    md.inline.ruler.before("escape", "math_inline", math_rule)
    md.inline.ruler.after("math_inline", "dollar_stray", stray_dollar)
    md.inline.ruler.at("link", with_offset(link, "link_open"))
    md.inline.ruler.at("html_inline", with_offset(html_inline, "html_inline"))
    md.block.ruler.before("fence", "math_block", math_block, _INTERRUPTS)
    install_rules(md)
    return md
