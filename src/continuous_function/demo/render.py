"""Server-side HTML for a demo: controls, first frame, readouts, prediction, answer region, and
the storyboard's static frames.

Everything is computed by the demo's own `handle` (the code the browser runs), so the HTML a
learner reads with JavaScript off is the first frame the runtime would draw. The browser runtime
(static/js/demo.js) finds elements by the data-* attributes written here; every SVG shape of the
live figure carries the id `<prefix>-s-<shape id>` so a scene can update it in place.
"""

from __future__ import annotations

from html import escape
from typing import Any, Literal

from continuous_function.demo.loader import cfdemo
from continuous_function.demo.model import Control, Demo, Scene

DEFAULT_LIB_URL = "/static/demos/cfdemo.py"
DEFAULT_MICROPYTHON_URL = "/static/vendor/micropython/micropython.mjs"

Frames = list[tuple[dict[str, Any], str]]


def _attrs(pairs: dict[str, str | None]) -> str:
    """` k="v"` for each pair in order; None drops the attribute, "" writes a bare attribute."""
    out = []
    for key, value in pairs.items():
        if value is None:
            continue
        out.append(f" {key}" if value == "" else f' {key}="{escape(value)}"')
    return "".join(out)


def _num(value: float) -> str:
    """Attribute text for a control bound (repr is exact and shortest in CPython)."""
    return repr(float(value)).removesuffix(".0")


def render_svg(scene: Scene, *, id_prefix: str | None, label_id: str | None = None) -> str:
    """The scene's shapes as one SVG; ids only for the live figure (storyboards repeat shapes)."""
    lib = cfdemo()
    parts = [
        f'<svg class="demo-svg" viewBox="0 0 {lib.VIEW_W} {lib.VIEW_H}" role="img"'
        + (f' aria-labelledby="{escape(label_id)}"' if label_id else "")
        + ' focusable="false">'
    ]
    for shape_id, tag, attrs, text in scene["shapes"]:
        pairs: dict[str, str | None] = {}
        if id_prefix is not None:
            pairs["id"] = f"{id_prefix}-s-{shape_id}"
        pairs.update({key: attrs[key] for key in sorted(attrs)})
        body = escape(text) if text is not None else ""
        parts.append(f"<{tag}{_attrs(pairs)}>{body}</{tag}>")
    parts.append("</svg>")
    return "".join(parts)


def _control_html(c: Control, value: Any, shown: str, prefix: str) -> str:
    cid = f"{prefix}-c-{c.id}"
    label = f'<label for="{cid}">{escape(c.label)}</label>'
    if c.kind == "select":
        options = "".join(
            f"<option{_attrs({'value': o.id, 'selected': '' if o.id == value else None})}>"
            f"{escape(o.label)}</option>"
            for o in c.options
        )
        field = (
            f"<select{_attrs({'id': cid, 'name': c.id, 'data-control': c.id})}"
            f' autocomplete="off">{options}</select>'
        )
        return f'<div class="demo-control demo-control-select">{label}{field}</div>'
    if c.kind == "toggle":
        field = (
            f"<input{_attrs({'type': 'checkbox', 'id': cid, 'name': c.id, 'data-control': c.id})}"
            f' autocomplete="off"{" checked" if value else ""}>'
        )
        return f'<div class="demo-control demo-control-toggle">{field}{label}</div>'
    assert c.lo is not None and c.hi is not None and c.step is not None
    kind = "range" if c.kind == "slider" else "number"
    field_attrs = {
        "type": kind,
        "id": cid,
        "name": c.id,
        "data-control": c.id,
        "min": _num(c.lo),
        "max": _num(c.hi),
        "step": _num(c.step),
        "value": _num(value),
        "aria-valuetext": shown if kind == "range" else None,
        "inputmode": "decimal" if kind == "number" else None,
        "autocomplete": "off",
    }
    output = (
        f"<output{_attrs({'id': f'{prefix}-o-{c.id}', 'for': cid, 'data-output': c.id})}>"
        f"{escape(shown)}</output>"
    )
    return (
        f'<div class="demo-control demo-control-{c.kind}">'
        f"{label}<input{_attrs(field_attrs)}>{output}</div>"
    )


def _readouts_html(scene: Scene, prefix: str) -> str:
    items = "".join(
        f"<div><dt>{escape(label)}</dt>"
        f"<dd{_attrs({'id': f'{prefix}-r-{rid}', 'data-readout': rid})}>{escape(text)}</dd></div>"
        for rid, label, text in scene["readouts"]
    )
    return f'<dl class="demo-readouts" data-readouts>{items}</dl>'


