"""Mutation operators: small, plausible bugs planted one at a time in a witness's syntax tree.

Each operator is a typo a person could make and a check should notice: a perturbed numeric
constant, a swapped arithmetic or comparison operator, a dropped term, a negated return value.
A `Site` changes the tree in place and undoes the change, so thousands of mutants need one tree
and no copies; `ast.unparse` turns each mutated tree into the source a worker runs.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Undo = Callable[[], None]

_ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.MatMult: ast.Mult,
}
_COMPARISON: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.Gt,
    ast.Gt: ast.Lt,
    ast.LtE: ast.GtE,
    ast.GtE: ast.LtE,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_SYMBOL = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.MatMult: "@",
    ast.Lt: "<",
    ast.Gt: ">",
    ast.LtE: "<=",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_BOOLEAN_RESULTS = (ast.Compare, ast.BoolOp)
_UNMUTATED_RETURNS = (ast.Tuple, ast.List, ast.Dict, ast.Set, ast.JoinedStr, ast.Constant)


@dataclass(frozen=True)
class Site:
    """One mutation: where it is in witness.py, what it changes, and how to apply it."""

    line: int
    col: int
    description: str
    """What changed, as the author would read it: `'+' → '-'`, `0.5 → 1.0`, `drop '- b'`."""
    apply: Callable[[], Undo]


def sites(statements: list[ast.stmt]) -> list[Site]:
    """Every mutation of the given statements, in source order, skipping code that checks or
    reports rather than computes (asserts, docstrings, f-strings, print calls)."""
    found: list[Site] = []
    for stmt in statements:
        for parent in _walk(stmt):
            found += _sites_of(parent)
    return sorted(found, key=lambda s: (s.line, s.col, s.description))


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    if _skipped(node):
        return
    yield node
    for child in ast.iter_child_nodes(node):
        yield from _walk(child)


def _skipped(node: ast.AST) -> bool:
    if isinstance(node, ast.Assert | ast.JoinedStr | ast.arguments):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return True  # a docstring
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    )


def _sites_of(parent: ast.AST) -> list[Site]:
    """Mutations of `parent`'s own operator, and of its children by replacement."""
    found: list[Site] = []
    if isinstance(parent, ast.BinOp | ast.AugAssign) and type(parent.op) in _ARITHMETIC:
        found.append(_swap_operator(parent))
    if isinstance(parent, ast.Compare):
        found += [_swap_comparison(parent, i) for i in range(len(parent.ops))]
    if isinstance(parent, ast.BoolOp):
        found.append(_swap_boolean(parent))
    if isinstance(parent, ast.Return) and parent.value is not None:
        negated = _negated_return(parent)
        if negated is not None:
            found.append(negated)
    for field, value in ast.iter_fields(parent):
        children = value if isinstance(value, list) else [value]
        for index, child in enumerate(children):
            if isinstance(child, ast.expr) and not _skipped(child):
                slot = index if isinstance(value, list) else None
                found += [
                    _replace(parent, field, slot, child, new, text)
                    for new, text in _replacements(child)
                ]
    return found


def _replacements(node: ast.expr) -> list[tuple[ast.expr, str]]:
    """Expressions that may stand in for `node`: a perturbed constant, a dropped term."""
    value = node.value if isinstance(node, ast.Constant) else None
    if type(value) in (int, float):  # not bool, a subclass of int
        assert isinstance(value, int | float)
        bumped = value + 1 if isinstance(value, int) else (value * 2 if value else 1.0)
        return [(ast.Constant(bumped), f"{value!r} → {bumped!r}")]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        symbol = _SYMBOL[type(node.op)]
        return [
            (node.left, f"drop '{symbol} {_short(node.right)}'"),
            (node.right, f"drop '{_short(node.left)} {symbol}'"),
        ]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div):
        return [(node.left, f"drop '{_SYMBOL[type(node.op)]} {_short(node.right)}'")]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not):
        return [(node.operand, f"drop '{'-' if isinstance(node.op, ast.USub) else 'not'}'")]
    return []


def _assign(node: ast.AST, field: str, slot: int | None, new: object) -> Callable[[], Undo]:
    """Put `new` in `node.field` (or in slot `slot` of that list); undo puts the old value back."""

    def put(value: object) -> None:
        if slot is None:
            setattr(node, field, value)
        else:
            getattr(node, field)[slot] = value

    def apply() -> Undo:
        old = getattr(node, field) if slot is None else getattr(node, field)[slot]
        put(new)
        return lambda: put(old)

    return apply


def _replace(
    parent: ast.AST, field: str, slot: int | None, old: ast.expr, new: ast.expr, text: str
) -> Site:
    return Site(old.lineno, old.col_offset + 1, text, _assign(parent, field, slot, new))


def _swap_operator(node: ast.BinOp | ast.AugAssign) -> Site:
    old, new = node.op, _ARITHMETIC[type(node.op)]()
    suffix = "=" if isinstance(node, ast.AugAssign) else ""
    text = f"'{_SYMBOL[type(old)]}{suffix}' → '{_SYMBOL[type(new)]}{suffix}'"
    return Site(node.lineno, node.col_offset + 1, text, _assign(node, "op", None, new))


def _swap_comparison(node: ast.Compare, index: int) -> Site:
    old = node.ops[index]
    new = _COMPARISON[type(old)]()
    text = f"'{_SYMBOL[type(old)]}' → '{_SYMBOL[type(new)]}'"
    return Site(node.lineno, node.col_offset + 1, text, _assign(node, "ops", index, new))


def _swap_boolean(node: ast.BoolOp) -> Site:
    conjunction = isinstance(node.op, ast.And)
    new: ast.boolop = ast.Or() if conjunction else ast.And()
    text = "'and' → 'or'" if conjunction else "'or' → 'and'"
    return Site(node.lineno, node.col_offset + 1, text, _assign(node, "op", None, new))


def _negated_return(node: ast.Return) -> Site | None:
    value = node.value
    if value is None or isinstance(value, _UNMUTATED_RETURNS):
        return None
    boolean = isinstance(value, _BOOLEAN_RESULTS)
    new: ast.expr = ast.UnaryOp(ast.Not(), value) if boolean else ast.UnaryOp(ast.USub(), value)
    text = f"return {'not ' if boolean else '-'}({_short(value)})"
    return Site(node.lineno, node.col_offset + 1, text, _assign(node, "value", None, new))


def _short(node: ast.AST, limit: int = 40) -> str:
    text = ast.unparse(node)
    return text if len(text) <= limit else text[: limit - 1] + "…"
