"""How many phones are connected now, per event: this process's share.

Socket.IO keeps a phone on one process, so each process counts its own and
tells the control pages with its process id; a control page adds up the
latest count of every process it heard from in the last HEARTBEAT_S * 2.5
seconds. Each process repeats its counts every HEARTBEAT_S seconds, so a
process that died drops out of the sum, and a page that just opened has
every process's count within that time (its own process's at once).
"""
from __future__ import annotations

import threading
import uuid
from collections import Counter
from typing import Any

HEARTBEAT_S = 30


class Presence:
    """Phones connected to this process, by event id. Thread-safe."""

    def __init__(self) -> None:
        self.process = uuid.uuid4().hex[:12]
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()

    def join(self, event_id: str) -> None:
        with self.lock:
            self.counts[event_id] += 1

    def leave(self, event_id: str) -> None:
        with self.lock:
            self.counts[event_id] -= 1
            if self.counts[event_id] <= 0:
                del self.counts[event_id]

    def events(self) -> list[str]:
        with self.lock:
            return list(self.counts)

    def payload(self, event_id: str, now_ms: int) -> dict[str, Any]:
        with self.lock:
            connected = self.counts.get(event_id, 0)
        return {"connected": connected, "process": self.process, "at": now_ms}
