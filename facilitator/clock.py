"""The server's clock, in one place so every module agrees on units."""
from __future__ import annotations

import time
from datetime import datetime, timezone


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def now() -> datetime:
    return datetime.now(timezone.utc)


def utc_minute(moment: datetime) -> str:
    """ISO 8601 in UTC to the minute: for rows whose exact time could join them (issue 24)."""
    return moment.astimezone(timezone.utc).replace(second=0, microsecond=0).isoformat(
        timespec="minutes")


def minute_of(stored: str) -> str:
    """A stored ISO time cut to the minute, for whatever leaves the server (issue 24)."""
    try:
        return utc_minute(datetime.fromisoformat(stored))
    except (TypeError, ValueError):
        return stored[:16]


def utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, as stored in the database."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
