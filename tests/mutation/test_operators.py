"""Each operator plants the bug it names, and undoing it restores the tree exactly."""

from __future__ import annotations

import ast

from continuous_function.mutation.operators import sites

SOURCE = '''\
def f(a, b):
    """A docstring is not mutated."""
    assert a > 0  # nor are asserts
    if a < b and b != 0:
        a += 1
    print(f"{a + 1}")
    return a * 2.5 - b
'''

EXPECTED = {
    "'<' → '>'",
    "'!=' → '=='",
    "'and' → 'or'",
    "'+=' → '-='",
    "1 → 2",
    "0 → 1",
    "return -(a * 2.5 - b)",
    "'-' → '+'",
    "drop '- b'",
    "drop 'a * 2.5 -'",
    "'*' → '/'",
    "drop '* 2.5'",
    "2.5 → 5.0",
}


def test_every_operator_and_nothing_else() -> None:
    tree = ast.parse(SOURCE)
    found = sites(tree.body)
    assert {s.description for s in found} == EXPECTED
    before = ast.unparse(tree)
    mutants = set()
    for site in found:
        undo = site.apply()
        mutants.add(ast.unparse(tree))
        undo()
        assert ast.unparse(tree) == before, site.description
    assert len(mutants) == len(found) and before not in mutants
