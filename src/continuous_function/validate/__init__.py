"""Validation: every problem in the content, each with file:line:col, code and fix."""
