from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import pytest

from continuous_function.markdown import MathRenderer, sanitize
from continuous_function.markdown.sanitize import STYLE_PROPERTIES

FORMULAS = [
    r"f'(x) = \lim_{h\to0} \frac{f(x+h)-f(x)}{h}",
    r"\sqrt[3]{x^2+y^2}",
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}",
    r"\begin{aligned} a &= b + c \\ &= d \end{aligned}",
    r"f(x) = \begin{cases} 0 & x < 0 \\ 1 & x \ge 0 \end{cases}",
    r"\overbrace{a+b}^{n} \underbrace{c}_{m} \widehat{abc} \vec{v}",
    r"a \xrightarrow{f} b \overrightarrow{AB}",
    r"\color{red}{x} \colorbox{yellow}{y} \boxed{E=mc^2} \cancel{z}",
    r"\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V",
    r"\begin{array}{c|c} a & b \\ \hline c & d \end{array} \rule{1em}{0.5em}",
    r"\raisebox{0.25em}{x} \not= \binom{n}{k} \mathbb{E}_{x \sim p}[f(x)]",
]


class _Shape(HTMLParser):
    """Element structure of an HTML fragment: tags, attributes and text, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        normal = [(k, (v or "").rstrip(";") if k == "style" else (v or "")) for k, v in attrs]
        self.items.append(("start", tag, *sorted(f"{k}={v}" for k, v in normal)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.items.append(("text", data))


def shape(html: str) -> list[tuple[str, ...]]:
    parser = _Shape()
    parser.feed(html)
    return parser.items


@pytest.mark.parametrize("tex", FORMULAS)
@pytest.mark.parametrize("display", [False, True])
def test_katex_output_survives_unchanged(math: MathRenderer, tex: str, display: bool) -> None:
    html = math.render(tex, display)
    assert shape(sanitize(html)) == shape(html)


def test_style_allow_list_covers_what_katex_emits(math: MathRenderer) -> None:
    used = set()
    for tex in FORMULAS:
        for item in shape(math.render(tex, True)):
            for attr in item[2:]:
                if attr.startswith("style="):
                    used |= {d.split(":")[0] for d in attr[6:].split(";") if d}
    assert used <= STYLE_PROPERTIES
    assert {"height", "vertical-align", "top", "margin-right", "color"} <= used


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><path d='M0'/></svg>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<math><annotation-xml encoding='text/html'><script>alert(1)</script></annotation-xml>",
        "<a href='javascript:alert(1)'>x</a>",
        "<a href=' JaVaScRiPt:alert(1)'>x</a>",
        "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
        "<style>*{}</style><noscript><p title='</noscript><script>alert(1)</script>'>",
        "<div style='background:url(javascript:alert(1))'>x</div>",
    ],
)
def test_no_script_survives(dirty: str) -> None:
    clean = sanitize(f"<p>before {dirty} after</p>").lower()
    assert "<script" not in clean
    assert "javascript:" not in clean
    assert "onerror" not in clean and "onload" not in clean
    assert "<iframe" not in clean and "<style" not in clean
    assert "before" in clean and "after" in clean


def test_style_properties_outside_the_allow_list_are_dropped() -> None:
    clean = sanitize('<span style="position:fixed;z-index:9;height:1em;background:url(x)">y</span>')
    assert clean == '<span style="position:fixed;height:1em">y</span>'


def test_our_markup_is_kept() -> None:
    ours = (
        '<div class="equation" id="eq-a"><div class="equation-body">x</div>'
        '<span class="equation-number">(1)</span></div>'
        '<p><a href="#eq-a" class="eq-ref">(1)</a></p>'
        '<div class="embed" data-embed="witness" data-region="r"></div>'
        '<h3 id="math-x">X</h3><pre class="highlight" tabindex="0"><code class="language-python">'
        '<span class="k">def</span></code></pre><th class="align-right">a</th>'
    )
    assert sanitize(ours) == ours.replace('<th class="align-right">a</th>', "a")
    table = '<table><thead><tr><th class="align-right">a</th></tr></thead></table>'
    assert sanitize(table) == table


def test_the_safety_scan_used_by_page_tests_is_not_blind(
    unsafe_parts: Callable[[str], list[str]],
) -> None:
    assert (
        unsafe_parts('<p>ok <span class="katex-html"><span style="top:1em">x</span></span>') == []
    )
    assert unsafe_parts(
        '<script>x</script><img src="x" onerror="y"><a href=" javascript:z">a</a>'
        '<p style="color:red">p</p><iframe></iframe>'
    ) == [
        "<script>",
        "img onerror=",
        "a href= javascript:z",
        "p style=color:red outside KaTeX",
        "<iframe>",
    ]
