"""Sliding-window counters: how many times a key acted in the last window.

Used for the per-phone, per-address and per-event ceilings on notes, phone keys and
check-ins (issue 24). ``windows_for(config)`` gives counters in this process's memory,
or, when several processes serve one event (a Redis message queue, or
FACILITATOR_RATELIMIT_STORAGE), counters in that shared storage: a phone or an attacker
spread over processes then meets one count, as the page limits (limits.py) do. While the
shared storage is unreachable the counts fall back to this process's memory, so a Redis
restart never refuses notes.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any, Hashable

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from .limits import storage_uri

# Past this many keys the oldest idle ones are dropped, so memory stays bounded.
MAX_KEYS = 50_000
WINDOW_MS = 60_000
log = logging.getLogger(__name__)


class Windows:
    """``allow(key, limit, at_ms)`` is True (and counts) while key has < limit hits in the window."""

    def __init__(self, window_ms: int = WINDOW_MS):
        self.window_ms = window_ms
        self.hits: dict[Hashable, deque[int]] = {}
        self.lock = threading.Lock()

    def allow(self, key: Hashable, limit: int, at_ms: int) -> bool:
        return self.allow_all([(key, limit)], at_ms)

    def allow_all(self, checks: list[tuple[Hashable, int]], at_ms: int) -> bool:
        """Every (key, limit) has room: count them all; any full: count none."""
        with self.lock:
            for key, limit in checks:
                recent = self.hits.setdefault(key, deque())
                while recent and at_ms - recent[0] >= self.window_ms:
                    recent.popleft()
                if len(recent) >= limit:
                    return False
            for key, _limit in checks:
                self.hits[key].append(at_ms)
            if len(self.hits) > MAX_KEYS:
                self._prune(at_ms)
            return True

    def _prune(self, at_ms: int) -> None:
        for key in [k for k, q in self.hits.items() if not q or at_ms - q[-1] >= self.window_ms]:
            del self.hits[key]


class SharedWindows:
    """The same counters in a storage several processes share (``limits``' moving window,
    one minute). The clock is the storage's, so ``at_ms`` only serves the memory fallback."""

    def __init__(self, storage_uri: str, prefix: str = "facilitator-windows"):
        self.storage = storage_from_string(storage_uri)
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.prefix = prefix
        self.fallback = Windows()
        self.warned_at = -WINDOW_MS

    def allow(self, key: Hashable, limit: int, at_ms: int) -> bool:
        return self.allow_all([(key, limit)], at_ms)

    def allow_all(self, checks: list[tuple[Hashable, int]], at_ms: int) -> bool:
        items = [(RateLimitItemPerMinute(limit), self._name(key)) for key, limit in checks]
        try:
            if not all(self.limiter.test(item, name) for item, name in items):
                return False
            return all([self.limiter.hit(item, name) for item, name in items])
        except Exception as exc:  # noqa: BLE001 - storage down: count here until it is back
            if at_ms - self.warned_at >= WINDOW_MS:      # once a minute, not once a note
                self.warned_at = at_ms
                log.warning("shared limit storage unreachable (%s); counting in this process",
                            type(exc).__name__)
            return self.fallback.allow_all(checks, at_ms)

    def _name(self, key: Hashable) -> str:
        parts = key if isinstance(key, tuple) else (key,)
        return "|".join([self.prefix, *(str(p) for p in parts)])


def windows_for(config: Any) -> Windows | SharedWindows:
    """Counters where the page limits keep theirs: shared storage, else this process."""
    uri = storage_uri(config)
    return Windows() if uri.startswith("memory://") else SharedWindows(uri)
