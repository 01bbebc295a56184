"""Inline rules that remember where they matched, and the stray-dollar detector.

Inline tokens carry no positions in markdown-it, but problems must point at a column in page.md;
wrapping a rule to store its start offset (in the inline token's content) is enough to get there.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.rules_inline import StateInline

InlineRule = Callable[[StateInline, bool], bool]


def with_offset(rule: InlineRule, *token_types: str) -> InlineRule:
    """Wrap `rule` so the first token of `token_types` it pushes gets `meta["offset"]`."""

    def recording(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[count:]:
                if token.type in token_types:
                    token.meta = {**(token.meta or {}), "offset": start}
                    break
        return matched

    return recording


def stray_dollar(state: StateInline, silent: bool) -> bool:
    """Claim a `$` that opens math the math rule could not close, so it can be reported.

    Runs after the math rule failed at this position. `$$` anywhere, or `$` followed by
    something other than a space or a digit, looks like math; `$5` and a lone `$` are money
    or prose and are left alone.
    """
    src, pos = state.src, state.pos
    if src[pos] != "$":
        return False
    following = src[pos + 1] if pos + 1 < state.posMax else ""
    if following == "$":
        width = 2
    elif following and not following.isspace() and not following.isdigit():
        width = 1
    else:
        return False
    if not silent:
        token = state.push("dollar_stray", "", 0)
        token.content = src[pos : pos + width]
        token.meta = {"offset": pos}
    state.pos += width
    return True
