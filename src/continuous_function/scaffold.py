"""`cfn new`: a concept folder with every file, whose placeholders pass `cfn check` as a draft."""

from __future__ import annotations

from pathlib import Path

from continuous_function.diagnostics import CfnError
from continuous_function.model.loader import ID_RE

CONCEPT_YAML = """\
# {title}: metadata and the learner's loop. Schema: docs/content.md. Unknown keys are errors.
title: {title}
summary: TODO one sentence that says what {title} is and why it matters for ML.
status: draft            # draft | review | published (published needs the full contract)
difficulty: 2            # 1-5
importance: important    # critical | important | supplementary | advanced
math_level: undergraduate  # intuitive | highschool | undergraduate | graduate | research
prerequisites: []        # concept ids this page builds on
next: []                 # where to go after (never a prerequisite)
related: []
tags: []
# bridge: {{carry_in: ..., work_here: ..., carry_out: ...}}
# sources:               # - {{ref: <key in references.bib>, where: "§5.1", note: what it grounds}}
# claims:                # - {{id: ..., text: ..., sources: [...], support: ..., caveat: ...,
#                        #    witnesses: ["#eq-...", "#code"], check: check_...}}
# misconceptions:        # - {{id: ..., text: ..., repair: ...}}
# storyboard:            # - {{state: {{<demo control>: <value>}}, caption: ...}}
# inquiry:               # {{question, options: [{{id, label, feedback}}], answer, explanation}}
# practice:              # - {{kind: predict|explain|transfer, prompt, hints: [3],
#                        #    rubric: [...], model_answer}}
# research:              # {{question, evidence: [...], resolves: [...]}}
"""

PAGE_MD = """\
## Intuition

TODO the picture or mechanism of {title}, in prose, before any symbols.

## Math

TODO the objects in notation. Label display equations, e.g.
`$$ y = f(x) $$ {{#eq-example}}`, and refer to them with `[](#eq-example)`.

## Code

[[witness]]

## Interactive Demo

TODO what the learner should manipulate and predict.
"""

WITNESS_PY = '''\
"""Code witness for {title}: mirrors the equations in page.md and prints what to look at.

Functions named check_* back claims in concept.yaml (claims[].check) and must pass at build time.
"""

import numpy as np

x = np.linspace(-1.0, 1.0, 5)
print("x =", x)  # TODO replace with the computation the page's equations describe


def check_placeholder() -> None:
    """TODO assert the page's central claim numerically."""
    assert np.allclose(x, -x[::-1]), "the grid should be symmetric about 0"
'''


DEMO_PY = '''\
"""Demo for TITLE (docs/demos.md): TODO say what the learner moves and predicts.

A placeholder that works: a line through the origin with slope a, and a prediction about its
height at x = 1 computed from the state. Replace it with the mechanism of TITLE.
"""

from cfdemo import Demo, fmt, line, point, prediction, slider

demo = Demo(
    title="TITLE",
    description="The line y = a x; after the reveal, its point at x = 1.",
    controls=[slider("a", "Slope a", -2.0, 2.0, 0.1, 1.0)],
    prediction=prediction(
        "At x = 1, the line y = a x is…",
        [("below", "below zero"), ("zero", "at zero"), ("above", "above zero")],
    ),
    window=(-2.0, 2.0, -2.0, 2.0),
)


@demo.derive
def derive(v):
    return {"y": v["a"] * 1.0}


@demo.answer
def answer(v, d):
    if abs(d["y"]) < 1e-9:
        return "zero"
    return "above" if d["y"] > 0 else "below"


@demo.explain
def explain(v, d):
    return ["At x = 1 the line is at y = " + fmt(d["y"]) + "."]


@demo.readouts
def readouts(v, d):
    return [("y", "y at x = 1", fmt(d["y"]))]


@demo.frame
def frame(v, d, revealed):
    shapes = [line("line", (0.0, 0.0), v["a"], "curve")]
    if revealed:
        shapes.append(point("p", (1.0, d["y"]), "point"))
    return shapes


handle = demo.handle
'''


class ScaffoldError(CfnError):
    """The target is not a valid new concept; the message says why."""


def new_concept(root: Path, target: str) -> list[Path]:
    domain, _, concept = target.partition("/")
    if not concept or "/" in concept:
        raise ScaffoldError(f"'{target}' is not of the form <domain>/<concept>")
    for name in (domain, concept):
        if not ID_RE.match(name):
            raise ScaffoldError(f"'{name}' is not an id: use lower-case words joined by hyphens")
    domain_dir = root / domain
    if not (domain_dir / "domain.yaml").exists():
        known = sorted(p.parent.name for p in root.glob("*/domain.yaml"))
        raise ScaffoldError(f"no domain '{domain}' in {root} (known: {', '.join(known)})")
    existing = sorted(p.parent.parent.name for p in root.glob(f"*/{concept}/concept.yaml"))
    if existing:
        raise ScaffoldError(f"concept '{concept}' already exists in domain '{existing[0]}'")
    folder = domain_dir / concept
    folder.mkdir()
    title = concept.replace("-", " ").title()
    files = {"concept.yaml": CONCEPT_YAML, "page.md": PAGE_MD, "witness.py": WITNESS_PY}
    written = []
    for name, template in files.items():
        path = folder / name
        path.write_text(template.format(title=title), encoding="utf-8")
        written.append(path)
    demo = folder / "demo.py"
    demo.write_text(DEMO_PY.replace("TITLE", title), encoding="utf-8")
    return [*written, demo]
