"""Everything `cfn check` inspects, in pipeline order, without writing a site."""

from __future__ import annotations

from pathlib import Path

from continuous_function.model.loader import load_atlas
from continuous_function.validate.diagnostics import Diagnostic, sort_key
from continuous_function.validate.run import validate


def check_tree(root: Path) -> list[Diagnostic]:
    atlas, diags = load_atlas(root)
    if atlas is not None:
        diags += validate(atlas)
    return sorted(set(diags), key=sort_key)
