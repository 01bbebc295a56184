"""Prepare each concept's demo for the page: lint, load, check the storyboard, pre-render.

Problems become diagnostics at demo.py's line (or the storyboard frame in concept.yaml), so
`cfn check` reports them like any other content error.
"""

from __future__ import annotations

from dataclasses import dataclass

from continuous_function.demo import (
    DemoError,
    check_storyboard,
    demo_url,
    lint_demo,
    load_demo,
    render_demo_html,
    render_storyboard_html,
)
from continuous_function.demo.codes import report
from continuous_function.diagnostics import Diagnostic, Location, Severity
from continuous_function.model.atlas import Atlas, Concept


@dataclass(frozen=True)
class DemoBundle:
    html: str
    storyboard_html: str | None
    task: str


def prepare_demos(atlas: Atlas) -> tuple[dict[str, DemoBundle], list[Diagnostic]]:
    bundles: dict[str, DemoBundle] = {}
    diags: list[Diagnostic] = []
    for concept in atlas.concepts():
        if concept.demo_present:
            bundle, found = _prepare(concept)
            diags += found
            if bundle is not None:
                bundles[concept.key] = bundle
    return bundles, diags


_MEMO: dict[tuple[str, bytes, str], tuple[DemoBundle | None, list[Diagnostic]]] = {}


def _prepare(concept: Concept) -> tuple[DemoBundle | None, list[Diagnostic]]:
    """Memoised on the demo source and storyboard so `cfn serve` redoes only what changed."""
    key = (
        str(concept.demo_path),
        concept.demo_path.read_bytes(),
        repr([(f.state, f.caption) for f in concept.meta.storyboard]),
    )
    if key not in _MEMO:
        _MEMO[key] = _prepare_uncached(concept)
    bundle, diags = _MEMO[key]
    return bundle, list(diags)


def _prepare_uncached(concept: Concept) -> tuple[DemoBundle | None, list[Diagnostic]]:
    path = concept.demo_path
    diags = [report(p.code, Location(path, p.line, p.col + 1), p.message) for p in lint_demo(path)]
    if any(d.severity is Severity.error for d in diags):
        return None, diags
    try:
        demo = load_demo(path)
    except DemoError as exc:
        return None, [*diags, report("D100", Location(path, exc.line or 1), exc.message)]
    frames = [(frame.state, frame.caption) for frame in concept.meta.storyboard]
    problems = check_storyboard(demo, frames)
    for message in problems:
        index = int(message.split()[1].rstrip(":")) - 1 if message.startswith("frame ") else 0
        diags.append(report("D101", concept.loc("storyboard", index, "state"), message))
    storyboard = render_storyboard_html(demo, frames) if frames and not problems else None
    html = render_demo_html(demo, src_url=demo_url(concept.key))
    return DemoBundle(html, storyboard, demo.task), diags
