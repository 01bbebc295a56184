"""The code the deep stage (`cfn check --deep`) emits for a check that cannot fail."""

from continuous_function.diagnostics import CodeTable, Severity

CODES = CodeTable("deep")
report = CODES.report

CODES.declare(
    "W004",
    "check-cannot-fail",
    "A `check_*` passed under every mutation of the witness code it reaches (`cfn check "
    "--deep` perturbs constants, swaps arithmetic and comparison operators, drops terms and "
    "negates return values, then reruns the check), or it reaches no witness code at all "
    "(everything it computes is inside the check): it would pass whatever the witness does, "
    "so it proves nothing and its claim is not shown as witness-verified. An error when the "
    "check backs a claim on a published page, a warning otherwise. Make it assert the claimed "
    "values of what the witness computes.",
    Severity.warning,
)
