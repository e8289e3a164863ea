"""One client process of phones: `python -m facilitator.bench.phones URL EVENT FIRST COUNT MARKER`.

Real phones are separate machines; a thousand clients in one process measure that process's
own event loop (it showed 174-194 ms where the server's broadcast p99 was 49-56 ms). The bench
starts several of these (fleet.py) and steers them with one JSON command per line on stdin;
each answers with one JSON line on stdout. Times are time.monotonic(), which every process
on the machine shares, so a receive time here minus the facilitator process's send time
is the propagation time.

The phones are the bench's own hand-framed Engine.IO/Socket.IO client over aiohttp's
WebSocket (client.py): on two cores every microsecond a phone spends on a message is taken
from the server it measures. The gevent client with websocket-client measured two to three
times the independent generator's figure at 1,000 phones, python-socketio's AsyncClient
1.47 times (docs/performance.md). A timer_state is stamped on its raw frame's prefix; only
the votes event and acks are parsed.

Commands: {"do": "arm"} (count the next timer_state of every phone), {"do": "collect",
"until": T} (wait until all have it or monotonic time T), {"do": "notes"} (every phone sends
one note, in the background), {"do": "notes_result"}, {"do": "votes", "title": T} (every phone
places dots on the open vote titled T, moves them and resends both ballots, in the background;
see votes.py), {"do": "votes_result"}, {"do": "quit"}. Commands are read from stdin on the
phones' own loop (no thread); a "collect" may arrive before the round's command is sent, so
nothing has to wake this process while a round is in flight.
"""
from __future__ import annotations

import asyncio
import json
import random
import resource
import sys
import time
import uuid

import aiohttp

from .client import Socket, SocketError, session, stdin_reader

CONNECT_BATCH = 50
ACK_TIMEOUT_S = 30
TIMER_STATE = '42["timer_state"'
VOTES = '42["votes"'
FAILED = (asyncio.TimeoutError, SocketError, ConnectionError, aiohttp.ClientError)


