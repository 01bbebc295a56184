from __future__ import annotations

from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import pytest

from continuous_function.markdown import MathRenderer


@pytest.fixture(scope="session")
def math() -> Iterator[MathRenderer]:
    """One V8 context for the whole session, as in a build (starting one costs ~0.3 s)."""
    with MathRenderer() as renderer:
        yield renderer


@pytest.fixture(scope="session")
def unsafe_parts() -> Callable[[str], list[str]]:
    """A function listing what in an HTML fragment could run code or restyle the page."""

    def scan(html: str) -> list[str]:
        parser = _SafetyScan()
        parser.feed(html)
        parser.close()
        return parser.findings

    return scan


class _SafetyScan(HTMLParser):
    """Collects anything in rendered HTML that could run code or escape the page's styles."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[str] = []
        self.stack: list[bool] = []  # per open element: inside KaTeX's layout HTML?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inside_katex = bool(self.stack and self.stack[-1]) or "katex-html" in (
            values.get("class") or ""
        )
        if tag in {"script", "style", "iframe", "object", "embed", "form", "input", "link"}:
            self.findings.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"{tag} {name}=")
            if name in {"href", "src"} and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.findings.append(f"{tag} {name}={value}")
            if name == "style" and not inside_katex and tag not in {"svg", "mpadded"}:
                self.findings.append(f"{tag} style={value} outside KaTeX")
        if tag not in VOID:
            self.stack.append(inside_katex)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()


VOID = {"br", "hr", "img", "wbr", "col", "area", "path", "line"}
