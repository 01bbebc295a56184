"""Prepare each concept's demo for the page: lint, then load, check the storyboard and pre-render
in the witness jail (demo.py is contributed code: the build never runs it itself).

Problems become diagnostics at demo.py's line (or the storyboard frame in concept.yaml), so
`cfn check` reports them like any other content error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from continuous_function.demo import lint_demo
from continuous_function.demo.codes import report
from continuous_function.diagnostics import Diagnostic, Location, Severity
from continuous_function.model.atlas import Atlas, Concept
from continuous_function.witness import (
    DemoRequest,
    WitnessJob,
    WitnessResult,
    WitnessWorker,
    run_witnesses,
)

if TYPE_CHECKING:
    from continuous_function.cache import BuildCache

RENDER_TIMEOUT = 10.0
"""CPU seconds to import a demo and draw its first frame and storyboard (it needs milliseconds)."""


@dataclass(frozen=True)
class DemoBundle:
    html: str
    storyboard_html: str | None
    task: str


def prepare_demos(
    atlas: Atlas, cache: BuildCache, worker: WitnessWorker | None = None
) -> tuple[dict[str, DemoBundle], list[Diagnostic]]:
    """Every demo's bundle and problems; demos the cache has not seen render in one batch in the
    jail (`worker`, or one started for the batch), cached on disk like witness results."""
    concepts = [c for c in atlas.concepts() if c.demo_present]
    keys = {c.key: _memo_key(c) for c in concepts}
    known = {c.key: cache.demos.peek(keys[c.key]) for c in concepts}
    todo = [c for c in concepts if known[c.key] is None]
    linted = {c.key: _lint(c) for c in todo}
    jobs = [
        _job(c, atlas) for c in todo if not any(d.severity is Severity.error for d in linted[c.key])
    ]
    rendered = run_witnesses(jobs, cache.witness_dir, worker=worker) if jobs else {}
    for c in todo:
        result = rendered.get(c.key)
        found = linted[c.key]
        made = (None, found) if result is None else _bundle(c, result, found)
        cache.demos.put(keys[c.key], made)
        known[c.key] = made
    bundles: dict[str, DemoBundle] = {}
    diags: list[Diagnostic] = []
    for c in concepts:
        bundle, found = known[c.key] or (None, [])
        diags += found
        if bundle is not None:
            bundles[c.key] = bundle
    return bundles, diags


def _memo_key(concept: Concept) -> tuple[str, bytes, str]:
    """The bundle's only inputs: the demo source and the storyboard (and the path, which the
    diagnostics name)."""
    return (
        str(concept.demo_path),
        concept.demo_path.read_bytes(),
        repr([(f.state, f.caption) for f in concept.meta.storyboard]),
    )


def _lint(concept: Concept) -> list[Diagnostic]:
    path = concept.demo_path
    return [report(p.code, Location(path, p.line, p.col + 1), p.message) for p in lint_demo(path)]


def _job(concept: Concept, atlas: Atlas) -> WitnessJob:
    path = concept.demo_path
    frames = tuple((dict(f.state), f.caption) for f in concept.meta.storyboard)
    request = DemoRequest(frames=frames, kernel=path.with_name("kernel.mjs").is_file())
    return WitnessJob(
        key=concept.key,
        path=path.relative_to(atlas.root),
        source=path.read_text(encoding="utf-8"),
        timeout=RENDER_TIMEOUT,
        demo=request,
    )


def _bundle(
    concept: Concept, result: WitnessResult, diags: list[Diagnostic]
) -> tuple[DemoBundle | None, list[Diagnostic]]:
    path = concept.demo_path
    if result.demo is None:
        err = result.error
        message = err.message if err else result.status
        if result.status != "error":
            message = f"rendering the demo: {result.status}: {message}"
        line = err.line if err and err.line else 1
        return None, [*diags, report("D100", Location(path, line), message)]
    out = result.demo
    for message in out.problems:
        index = int(message.split()[1].rstrip(":")) - 1 if message.startswith("frame ") else 0
        diags = [*diags, report("D101", concept.loc("storyboard", index, "state"), message)]
    return DemoBundle(out.html, out.storyboard_html, out.task), diags
