"""Server HTML: the first frame, controls, prediction and storyboard are readable without JS."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from continuous_function.demo import (
    Demo,
    check_storyboard,
    demo_url,
    render_demo_html,
    render_storyboard_html,
)


class Tree(HTMLParser):
    """Flat list of (tag, attrs) plus the text, enough to assert on structure."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in want.items())]


@pytest.fixture(scope="module")
def html(derivatives: Demo) -> str:
    return render_demo_html(derivatives, src_url=demo_url(derivatives.key))


def test_root_contract(html: str) -> None:
    [root] = Tree(html).find("section")
    assert root["class"] == "demo" and root["id"] == "demo"
    assert root["data-demo-src"] == "/static/demos/calculus/derivatives/demo.py"
    assert root["data-demo-lib"] == "/static/demos/cfdemo.py"
    assert root["data-micropython"] == "/static/vendor/micropython/micropython.mjs"


def test_first_frame_is_in_the_html(html: str, derivatives: Demo) -> None:
    tree = Tree(html)
    [svg] = tree.find("svg")
    assert svg["viewbox"] == "0 0 640 400" and svg["role"] == "img"
    _, scene = derivatives.start()
    for shape_id, tag, attrs, _ in scene["shapes"]:
        [el] = tree.find(tag, id=f"demo-s-{shape_id}")
        assert all(el[k] == v for k, v in attrs.items())
    assert tree.find("line", id="demo-s-secant")
    assert not tree.find("line", id="demo-s-tangent")
    assert "2.60" in tree.text


def test_controls_are_labelled_real_inputs(html: str) -> None:
    tree = Tree(html)
    labels = {a["for"] for a in tree.find("label")}
    [select] = tree.find("select", id="demo-c-fn")
    assert select["data-control"] == "fn"
    [x] = tree.find("input", id="demo-c-x")
    assert (x["type"], x["min"], x["max"], x["step"], x["value"]) == (
        "range",
        "-2.8",
        "2.8",
        "0.01",
        "1",
    )
    assert x["aria-valuetext"] == "1.00"
    assert {"demo-c-fn", "demo-c-x", "demo-c-h"} <= labels
    assert tree.find("output", id="demo-o-h", **{"for": "demo-c-h"})
    assert ["selected" in a for a in tree.find("option")] == [True, False, False]


def test_prediction_is_a_radio_group_and_reveal_starts_disabled(html: str) -> None:
    tree = Tree(html)
    assert tree.find("fieldset") and tree.find("legend")
    radios = tree.find("input", type="radio")
    assert [r["value"] for r in radios] == ["lower", "equal", "higher"]
    assert len({r["name"] for r in radios}) == 1
    assert all(r["id"] in {a["for"] for a in tree.find("label")} for r in radios)
    [button] = tree.find("button")
    assert "disabled" in button and button["type"] == "button"
    assert tree.find("div", id="demo-answer", aria_live="polite")
    assert tree.find("dl", **{"class": "demo-readouts"})


def test_no_inline_script_or_style(html: str, derivatives: Demo) -> None:
    board = render_storyboard_html(derivatives, [({"x": 0.5}, "a frame")])
    for markup in (html, board):
        tree = Tree(markup)
        assert not tree.find("script")
        assert not any("style" in a or any(k.startswith("on") for k in a) for _, a in tree.tags)


def test_rendering_is_deterministic(derivatives: Demo) -> None:
    one = render_demo_html(derivatives, src_url="/x.py")
    assert one == render_demo_html(derivatives, src_url="/x.py")


def test_storyboard_frames(derivatives: Demo) -> None:
    frames = [({"x": 1.0, "h": 1.5}, "A wide step"), ({"x": 1.0, "h": 0.05}, "A narrow step")]
    tree = Tree(render_storyboard_html(derivatives, frames))
    assert len(tree.find("figure")) == 2 and len(tree.find("svg")) == 2
    assert not [a for _, a in tree.tags if (a.get("id") or "").startswith("demo-s-")]
    text = "".join(tree.text)
    assert "A wide step" in text and "Secant slope 3.50" in text and "Secant slope 2.05" in text
    assert "Tangent slope f′(x) = 2.00" in text  # frames are drawn revealed
    assert len(tree.find("line", **{"class": "tangent"})) == 2


def test_check_storyboard(derivatives: Demo) -> None:
    frames: list[tuple[dict[str, Any], str]] = [
        ({"x": 0.5, "h": 0.1}, "fine"),
        ({"x": 2.9}, "out of range"),
        ({"q": 1}, "unknown"),
        ({"fn": "cube"}, "bad option"),
        ({"x": 2.8, "h": 0.5}, "constrained"),
        ({"x": "1"}, "wrong type"),
    ]
    problems = check_storyboard(derivatives, frames)
    assert [p.split(":")[0] for p in problems] == [f"frame {i}" for i in (2, 3, 4, 5, 6)]
    assert "must lie in [−2.80, 2.80]" in problems[0]
    assert "unknown control 'q'" in problems[1]
    assert "changed to 0.20" in problems[3]
    assert "must be a number" in problems[4]
