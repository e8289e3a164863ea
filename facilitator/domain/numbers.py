"""Numbers as the reader writes them: 3,2 in Swedish, 3.2 in English.

The one server-side formatter: page templates (the ``decimal`` filter), the
report and the Markdown all call it; static/js/realtime.js (Realtime.decimal)
does the same with Intl.NumberFormat for what the browser draws.
"""
from __future__ import annotations

from babel.numbers import format_decimal

# Up to two decimals, none when there are none: 3 -> "3", 3.25 -> "3,25", 1234.5 -> "1 234,5".
PATTERN = "#,##0.##"


def decimal(value: float, language: str) -> str:
    """``value`` with the decimal sign and digit grouping of ``language`` ("sv" or "en")."""
    return format_decimal(value, format=PATTERN, locale=language if language in ("sv", "en") else "sv")
