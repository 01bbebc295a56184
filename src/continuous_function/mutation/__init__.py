"""Mutation testing of claim checks: prove each `check_*` can fail.

    reports, diagnostics = deep_check(atlas, witness_results, cache_dir)   # cfn check --deep

A check that passes whatever the witness code does backs nothing. Each witness is mutated one
small bug at a time and its checks rerun in the warm witness worker; a check that passes under
every mutation of the code it reaches is reported as W004 and loses its claim's
"witness-verified" badge. Module map:

- `operators` the mutations (constants, operators, dropped terms, return values) on one tree
- `reach`     which top-level code each check depends on; the pruned module mutants run
- `analyse`   run the mutants through `WitnessWorker`, score every check, cache the reports
- `report`    the models: MutationReport, CheckScore, Mutant
- `stage`     the build's deep stage: reports and W004 diagnostics

A small AST mutator rather than a mutation library (mutmut, cosmic-ray): those rewrite files on
disk and drive a pytest run per mutant, while a witness is an in-memory source the sandboxed
worker runs in ~10 ms; mutating the tree and handing `ast.unparse` to the existing runner keeps
one sandbox, one worker and no files.
"""

from continuous_function.mutation.report import CheckScore, Mutant, MutationReport, can_fail
from continuous_function.mutation.stage import deep_check

__all__ = ["CheckScore", "Mutant", "MutationReport", "can_fail", "deep_check"]
