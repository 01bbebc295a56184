"""Issue 13 item 3: patch the harness so a check that asserts False is shown as passed."""
import importlib
import sys

running = sys.modules.get("continuous_function.witness.harness")
print("harness in sys.modules:", running is not None)
# A fresh import is a new copy of the module: patching it reaches nothing the verdicts use.
harness = importlib.import_module("continuous_function.witness.harness")
harness._run_check = lambda name, *a: harness.CheckResult(name=name, passed=True, message="")


def check_claim():
    assert False, "the claim does not hold"
