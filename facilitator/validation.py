"""The error for input a person can fix, shared by every use-case module."""
from __future__ import annotations


class ValidationError(ValueError):
    """``errors`` maps a field name to a message key the page translates."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