class Phones:
    """COUNT participant clients over WebSocket and what they measured."""

    def __init__(self, base: str, event_id: str, first: int, count: int, marker: str):
        self.base, self.event_id, self.marker = base, event_id, marker
        self.indexes = range(first, first + count)
        self.http: aiohttp.ClientSession | None = None
        self.clients: dict[int, Socket] = {}
        self.waiting: set[int] = set()
        self.received: list[float] = []
        self.all_in = asyncio.Event()
        self.armed_cpu = 0.0  # process CPU time at the last arm
        self.sending: asyncio.Future | None = None
        self.notes: dict = {"sent": [], "acked": [], "latencies_ms": []}
        self.open_votes: list[dict] = []
        self.voting: asyncio.Future | None = None
        self.ballots: dict = {"final": [], "latencies_ms": [], "failed": 0}

    async def connect_all(self) -> None:
        self.http = session()
        for start in range(0, len(self.indexes), CONNECT_BATCH):
            batch = self.indexes[start:start + CONNECT_BATCH]
            await asyncio.gather(*(self._connect(i) for i in batch))

    async def _connect(self, index: int) -> None:
        def on_frame(text: str, at: float) -> None:
            if text.startswith(TIMER_STATE):
                self._got_state(index, at)
            elif text.startswith(VOTES):
                self.open_votes = json.loads(text[2:])[1]["votes"]
        auth = {"event": self.event_id, "role": "participant"}
        try:
            self.clients[index] = await Socket.connect(self.http, self.base, auth, on_frame)
        except (*FAILED, OSError):
            return

    def _got_state(self, index: int, at: float) -> None:
        if index in self.waiting:
            self.waiting.discard(index)
            self.received.append(at)
            if not self.waiting:
                self.all_in.set()

    async def arm(self) -> dict:
        self.received, self.waiting = [], set(self.clients)
        self.all_in.clear()
        self.armed_cpu = time.process_time()
        return {"armed": len(self.waiting)}

    async def collect(self, until: float) -> dict:
        try:
            await asyncio.wait_for(self.all_in.wait(), max(0.0, until - time.monotonic()))
        except asyncio.TimeoutError:
            pass
        missed, self.waiting = len(self.waiting), set()
        return {"received": self.received, "missed": missed,
                "cpu_s": time.process_time() - self.armed_cpu}

    async def votes_start(self, title: str) -> dict:
        vote = next((v for v in self.open_votes if v["title"] == title), None)
        if vote is None:
            return {"voting": 0}
        self.voting = asyncio.ensure_future(asyncio.gather(
            *(self._vote(vote, i, c) for i, c in list(self.clients.items()))))
        return {"voting": len(self.clients)}

    async def _vote(self, vote: dict, index: int, client: Socket) -> None:
        """Place dots, move them, then resend both ballots (a stale one and a duplicate)."""
        rng = random.Random(index)
        first, moved = (_random_ballot(vote, rng) for _ in range(2))
        # the server-issued phone key, as realtime.js asks for it on connect
        claimed = await _call(client, "phone_key", {"key": None})
        if not claimed.get("ok"):
            self.ballots["failed"] += 1
            return
        for seq, dots in ((1, first), (2, moved), (1, first), (2, moved)):
            started = time.monotonic()
            ack = await _call(client, "vote_cast", {"vote_id": vote["id"], "seq": seq,
                                                    "dots": dots})
            if not ack.get("ok"):
                self.ballots["failed"] += 1
                return
            self.ballots["latencies_ms"].append((time.monotonic() - started) * 1000)
        self.ballots["final"].append(moved)

    async def votes_result(self) -> dict:
        if self.voting:
            await self.voting
        return self.ballots

    async def notes_start(self) -> dict:
        self.sending = asyncio.ensure_future(asyncio.gather(
            *(self._send(i, c) for i, c in list(self.clients.items()))))
        return {"sending": len(self.clients)}

    async def _send(self, index: int, client: Socket) -> None:
        note = {"id": str(uuid.uuid4()), "text": f"{self.marker} lapp {index}: samverkan åäö"}
        self.notes["sent"].append(note["id"])
        started = time.monotonic()
        ack = await _call(client, "note_submit", note)
        if ack.get("ok"):
            self.notes["latencies_ms"].append((time.monotonic() - started) * 1000)
            self.notes["acked"].append(note["id"])

    async def notes_result(self) -> dict:
        if self.sending:
            await self.sending
        return self.notes

    async def quit(self) -> dict:
        await asyncio.wait_for(asyncio.gather(*(c.close() for c in self.clients.values()),
                                              return_exceptions=True), 30)
        if self.http:
            await self.http.close()
        return {"bye": True}


async def _call(client: Socket, event: str, data: dict) -> dict:
    """The ack of ``event`` as a dict; {} after a timeout, a lost socket or a non-dict ack."""
    try:
        ack = await client.call(event, data, timeout=ACK_TIMEOUT_S)
    except FAILED:
        return {}
    return ack if isinstance(ack, dict) else {}


async def serve(phones: Phones) -> None:
    """Answer commands from stdin, one JSON line each, in order."""
    started = time.monotonic()
    reader = await stdin_reader()
    await phones.connect_all()
    answer({"connected": len(phones.clients), "connect_s": round(time.monotonic() - started, 2)})
    while True:
        line = await reader.readline()
        command = json.loads(line) if line.strip() else {"do": "quit"}
        do = command["do"]
        if do == "collect":
            answer(await phones.collect(command["until"]))
        elif do == "votes":
            answer(await phones.votes_start(command["title"]))
        elif do in ("arm", "notes_result", "votes_result"):
            answer(await getattr(phones, do)())
        elif do == "notes":
            answer(await phones.notes_start())
        else:
            answer(await phones.quit())
            return


def _random_ballot(vote: dict, rng: random.Random) -> dict[str, int]:
    """All of the vote's dots, each on a random option."""
    dots: dict[str, int] = {}
    for _ in range(vote["dots"]):
        option = str(rng.choice(vote["options"])["id"])
        dots[option] = dots.get(option, 0) + 1
    return dots


def answer(data: dict) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    base, event_id, first, count, marker = argv
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    asyncio.run(serve(Phones(base, event_id, int(first), int(count), marker)))


if __name__ == "__main__":
    main(sys.argv[1:6])
