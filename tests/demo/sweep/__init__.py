"""Sweep specs: one module per demo, each an independent computation of what its answer and
explanation must say at a state (see harness.py for the contract)."""
