"""The one sweep harness: every state a learner can reach, checked against a spec.

A spec is a module in this package named after the concept (dashes as underscores) with

* ``expect(values) -> (accepted, lines)``: the set of prediction options that are true at the
  state and the explanation lines it must show, computed in the spec, independently of the
  demo's code (closed forms, another formula, another algorithm). On a tolerance boundary
  (where two honest float computations may fall either side) it returns a list of such pairs,
  and the demo must match one of them;
* optionally ``GRID``: ``{control id: [values]}`` replacing a control's full range, with
  ``SUBSAMPLED``: a sentence saying why (only for grids too large to walk in every test run;
  ``CFN_SWEEP_FULL=1`` ignores ``GRID`` and walks the full grid).

The grid is the product of every slider step (the decimal values a range input sends), every
select option and both toggle states; states the demo's constraints map onto one another are
checked once. Explanation lines are compared word for word; a number may differ from the spec's
by one unit in its last shown digit (two honest computations can round a tie differently).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from continuous_function.demo import Demo
from continuous_function.demo.loader import cfdemo

_LIB = cfdemo()


def fmt(x: float, digits: int = 2, plus: bool = False) -> str:
    """The demos' own number formatting (formatting is shared; the numbers are not)."""
    text: str = _LIB.fmt(x, digits, plus)
    return text


Outcome = tuple[set[str], list[str]]
Expect = Callable[[dict[str, Any]], Outcome | list[Outcome]]
FULL = os.environ.get("CFN_SWEEP_FULL") == "1"
NUMBER = re.compile(r"[−+-]?\d+(?:\.\d+)?")


def control_values(demo: Demo, control_id: str) -> list[Any]:
    """Every value a learner can give one control: each slider step, option or toggle state."""
    c = demo.control(control_id)
    if c.kind == "select":
        return [o.id for o in c.options]
    if c.kind == "toggle":
        return [False, True]
    assert c.lo is not None and c.hi is not None and c.step
    n = round((c.hi - c.lo) / c.step)
    return [round(c.lo + k * c.step, 10) for k in range(n + 1)]


def grid(demo: Demo, spec: ModuleType) -> Iterator[dict[str, Any]]:
    """The control grid (with the spec's stated subsampling), after the demo's constraints."""
    override: dict[str, list[Any]] = {} if FULL else getattr(spec, "GRID", {})
    why: str = getattr(spec, "SUBSAMPLED", "")
    assert why or not override, "a subsampled grid must say why"
    ids = [c.id for c in demo.controls]
    axes = [override.get(i) or control_values(demo, i) for i in ids]
    seen: set[tuple[Any, ...]] = set()
    for combo in itertools.product(*axes):
        values = demo.spec.initial(dict(zip(ids, combo, strict=True)))["values"]
        key = tuple(values[i] for i in ids)
        if key not in seen:
            seen.add(key)
            yield values


def _unit(token: str) -> float:
    return 10.0 ** -len(token.split(".")[1]) if "." in token else 1.0


def _number(token: str) -> float:
    return float(token.replace("−", "-"))


def line_mismatch(actual: str, expected: str) -> str:
    """Why `actual` does not say what `expected` says ("" when it does)."""
    a_words, e_words = NUMBER.split(actual), NUMBER.split(expected)
    a_nums, e_nums = NUMBER.findall(actual), NUMBER.findall(expected)
    if a_words != e_words or len(a_nums) != len(e_nums):
        return f"words differ:\n  demo: {actual}\n  spec: {expected}"
    for a, e in zip(a_nums, e_nums, strict=True):
        if _unit(a) != _unit(e) or abs(_number(a) - _number(e)) > 1.0001 * _unit(a):
            return f"number {a} should be {e}:\n  demo: {actual}\n  spec: {expected}"
    return ""


@dataclass
class Failure:
    values: dict[str, Any]
    why: str

    def __str__(self) -> str:
        return f"{self.values}: {self.why}"


def sweep(demo: Demo, spec: ModuleType, limit: int = 5) -> tuple[int, list[Failure]]:
    """Check every grid state; return (states checked, the first `limit` failures)."""
    expect: Expect = spec.expect
    failures: list[Failure] = []
    count = 0
    for values in grid(demo, spec):
        count += 1
        answer = demo.spec.answer_for(values, demo.spec.derived(values))
        outcomes = expect(values)
        whys = [
            _mismatch(answer, o) for o in (outcomes if isinstance(outcomes, list) else [outcomes])
        ]
        why = "" if "" in whys else whys[0]
        if why:
            failures.append(Failure(values, why))
            if len(failures) >= limit:
                break
    return count, failures


def _mismatch(answer: Any, outcome: Outcome) -> str:
    accepted, lines = outcome
    got = set(answer.accepted)
    if got != accepted:
        return f"accepts {sorted(got)}, the math says {sorted(accepted)}"
    if len(answer.lines) != len(lines):
        return f"{len(answer.lines)} lines, the spec has {len(lines)}:\n" + "\n".join(answer.lines)
    return next((w for w in map(line_mismatch, answer.lines, lines) if w), "")


def decimals(x: float, least: int) -> int:
    """At least `least` decimals, more until two significant digits show (at most 7)."""
    d = least
    while d < 7 and abs(x) * 10**d < 9.5:
        d += 1
    return d
