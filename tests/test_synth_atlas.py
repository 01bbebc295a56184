"""The synthetic atlas of bench/synth_atlas.py is a valid atlas: the scale bench measures a build
of content that passes `cfn check`'s rules, not of an atlas full of errors."""

from __future__ import annotations

import sys
from pathlib import Path

from continuous_function.graph import ConceptGraph
from continuous_function.model.loader import load_atlas
from continuous_function.validate.run import validate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from synth_atlas import synthesize


def test_synthetic_atlas_is_valid_connected_and_distinct(tmp_path: Path) -> None:
    keys = synthesize(tmp_path / "atlas", 40)
    atlas, found = load_atlas(tmp_path / "atlas")
    assert atlas is not None
    assert [d.format() for d in found + validate(atlas)] == []
    assert sorted(c.key for c in atlas.concepts()) == sorted(keys)
    assert len(set(keys)) == 40
    graph = ConceptGraph.from_atlas(atlas)
    assert graph.is_acyclic()
    assert graph.graph.number_of_edges() >= 40 - 17  # one edge into every concept past round one
    pages = {c.page_source for c in atlas.concepts()}
    witnesses = {c.witness_source for c in atlas.concepts()}
    assert len(pages) == len(witnesses) == 40  # no content-keyed cache can share an entry
