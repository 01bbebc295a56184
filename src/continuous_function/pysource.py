"""Parse and compile curriculum Python (witness.py, demo.py) with one failure type.

CPython's parser and compiler recurse: `x = 1+1+…+1` with 50,000 terms raises RecursionError
and a long chain of unary minus signs MemoryError, neither of which is a SyntaxError. Every
stage that parses author code goes through here so each reports such a file as a syntax error
at its path instead of printing a traceback.
"""

from __future__ import annotations

import ast
from types import CodeType


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """`ast.parse`, raising SyntaxError for code too deeply nested to parse.

    CPython 3.11 sometimes reports that depth as SystemError ("AST constructor recursion depth
    mismatch") instead of RecursionError, depending on the caller's stack."""
    try:
        return ast.parse(source, filename)
    except (RecursionError, MemoryError):
        raise _too_deep(filename) from None
    except SystemError as exc:
        if "recursion depth" not in str(exc):
            raise
        raise _too_deep(filename) from None


def compile_module(source: str, filename: str) -> CodeType:
    """`compile(…, "exec")`, raising SyntaxError for code too deeply nested to compile."""
    try:
        return compile(source, filename, "exec")
    except (RecursionError, MemoryError):
        raise _too_deep(filename) from None


def _too_deep(filename: str) -> SyntaxError:
    return SyntaxError("expression nested too deeply to parse", (filename, 1, 1, None))
