"""Refs in content must resolve to page objects, and named checks to witness functions."""

from __future__ import annotations

from collections.abc import Iterator

from continuous_function.diagnostics import Diagnostic, Location, did_you_mean
from continuous_function.model.atlas import Atlas
from continuous_function.objects import fragments
from continuous_function.validate.registry import report, rule


@rule("O001", "unknown-object-ref")
def claim_witness_refs(atlas: Atlas) -> Iterator[Diagnostic]:
    """A claim's `witnesses` entry names no object: refs are `#eq-<label>` (a labelled equation
    in page.md), `#code`, `#demo`, `#source-<ref>`, `#claim-<id>` or `#misconception-<id>`,
    optionally prefixed with `<domain>/<concept>` for another concept's object."""
    by_key = {c.key: c for c in atlas.concepts()}
    for concept in atlas.concepts():
        for ci, claim in enumerate(concept.meta.claims):
            for wi, ref in enumerate(claim.witnesses):
                prefix, _, fragment = ref.partition("#")
                target = by_key.get(prefix) if prefix else concept
                loc = concept.loc("claims", ci, "witnesses", wi)
                if target is None:
                    yield report(
                        "O001", loc, f"'{ref}': no concept '{prefix}'", did_you_mean(prefix, by_key)
                    )
                elif fragment not in (known := fragments(target)):
                    yield report(
                        "O001",
                        loc,
                        f"'{ref}': {target.key} has no object '#{fragment}'",
                        did_you_mean(fragment, known),
                    )


@rule("O002", "check-not-found")
def claim_checks_exist(atlas: Atlas) -> Iterator[Diagnostic]:
    """A claim's `check:` names no top-level function in the concept's witness.py."""
    for concept in atlas.concepts():
        functions = concept.witness_functions
        for ci, claim in enumerate(concept.meta.claims):
            if claim.check is None:
                continue
            loc = concept.loc("claims", ci, "check")
            if concept.witness_source is None:
                yield report("O002", loc, f"check '{claim.check}' but there is no witness.py")
            elif functions is not None and claim.check not in functions:
                yield report(
                    "O002",
                    loc,
                    f"no function '{claim.check}' in witness.py",
                    did_you_mean(claim.check, functions),
                )


@rule("O003", "inquiry-answer-unknown")
def inquiry_answer(atlas: Atlas) -> Iterator[Diagnostic]:
    """The inquiry's `answer` is not the id of one of its options."""
    for concept in atlas.concepts():
        inquiry = concept.meta.inquiry
        if inquiry and inquiry.answer not in {o.id for o in inquiry.options}:
            ids = [o.id for o in inquiry.options]
            yield report(
                "O003",
                concept.loc("inquiry", "answer"),
                f"answer '{inquiry.answer}' is not an option id ({', '.join(ids)})",
                did_you_mean(inquiry.answer, ids),
            )


@rule("O004", "witness-syntax")
def witness_syntax(atlas: Atlas) -> Iterator[Diagnostic]:
    """witness.py is not valid Python."""
    for concept in atlas.concepts():
        if isinstance(exc := concept.witness_tree, SyntaxError):
            yield report(
                "O004",
                Location(concept.witness_path, exc.lineno or 1, exc.offset or 1),
                f"syntax error: {exc.msg}",
            )
