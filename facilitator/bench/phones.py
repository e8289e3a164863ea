"""One client process of phones: `python -m facilitator.bench.phones URL EVENT FIRST COUNT MARKER`.

Real phones are separate machines; a thousand clients in one process measure that process's
own event loop (it showed 174-194 ms where the server's broadcast p99 was 49-56 ms). The bench
starts several of these (fleet.py) and steers them with one JSON command per line on stdin;
each answers with one JSON line on stdout. Times are time.monotonic(), which every process
on the machine shares, so a receive time here minus the facilitator process's send time
is the propagation time.

Commands: {"do": "arm"} (count the next timer_state of every phone), {"do": "collect",
"until": T} (wait until all have it or monotonic time T), {"do": "notes"} (every phone sends
one note, in the background), {"do": "notes_result"}, {"do": "quit"}.
"""
from __future__ import annotations

import gevent
from gevent import monkey

gevent.config.track_greenlet_tree = False
monkey.patch_all()

import json  # noqa: E402
import logging  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402

import gevent.event  # noqa: E402
import socketio  # noqa: E402
from gevent.fileobject import FileObjectPosix  # noqa: E402

CONNECT_BATCH = 50
ACK_TIMEOUT_S = 30


class Phones:
    """COUNT participant clients over WebSocket and what they measured."""

    def __init__(self, base: str, event_id: str, first: int, count: int, marker: str):
        self.base, self.event_id, self.marker = base, event_id, marker
        self.indexes = range(first, first + count)
        self.clients: dict[int, socketio.Client] = {}
        self.waiting: set[int] = set()
        self.received: list[float] = []
        self.all_in = gevent.event.Event()
        self.sending: gevent.Greenlet | None = None
        self.notes: dict = {"sent": [], "acked": [], "latencies_ms": []}

    def connect_all(self) -> float:
        started = time.monotonic()
        for start in range(0, len(self.indexes), CONNECT_BATCH):
            batch = self.indexes[start:start + CONNECT_BATCH]
            gevent.joinall([gevent.spawn(self._connect, i) for i in batch])
        return time.monotonic() - started

    def _connect(self, index: int) -> None:
        client = socketio.Client(reconnection=False)
        client.on("timer_state", lambda _state: self._got_state(index))
        try:
            client.connect(self.base, auth={"event": self.event_id, "role": "participant"},
                           transports=["websocket"], wait_timeout=60)
        except socketio.exceptions.ConnectionError:
            return
        self.clients[index] = client

    def _got_state(self, index: int) -> None:
        at = time.monotonic()
        if index in self.waiting:
            self.waiting.discard(index)
            self.received.append(at)
            if not self.waiting:
                self.all_in.set()

    def arm(self) -> dict:
        self.received, self.waiting = [], set(self.clients)
        self.all_in.clear()
        return {"armed": len(self.waiting)}

    def collect(self, until: float) -> dict:
        self.all_in.wait(max(0.0, until - time.monotonic()))
        missed = len(self.waiting)
        self.waiting = set()
        return {"received": self.received, "missed": missed}

    def start_notes(self) -> dict:
        self.sending = gevent.spawn(lambda: gevent.joinall(
            [gevent.spawn(self._send, i, c) for i, c in list(self.clients.items())]))
        return {"sending": len(self.clients)}

    def _send(self, index: int, client: socketio.Client) -> None:
        note = {"id": str(uuid.uuid4()), "text": f"{self.marker} lapp {index}: samverkan åäö"}
        self.notes["sent"].append(note["id"])
        started = time.monotonic()
        try:
            ack = client.call("note_submit", note, timeout=ACK_TIMEOUT_S)
        except socketio.exceptions.TimeoutError:
            return
        if ack.get("ok"):
            self.notes["latencies_ms"].append((time.monotonic() - started) * 1000)
            self.notes["acked"].append(note["id"])

    def notes_result(self) -> dict:
        if self.sending:
            self.sending.join()
        return self.notes

    def quit(self) -> dict:
        gevent.joinall([gevent.spawn(c.disconnect) for c in self.clients.values()], timeout=30)
        return {"bye": True}


def serve(phones: Phones) -> None:
    """Answer commands from stdin (read without blocking the phones' event loop)."""
    stdin = FileObjectPosix(sys.stdin.fileno(), "r", close=False)
    connect_s = phones.connect_all()
    answer({"connected": len(phones.clients), "connect_s": round(connect_s, 2)})
    for line in stdin:
        command = json.loads(line)
        do = command["do"]
        if do == "collect":
            answer(phones.collect(command["until"]))
        elif do in ("arm", "notes_result"):
            answer(getattr(phones, do)())
        elif do == "notes":
            answer(phones.start_notes())
        else:
            answer(phones.quit())
            return


def answer(data: dict) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    base, event_id, first, count, marker = argv
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    for name in ("engineio.client", "socketio.client"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    serve(Phones(base, event_id, int(first), int(count), marker))


if __name__ == "__main__":
    main(sys.argv[1:6])
