"""Codes the execute stage emits when a code witness fails, disagrees or hits a limit."""

from continuous_function.diagnostics import CodeTable

CODES = CodeTable("execute")
report = CODES.report

# Code witnesses (emitted by the execute stage)
CODES.declare(
    "W001",
    "witness-failed",
    "witness.py raised an exception at build time; the location is the failing line in witness.py.",
)
CODES.declare(
    "W002",
    "check-failed",
    "A claim's `check_*` function failed: the claim and its code "
    "witness disagree. The message gives the assertion and the line in witness.py.",
)
CODES.declare(
    "W003",
    "witness-limit",
    "witness.py exceeded a limit: the time limit, the memory "
    "limit, the output cap, or it tried to reach the network (witnesses run offline).",
)
