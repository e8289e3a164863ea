"""The error for input a person can fix, shared by every use-case module."""
from __future__ import annotations


class ValidationError(ValueError):
    """``errors`` maps a field name to a message key the page translates."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def whole_number(value: object, low: int, high: int, field: str) -> int:
    """An integer from a form or a message, within [low, high], or ValidationError for ``field``."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError({field: "not_a_number"}) from None
    if not low <= number <= high:
        raise ValidationError({field: "out_of_range"})
    return number
