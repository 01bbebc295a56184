"""Codes the demo stage emits: the portability lint (D001…, `lint.py`), loading a demo and
checking its storyboard (D100…, `site/demos.py`)."""

from continuous_function.diagnostics import CodeTable, Severity

CODES = CodeTable("demo")
report = CODES.report

# The portability lint: what MicroPython (the browser runtime) lacks or does differently
CODES.declare(
    "D001",
    "import-not-portable",
    "Imports a module other than `math` and `cfdemo`; MicroPython's browser build lacks "
    "most of the standard library (no typing, dataclasses, __future__, numpy).",
)
CODES.declare(
    "D002",
    "forbidden-call",
    "Calls eval, exec, compile, open, input, __import__, globals, locals or breakpoint; "
    "demos never evaluate text and never touch files.",
)
CODES.declare(
    "D003",
    "number-format",
    "Formats text with a format spec or conversion in an f-string, format(), str.format() "
    "or %; use fmt(), which rounds identically in CPython and MicroPython.",
)
CODES.declare(
    "D004",
    "round-digits",
    "round(x, n) rounds differently in CPython and MicroPython; use fmt() for display.",
)
CODES.declare(
    "D005",
    "unsupported-syntax",
    "Syntax MicroPython does not parse: match, ** in a dict display, * in a list, tuple "
    "or set display, positional-only parameters, except*, class keywords.",
)
CODES.declare(
    "D006",
    "unsupported-method",
    "Calls a str method MicroPython lacks (rjust, ljust, zfill, title, capitalize, "
    "isidentifier, isalnum, casefold, removeprefix, removesuffix, …).",
)
CODES.declare(
    "D007",
    "unordered-iteration",
    "Iterates over dict keys/values/items or a set without sorted(); MicroPython iterates "
    "in hash order, so the output order would differ from CPython.",
    Severity.warning,
)
CODES.declare(
    "D008",
    "bool-is-int",
    "isinstance(x, int): in MicroPython True is not an int; test bools with `type(x) is "
    "bool` first.",
    Severity.warning,
)
CODES.declare(
    "D009",
    "missing-entry",
    "The module does not bind `demo = Demo(...)` and `handle = demo.handle` at top level.",
)
CODES.declare(
    "D010",
    "syntax-error",
    "The module does not parse in CPython.",
)
CODES.declare(
    "D011",
    "micropython-compile",
    "MicroPython's compiler (mpy-cross, the runtime's version) rejects the module.",
)
CODES.declare(
    "D012",
    "float-text",
    "A computed number becomes text without fmt() (an f-string field, str() or repr() of "
    "arithmetic or a math call); MicroPython's float repr is not CPython's.",
)

# Demos (emitted by the demo stage; D001… are the portability lint of demo/lint.py)
CODES.declare(
    "D100",
    "demo-load-error",
    "demo.py does not import, or its declaration is inconsistent (see docs/demos.md).",
)
CODES.declare(
    "D101",
    "bad-storyboard-state",
    "A storyboard frame's `state` names a control the demo "
    "does not have, or a value outside the control's range or options.",
)
