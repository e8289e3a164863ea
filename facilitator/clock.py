"""The server's clock, in one place so every module agrees on units."""
from __future__ import annotations

import time
from datetime import datetime, timezone


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def now() -> datetime:
    return datetime.now(timezone.utc)


def utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, as stored in the database."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
