"""docs/content.md's reference tables, generated from the schema so they cannot drift."""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel

from continuous_function.model import schema

FILES: list[tuple[str, type[BaseModel]]] = [
    ("curriculum.yaml", schema.CurriculumFile),
    ("<domain>/domain.yaml", schema.DomainFile),
    ("<domain>/<concept>/concept.yaml", schema.ConceptFile),
]


def _constrained(base: str, metadata: list[Any]) -> str:
    for meta in metadata:
        pattern = getattr(meta, "pattern", None)
        if pattern and "a-z0-9]+(-" in pattern:
            return "id"
        if pattern and "#[0-9a-fA-F]" in pattern:
            return "colour `#rrggbb`"
        if pattern:
            return f"{base} matching `{pattern}`"
    lo = next((m.ge for m in metadata if getattr(m, "ge", None) is not None), None)
    hi = next((m.le for m in metadata if getattr(m, "le", None) is not None), None)
    if lo is not None and hi is not None:
        return f"{base} ({lo}–{hi})"
    return "text" if base == "str" else base


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return _constrained(_type_name(args[0]), list(args[1:]))
    if origin in (list, tuple):
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return "mapping"
    if origin in (typing.Union, __import__("types").UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return " \\| ".join(f"`{m.value}`" for m in tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {"str": "text"}.get(getattr(tp, "__name__", str(tp)), getattr(tp, "__name__", str(tp)))


def _models(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    seen.setdefault(model.__name__, model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            tp = stack.pop()
            stack.extend(typing.get_args(tp))
            if isinstance(tp, type) and issubclass(tp, BaseModel) and tp.__name__ not in seen:
                _models(tp, seen)


def _table(model: type[BaseModel]) -> str:
    rows = ["| key | type | required | meaning |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else "no"
        doc = " ".join((field.description or "").split()).replace("|", "\\|")
        kind = _constrained(_type_name(field.annotation), field.metadata)
        rows.append(f"| `{name}` | {kind} | {required} | {doc} |")
    return "\n".join(rows)


def schema_markdown() -> str:
    parts = ["## Reference (generated from `model/schema.py` by `cfn schema --write`)\n"]
    seen: dict[str, type[BaseModel]] = {}
    for _, model in FILES:
        _models(model, seen)
    for filename, model in FILES:
        parts.append(f"### {filename}\n\n{(model.__doc__ or '').strip()}\n\n{_table(model)}\n")
    for name, model in seen.items():
        if model in {m for _, m in FILES}:
            continue
        parts.append(f"### {name}\n\n{(model.__doc__ or '').strip()}\n\n{_table(model)}\n")
    return "\n".join(parts)


MARKER = "<!-- generated below: cfn schema --write docs/content.md -->"


def splice(document: str, reference: str) -> str:
    """Replace everything after MARKER with the generated reference."""
    head = document.split(MARKER)[0].rstrip("\n")
    return f"{head}\n\n{MARKER}\n\n{reference}"
