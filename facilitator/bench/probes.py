"""The two measurements the benchmarks combine: timer broadcasts and note acks."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid

import gevent
import gevent.event
import socketio

from .server import FacilitatorSession

ACTIONS = ("start", "pause", "extend", "start", "shorten", "pause")
ROUND_TIMEOUT_S = 15
ACK_TIMEOUT_S = 30


class BroadcastProbe:
    """How long each phone takes to get a timer_state after the facilitator's command."""

    def __init__(self) -> None:
        self.waiting: dict[int, float] = {}
        self.latencies: list[float] = []
        self.missed = 0
        self.done = gevent.event.Event()

    def setup(self, index: int, client: socketio.Client) -> None:
        def on_state(_state: dict) -> None:
            started = self.waiting.pop(index, None)
            if started is not None:
                self.latencies.append((time.perf_counter() - started) * 1000)
                if not self.waiting:
                    self.done.set()
        client.on("timer_state", on_state)

    def rounds(self, facilitator: socketio.Client, phones: list[socketio.Client], count: int) -> None:
        """Send ``count`` timer commands; wait each time for every connected phone."""
        indexes = [phone.bench_index for phone in phones]
        for round_no in range(count):
            self.done.clear()
            started = time.perf_counter()
            self.waiting.update({i: started for i in indexes})
            facilitator.call("timer_command", {"action": ACTIONS[round_no % len(ACTIONS)]},
                             timeout=ROUND_TIMEOUT_S)
            self.done.wait(ROUND_TIMEOUT_S)
            self.missed += len(self.waiting)
            self.waiting.clear()


class NoteProbe:
    """Every phone sends one note at once; lost and duplicated are counted in the database."""

    def __init__(self) -> None:
        self.marker = f"bench-{uuid.uuid4().hex[:8]}"
        self.sent: set[str] = set()
        self.acked: list[str] = []
        self.latencies: list[float] = []

    def send_all(self, phones: list[socketio.Client]) -> None:
        gevent.joinall([gevent.spawn(self._send, i, p) for i, p in enumerate(phones)])

    def _send(self, index: int, phone: socketio.Client) -> None:
        note = {"id": str(uuid.uuid4()), "text": f"{self.marker} lapp {index}: samverkan åäö"}
        self.sent.add(note["id"])
        started = time.perf_counter()
        try:
            ack = phone.call("note_submit", note, timeout=ACK_TIMEOUT_S)
        except socketio.exceptions.TimeoutError:
            return
        if ack.get("ok"):
            self.latencies.append((time.perf_counter() - started) * 1000)
            self.acked.append(note["id"])

    def count(self, session: FacilitatorSession, event_id: str) -> dict[str, int]:
        """lost / lost_acked / duplicated, from the database through the JSON export."""
        rows = json.loads(session.get(f"/f/events/{event_id}/notes.json"))["notes"]
        stored = [r["id"] for r in rows if r["text"].startswith(self.marker)]
        counts = {note_id: stored.count(note_id) for note_id in self.sent}
        return {"lost": sum(1 for c in counts.values() if c == 0),
                "lost_acked": sum(1 for i in self.acked if counts[i] == 0),
                "duplicated": sum(c - 1 for c in counts.values() if c > 1)}


class RemoteFacilitator:
    """The facilitator's control page in a process of its own (bench/remote.py), as in a room
    where it runs on a laptop, not inside the phones' event loop. ``call`` and ``disconnect``
    stand in for the socketio.Client methods the probes use."""

    def __init__(self, base: str, event_id: str, session: FacilitatorSession):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator.bench.remote", base, event_id,
             session.socket_token(event_id)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if not self._answer().get("ok"):
            raise OSError("the facilitator process could not connect")

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise OSError("the facilitator process ended")
        return json.loads(line)

    def call(self, event: str, data: dict, timeout: float) -> dict:
        assert event == "timer_command"
        self.process.stdin.write(f"{data['action']}\n")
        self.process.stdin.flush()
        return self._answer()

    def disconnect(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def facilitator_client(base: str, event_id: str, session: FacilitatorSession) -> RemoteFacilitator:
    return RemoteFacilitator(base, event_id, session)


def per_client_kb(before: float | None, after: float | None, count: int) -> float | None:
    if before is None or after is None or not count:
        return None
    return round((after - before) * 1024 / count, 1)
