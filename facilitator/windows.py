"""Sliding-window counters in memory: how many times a key acted in the last window.

Used for the per-phone, per-address and per-event ceilings on notes, phone keys and
check-ins (issue 24). They live in this process only: behind several processes each
keeps its own count (Socket.IO keeps a connection on one process, so a phone meets
one counter; an attacker spread over processes meets one per process).
"""
from __future__ import annotations

import threading
from collections import deque
from typing import Hashable

# Past this many keys the oldest idle ones are dropped, so memory stays bounded.
MAX_KEYS = 50_000


class Windows:
    """``allow(key, limit, at_ms)`` is True (and counts) while key has < limit hits in the window."""

    def __init__(self, window_ms: int = 60_000):
        self.window_ms = window_ms
        self.hits: dict[Hashable, deque[int]] = {}
        self.lock = threading.Lock()

    def allow(self, key: Hashable, limit: int, at_ms: int) -> bool:
        with self.lock:
            recent = self.hits.setdefault(key, deque())
            while recent and at_ms - recent[0] >= self.window_ms:
                recent.popleft()
            if len(recent) >= limit:
                return False
            recent.append(at_ms)
            if len(self.hits) > MAX_KEYS:
                self._prune(at_ms)
            return True

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
