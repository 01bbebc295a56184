"""Continuous Function: an interactive, source-grounded notebook for the mathematics of ML."""

__version__ = "0.1.0"
