"""Whatever an author types, rendering returns problems that point inside page.md, and the HTML
stays safe; it never raises."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from continuous_function.markdown import MathRenderer, render_page
from continuous_function.markdown.problems import CODES

PIECES = [
    "## Intuition\n", "## Math\n", "## Code\n", "## Interactive Demo\n", "## Other\n",
    "### Sub\n", "$", "$$", "$x$", "$5 ", "\\$", "{#eq-a}", "{#eq-b}", "{#Bad}", "[](#eq-a)",
    "[](#eq-b)", "[[witness]]", "[[demo]]", "[[x]]", "<b>", "<div>\n", "<!-- c -->", "> ", "- ",
    "    ", "```python\n", "```\n", "`", "\\frac{", "}", "\\alpha", "\\fracc", "|", "\n", "\n\n",
    " ", "x", "é", "\t", "\r\n", "\u2028", "\f",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@example("$```python\n\u2028\\$$")  # U+2028 after a line break inside math: mapped to line 1
def test_any_source_renders_with_located_problems(
    math: MathRenderer, unsafe_parts: Callable[[str], list[str]], source: str
) -> None:
    page = render_page(source, math=math)
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    codes = {code.code for code in CODES}
    for problem in page.problems:
        assert problem.code in codes
        assert 1 <= problem.line <= max(len(lines), 1), problem
        assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1, problem
    for section in page.sections:
        assert unsafe_parts(section.html) == []
