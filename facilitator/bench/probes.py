"""The two measurements the benchmarks combine: timer broadcasts and note acks, both made by
the phone processes of a Fleet, and the facilitator's control page in a process of its own."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid

from .fleet import Fleet
from .server import FacilitatorSession

ACTIONS = ("start", "pause", "extend", "start", "shorten", "pause")
ROUND_TIMEOUT_S = 15


class BroadcastProbe:
    """How long each phone takes to get a timer_state after the facilitator's command."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.missed = 0
        self.phone_cpu_s = 0.0  # CPU the phone processes spent from arm to collect
        self.rounds_run = 0

    def rounds(self, facilitator: "RemoteFacilitator", fleet: Fleet, count: int) -> None:
        """Send ``count`` timer commands; wait each time for every connected phone.

        Every command of a round goes out before the timer command does: the phones are
        armed and told to collect, then the facilitator sends; the coordinator reads the
        phones' answers (asleep until the round is over) and only then the send time, so
        nothing but the server and the phones runs while a round is in flight."""
        for round_no in range(count):
            fleet.all("arm")
            fleet.send("collect", until=time.monotonic() + ROUND_TIMEOUT_S)
            facilitator.send(ACTIONS[round_no % len(ACTIONS)])
            parts = fleet.answers()
            sent_at = facilitator.sent_at()
            for part in parts:
                self.latencies.extend((at - sent_at) * 1000 for at in part["received"])
                self.missed += part["missed"]
                self.phone_cpu_s += part["cpu_s"]
            self.rounds_run += 1

    def phone_cpu_ms_per_round(self) -> float | None:
        """What the phones themselves cost per round (all processes): the client's share of
        the cores, to set against the propagation times when both run on one machine."""
        if not self.rounds_run:
            return None
        return round(self.phone_cpu_s * 1000 / self.rounds_run, 1)


class NoteProbe:
    """Every phone sends one note at once; lost and duplicated are counted in the database."""

    def __init__(self) -> None:
        self.marker = f"bench-{uuid.uuid4().hex[:8]}"
        self.sent: set[str] = set()
        self.acked: list[str] = []
        self.latencies: list[float] = []

    def start(self, fleet: Fleet) -> None:
        fleet.all("notes")

    def finish(self, fleet: Fleet) -> None:
        for part in fleet.all("notes_result"):
            self.sent.update(part["sent"])
            self.acked.extend(part["acked"])
            self.latencies.extend(part["latencies_ms"])

    def count(self, session: FacilitatorSession, event_id: str) -> dict[str, int]:
        """lost / lost_acked / duplicated, from the database through the JSON export."""
        rows = json.loads(session.get(f"/f/events/{event_id}/notes.json"))["notes"]
        stored = [r["id"] for r in rows if r["text"].startswith(self.marker)]
        counts = {note_id: stored.count(note_id) for note_id in self.sent}
        return {"lost": sum(1 for c in counts.values() if c == 0),
                "lost_acked": sum(1 for i in self.acked if counts.get(i, 0) == 0),
                "duplicated": sum(c - 1 for c in counts.values() if c > 1)}


class RemoteFacilitator:
    """The facilitator's control page in a process of its own (remote.py), as in a room
    where it runs on a laptop, not inside the phones' event loop."""

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

    def send(self, action: str) -> None:
        """Have the facilitator send a timer command (its answer is read by ``sent_at``)."""
        self.process.stdin.write(f"{action}\n")
        self.process.stdin.flush()

    def sent_at(self) -> float:
        """When the last command's frame was written to the socket, once its ack is in."""
        return self._answer()["sent_at"]

    def disconnect(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def per_client_kb(before: float | None, after: float | None, count: int) -> float | None:
    if before is None or after is None or not count:
        return None
    return round((after - before) * 1024 / count, 1)