def _prediction_html(demo: Demo, prefix: str) -> str:
    name = f"{prefix}-prediction"
    options = "".join(
        '<div class="demo-option">'
        f"<input{_attrs({'type': 'radio', 'name': name, 'id': f'{prefix}-p-{o.id}'})}"
        f"{_attrs({'value': o.id})}"
        f' data-predict autocomplete="off"><label for="{prefix}-p-{o.id}">{escape(o.label)}</label>'
        "</div>"
        for o in demo.options
    )
    return (
        '<div class="demo-predict">'
        '<fieldset class="demo-prediction">'
        f"<legend>Predict: {escape(demo.task)}</legend>{options}</fieldset>"
        f'<button type="button" class="demo-reveal" data-reveal disabled'
        f' aria-describedby="{prefix}-message">Reveal</button>'
        f'<p class="demo-message" id="{prefix}-message" data-message aria-live="polite">'
        "Choose a prediction to enable Reveal.</p>"
        f'<div class="demo-answer" id="{prefix}-answer" data-answer aria-live="polite"></div>'
        "</div>"
    )


def render_demo_html(
    demo: Demo,
    *,
    src_url: str,
    lib_url: str = DEFAULT_LIB_URL,
    micropython_url: str = DEFAULT_MICROPYTHON_URL,
    id_prefix: str = "demo",
    thread: Literal["worker", "main"] = "worker",
) -> str:
    """The demo section at its default state, ready for static/js/demo.js to bind.

    `id_prefix` is also the section's id, so the page object `#demo` points at it. `thread`
    "main" runs MicroPython on the page's main thread instead of a worker (for measurements)."""
    state, scene = demo.start()
    values = state["values"]
    prefix = id_prefix
    root = {
        "class": "demo",
        "id": prefix,
        "aria-labelledby": f"{prefix}-title",
        "data-demo-src": src_url,
        "data-demo-lib": lib_url,
        "data-micropython": micropython_url,
        "data-demo-key": demo.key,
        "data-demo-kernel": src_url.rsplit("/", 1)[0] + "/kernel.mjs" if demo.kernel else None,
        "data-demo-thread": "main" if thread == "main" else None,
    }
    controls = "".join(
        _control_html(c, values[c.id], scene["outputs"][c.id], prefix) for c in demo.controls
    )
    description = (
        f'<p class="demo-description" id="{prefix}-desc">{escape(demo.description)}</p>'
        if demo.description
        else ""
    )
    label_ids = f"{prefix}-title" + (f" {prefix}-desc" if demo.description else "")
    return (
        f"<section{_attrs(root)}>"
        f'<h3 class="demo-title" id="{prefix}-title">{escape(demo.title)}</h3>'
        f"{description}"
        f'<div class="demo-controls" role="group" aria-label="Controls">{controls}</div>'
        '<figure class="demo-figure">'
        f"{render_svg(scene, id_prefix=prefix, label_id=label_ids)}</figure>"
        f"{_readouts_html(scene, prefix)}"
        f"{_prediction_html(demo, prefix)}"
        f'<p class="demo-sr" data-announce aria-live="polite"></p>'
        '<noscript><p class="demo-noscript">With JavaScript on, this figure responds to the '
        "controls; without it, it shows the demo's first state.</p></noscript>"
        "</section>"
    )


def _state_text(demo: Demo, scene: Scene) -> str:
    controls = ", ".join(f"{c.label} {scene['outputs'][c.id]}" for c in demo.controls)
    readouts = ", ".join(f"{label} {text}" for _, label, text in scene["readouts"])
    answer = " ".join(scene["answer"]["lines"]) if scene.get("answer") else ""
    return " · ".join(part for part in (controls, readouts, answer) if part)


def render_storyboard_html(
    demo: Demo, frames: Frames, *, reveal: bool = True, id_prefix: str = "storyboard"
) -> str:
    """The storyboard: one static SVG per authored state, each with its caption and values.

    Frames are drawn revealed by default (the storyboard explains the mechanism after the first
    pass); invalid states should be caught first with `check_storyboard`."""
    items = []
    for index, (values, caption) in enumerate(frames, start=1):
        _, scene = demo.reveal(values) if reveal else demo.start(values)
        cap_id = f"{id_prefix}-{index}-caption"
        items.append(
            '<li class="demo-storyboard-frame"><figure class="demo-figure">'
            f"{render_svg(scene, id_prefix=None, label_id=cap_id)}"
            f'<figcaption id="{cap_id}"><span class="demo-frame-caption">{escape(caption)}</span> '
            f'<span class="demo-frame-state">{escape(_state_text(demo, scene))}</span>'
            "</figcaption></figure></li>"
        )
    return f'<ol class="demo-storyboard" id="{id_prefix}">{"".join(items)}</ol>'


def check_storyboard(demo: Demo, frames: Frames) -> list[str]:
    """Problems with authored storyboard states, each prefixed by its 1-based frame number."""
    problems: list[str] = []
    for index, (values, caption) in enumerate(frames, start=1):
        if not isinstance(values, dict):
            problems.append(f"frame {index}: state must be a mapping of control values")
            continue
        problems.extend(f"frame {index}: {why}" for why in demo.spec.check_values(values))
        if not caption.strip():
            problems.append(f"frame {index}: caption is empty")
    return problems
