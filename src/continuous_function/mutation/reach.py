"""Which top-level code of a witness each `check_*` depends on, found by name resolution.

"The code a check claims to test" is every top-level definition the check can reach through the
global names it (and what it calls) uses: functions, classes, module constants and the imports
they need. Python's own `symtable` says which names in a function are globals, so a local `n`
in a check never drags in a top-level `for n in …` loop that only prints a table.

The same analysis gives the *pruned* module the mutants run: imports, the reached definitions
and the checks, without the top-level prints, tables and figures no check reads. The caller
confirms that the pruned module still passes the checks before trusting it.
"""

from __future__ import annotations

import ast
import symtable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reach:
    tree: ast.Module
    reached: dict[str, frozenset[int]]
    """Per check: indices into `tree.body` of the statements it depends on (checks excluded)."""
    check_lines: dict[str, int]
    """Per check: the line of its `def` in witness.py."""

    def statements(self, check: str) -> list[ast.stmt]:
        return [self.tree.body[i] for i in sorted(self.reached.get(check, ()))]

    def whole(self) -> Reach:
        """Every check reaching every other statement: for a witness whose checks depend on
        top-level calls (`record(3)`) that name resolution cannot follow."""
        others = frozenset(i for i, s in enumerate(self.tree.body) if _defined_check(s) is None)
        return Reach(self.tree, dict.fromkeys(self.reached, others), self.check_lines)

    def pruned(self) -> ast.Module:
        """Imports, every statement some check reaches, and the checks themselves."""
        keep = set().union(*self.reached.values()) if self.reached else set()
        body = [
            stmt
            for i, stmt in enumerate(self.tree.body)
            if i in keep
            or isinstance(stmt, ast.Import | ast.ImportFrom)
            or _defined_check(stmt) in self.check_lines
        ]
        return ast.Module(body=body, type_ignores=[])


def reach(source: str, filename: str, checks: tuple[str, ...]) -> Reach:
    """Raises SyntaxError for a witness that does not parse (the witness run reports it)."""
    tree = ast.parse(source, filename)
    table = symtable.symtable(source, filename, "exec")
    scopes = {(t.get_name(), t.get_lineno()): t for t in table.get_children()}
    binders: dict[str, list[int]] = {}
    uses: list[set[str]] = []
    for i, stmt in enumerate(tree.body):
        for name in _bound_names(stmt):
            binders.setdefault(name, []).append(i)
        uses.append(_global_uses(stmt, scopes))
    check_lines = {}
    reached: dict[str, frozenset[int]] = {}
    for i, stmt in enumerate(tree.body):
        defined = _defined_check(stmt)
        if defined is None or defined not in checks:
            continue
        check_lines[defined] = stmt.lineno
        seen: set[int] = set()
        todo = list(uses[i])
        while todo:
            for j in binders.get(todo.pop(), ()):
                if j not in seen:
                    seen.add(j)
                    todo += uses[j]
        reached[defined] = frozenset(j for j in seen if _defined_check(tree.body[j]) is None)
    return Reach(tree, reached, check_lines)


def _defined_check(stmt: ast.stmt) -> str | None:
    if isinstance(stmt, ast.FunctionDef) and stmt.name.startswith("check_"):
        return stmt.name
    return None


def _bound_names(stmt: ast.stmt) -> set[str]:
    """Names a top-level statement defines or changes (`d[k] = v` changes `d`)."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    if isinstance(stmt, ast.Import | ast.ImportFrom):
        return {(a.asname or a.name).split(".")[0] for a in stmt.names}
    if isinstance(stmt, ast.Expr):
        return set()  # a call for its effect (a print, a plot); pruning drops it
    targets: list[ast.AST]
    if isinstance(stmt, ast.Assign):
        targets = list(stmt.targets)
    elif isinstance(stmt, ast.AugAssign | ast.AnnAssign):
        targets = [stmt.target]
    else:
        targets = [stmt]  # for, with, if, try: whatever they assign anywhere inside
    names = set()
    for target in targets:
        for node in ast.walk(target):
            if isinstance(node, ast.Name) and (
                target is not stmt or isinstance(node.ctx, ast.Store)
            ):
                names.add(node.id)
            elif isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
    return names


def _global_uses(stmt: ast.stmt, scopes: dict[tuple[str, int], symtable.SymbolTable]) -> set[str]:
    """Global names the statement reads: for a def or class, those of its scope (and nested
    scopes) plus its decorators and defaults; for anything else, every name in it."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        scope = scopes.get((stmt.name, stmt.lineno))
        outside: list[ast.AST] = list(stmt.decorator_list)
        if isinstance(stmt, ast.ClassDef):
            outside += stmt.bases
        else:
            outside += [*stmt.args.defaults, *(d for d in stmt.args.kw_defaults if d)]
        names = {n.id for e in outside for n in ast.walk(e) if isinstance(n, ast.Name)}
        if scope is None:  # not expected; fall back to every name in the definition
            return names | {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
        return names | _scope_globals(scope)
    return {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}


def _scope_globals(scope: symtable.SymbolTable) -> set[str]:
    names = set()
    for symbol in scope.get_symbols():
        if symbol.is_global() or (
            scope.get_type() == "class" and symbol.is_referenced() and not symbol.is_assigned()
        ):
            names.add(symbol.get_name())
    for child in scope.get_children():
        names |= _scope_globals(child)
    return names
