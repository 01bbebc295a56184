"""Number labelled display equations and resolve `[](#eq-…)` references to them.

Numbers follow order of appearance, so they are assigned before any reference is resolved and a
reference may point forward.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence

from markdown_it.token import Token

from continuous_function.markdown.context import PageContext, block_line, inline_tokens
from continuous_function.markdown.page import Equation
from continuous_function.markdown.problems import (
    BAD_EQUATION_LABEL,
    DUPLICATE_EQUATION_LABEL,
    UNKNOWN_EQUATION_REF,
)

LABEL = re.compile(r"eq-[a-z0-9]+(?:-[a-z0-9]+)*")
"""Labels are object refs (`#eq-<name>`), so they follow the id grammar of the content model."""
_DETACHED = re.compile(r"[ \t]*(\{#[^}\s]*\})")


def number_equations(tokens: Sequence[Token], page: PageContext) -> tuple[Equation, ...]:
    """Give each well-formed, first-seen label a number; drop the label from the others."""
    equations: dict[str, Equation] = {}
    for token in tokens:
        if token.type != "math_block" or token.meta["label"] is None:
            continue
        label: str = token.meta["label"]
        line, col = token.meta["label_line"], token.meta["label_col"]
        token.meta["label"] = None
        if LABEL.fullmatch(label) is None:
            page.report(
                BAD_EQUATION_LABEL,
                line,
                col,
                f"equation label '{{#{label}}}' is not valid; expected '{{#eq-<name>}}' with "
                "lower-case letters, digits and single hyphens, e.g. '{#eq-chain-rule}'",
            )
        elif label in equations:
            first = equations[label].line
            page.report(
                DUPLICATE_EQUATION_LABEL,
                line,
                col,
                f"equation label '{{#{label}}}' is already used on line {first}; give this "
                "equation a different label",
            )
        else:
            number = len(equations) + 1
            token.meta.update(label=label, number=number)
            equations[label] = Equation(label, number, block_line(token), token.content.strip())
    _report_detached_labels(tokens, page)
    return tuple(equations.values())


def _report_detached_labels(tokens: Sequence[Token], page: PageContext) -> None:
    """A `{#eq-…}` after `$$ … $$` inside a paragraph is not a label; say so instead of
    leaving the author with a P006 for every reference to it."""
    for inline in inline_tokens(tokens):
        children = inline.children or []
        for math, text in itertools.pairwise(children):
            found = _DETACHED.match(text.content) if text.type == "text" else None
            if math.type != "math_inline_double" or found is None:
                continue
            end = math.meta.get("offset", 0) + len(math.content) + 4 + found.start(1)
            line, col = page.locate(inline, end)
            page.report(
                BAD_EQUATION_LABEL,
                line,
                col,
                f"label '{found.group(1)}' is not applied because its '$$' does not start a "
                f"line; put the equation on its own lines: '$$ … $$ {found.group(1)}'",
            )


def link_equation_refs(
    tokens: Sequence[Token], equations: Sequence[Equation], page: PageContext
) -> None:
    """Turn `[](#eq-x)` into an `eq_ref` token showing the number; report unknown labels."""
    numbers = {eq.label: eq.number for eq in equations}
    for inline in inline_tokens(tokens):
        children = inline.children or []
        linked: list[Token] = []
        for child in children:
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            if href.startswith("#eq-") and href[1:] not in numbers:
                line, col = page.locate(inline, child.meta.get("offset", 0))
                page.report(UNKNOWN_EQUATION_REF, line, col, _unknown_message(href[1:], numbers))
            previous = linked[-1] if linked else None
            if child.type == "link_close" and previous is not None and _is_eq_link(previous):
                label = str(previous.attrs["href"])[1:]
                ref = Token("eq_ref", "a", 0)
                ref.meta = {"label": label, "number": numbers.get(label)}
                linked[-1] = ref
            else:
                linked.append(child)
        inline.children = linked


def _is_eq_link(token: Token) -> bool:
    return token.type == "link_open" and str(token.attrs.get("href", "")).startswith("#eq-")


def _unknown_message(label: str, numbers: dict[str, int]) -> str:
    known = ", ".join(f"#{name}" for name in numbers) or "none"
    close = difflib.get_close_matches(label, numbers, n=1)
    hint = f" (did you mean '#{close[0]}'?)" if close else ""
    return (
        f"reference to unknown equation '#{label}'{hint}; labelled equations on this page: "
        f"{known}. Label a display equation as '$$ … $$ {{#{label}}}' or fix the reference"
    )
