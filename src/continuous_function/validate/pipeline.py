"""The load and validate stages alone: the rule problems of a tree, without rendering or running
witnesses. `cfn check` runs the whole `build.build(root, None)`; the rule fixtures in
tests/cases use this lighter path."""

from __future__ import annotations

from pathlib import Path

from continuous_function.diagnostics import Diagnostic, sort_key
from continuous_function.model.loader import load_atlas
from continuous_function.validate.run import validate


def check_tree(root: Path) -> list[Diagnostic]:
    atlas, diags = load_atlas(root)
    if atlas is not None:
        diags += validate(atlas)
    return sorted(set(diags), key=sort_key)
