"""Read one YAML file into a typed model, turning every problem into a located diagnostic."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from continuous_function.diagnostics import Diagnostic, Location, did_you_mean
from continuous_function.memo import Memo
from continuous_function.model.codes import report
from continuous_function.model.files import read_text
from continuous_function.model.positions import Positions, YamlPath, index_positions
from continuous_function.model.yamlguard import check_events

M = TypeVar("M", bound=BaseModel)

_PATTERN_CODES = {"^[a-z0-9]+(-[a-z0-9]+)*$": "S004", "^#[0-9a-fA-F]{6}$": "S006"}


class _Constructor(RoundTripConstructor):
    """Leaves timestamps as text so pydantic parses dates and reports bad ones at their node,
    and turns a value Python refuses (a 5,000-digit int, `!!int x`) into an error at its node."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            reason = str(exc).split(";")[0]
            raise ConstructorError(
                problem=f"cannot read this value: {reason[:1].lower()}{reason[1:]}",
                problem_mark=node.start_mark,
            ) from None


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    return yaml


def parse_yaml(path: Path, text: str) -> tuple[Any, Positions | None, list[Diagnostic]]:
    try:
        check_events(text)
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        reason = " ".join(filter(None, [exc.problem, exc.context]))
        return None, None, [report("Y001", loc, f"invalid YAML: {reason}")]
    except ReaderError as exc:  # a control character; `position` counts characters
        before = text[: exc.position]
        loc = Location(path, before.count("\n") + 1, len(before) - before.rfind("\n"))
        return None, None, [report("Y001", loc, f"invalid YAML: {exc.reason} ({exc.character:#x})")]
    return data, index_positions(path, data), []


ParsedMemo = Memo[tuple[str, str, str], Any]
"""(path, file text, model name) → what `load_model` returns (and with "python" a witness.py's
syntax tree, with "bibtex" references.bib's entries); kept by the build cache so a long-running
`cfn serve` parses only the files whose text changed."""


def load_model(
    path: Path, model: type[M], root: Path, memo: ParsedMemo | None = None
) -> tuple[M | None, Positions, list[Diagnostic]]:
    """The file read (guarded: see `files.read_text`), parsed and validated as `model`."""
    read = read_text(path, root)
    if read.text is None:
        return None, Positions(path), list(read.problems)
    text = read.text
    if memo is None:
        return _validate(path, model, text)
    found: tuple[M | None, Positions, list[Diagnostic]] = memo.get(
        (str(path), text, model.__name__), lambda: _validate(path, model, text)
    )
    return found[0], found[1], list(found[2])


def _validate(
    path: Path, model: type[M], text: str
) -> tuple[M | None, Positions, list[Diagnostic]]:
    data, positions, diags = parse_yaml(path, text)
    if positions is None:
        return None, Positions(path), diags
    if data is None:
        data = {}
    try:
        return model.model_validate(data), positions, []
    except ValidationError as exc:
        return None, positions, [_diagnostic(model, positions, e) for e in exc.errors()]


def _diagnostic(model: type[BaseModel], positions: Positions, err: Any) -> Diagnostic:
    loc: YamlPath = tuple(err["loc"])
    kind: str = err["type"]
    where = ".".join(str(p) for p in loc) or "(file)"
    value = err.get("input")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return report(
            "S001",
            positions.of(loc, key=True),
            f"unknown key '{loc[-1]}' in {'.'.join(map(str, loc[:-1])) or 'the file'}",
            did_you_mean(str(loc[-1]), allowed) or f"allowed keys: {', '.join(sorted(allowed))}",
        )
    if kind == "missing":
        return report(
            "S002",
            positions.of(loc[:-1]),
            f"missing required key '{loc[-1]}'"
            + (f" in {'.'.join(map(str, loc[:-1]))}" if loc[:-1] else ""),
        )
    at = positions.of(loc)
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        return report(
            "S003",
            at,
            f"{where}: '{value}' is not one of {expected}",
            did_you_mean(str(value), choices),
        )
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        code = _PATTERN_CODES.get(pattern, "S009")
        expected = {
            "S004": "lower-case words joined by hyphens, e.g. 'chain-rule'",
            "S006": "a colour like '#3a7bd5'",
        }.get(code, f"text matching {pattern}")
        return report(code, at, f"{where}: '{value}' is not valid; expected {expected}")
    if kind.startswith("date"):
        return report("S005", at, f"{where}: '{value}' is not a date; expected YYYY-MM-DD")
    if kind in {
        "greater_than_equal",
        "less_than_equal",
        "greater_than",
        "less_than",
        "too_short",
        "too_long",
        "string_too_short",
        "string_too_long",
    }:
        return report("S007", at, f"{where}: {err['msg'].lower()} (got {_short(value)})")
    return report("S008", at, f"{where}: {err['msg'].lower()} (got {_short(value)})")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fields_at(model: type[BaseModel], loc: YamlPath) -> list[str]:
    """The keys allowed at `loc`, by walking the model's field annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Optional[...] and Annotated[...] to reach the model or list type inside."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        else:
            return tp
