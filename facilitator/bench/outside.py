"""`facilitator bench outside`: an independent check of `facilitator bench timer`.

Raw WebSocket clients that speak Engine.IO 4 / Socket.IO 5 framing by hand, on asyncio with
the `websockets` library, in several processes. Nothing of python-socketio's client,
websocket-client, gevent or the bench's own phone code (client.py, phones.py, fleet.py,
probes.py) is used; only the server is started the same way (LiveServer) and the facilitator logs in over
HTTP to get its socket token. The figure: from the facilitator's timer command leaving its
socket to each phone's timer_state arriving, time.monotonic() in every process.
"""
from __future__ import annotations

import asyncio
import json
import multiprocessing
import time
from contextlib import contextmanager
from typing import Any, Iterator

from .harness import percentile, raise_fd_limit, target

GENERATOR = ("outside: raw WebSocket (websockets on asyncio), Engine.IO/Socket.IO framed by "
             "hand, one event loop per process")
ACTIONS = ("start", "pause", "extend", "start", "shorten", "pause")
ROUND_TIMEOUT_S = 15
CONNECT_BATCH = 50


def socket_url(base: str) -> str:
    return base.replace("http", "ws", 1).rstrip("/") + "/socket.io/?EIO=4&transport=websocket"


async def open_socket(base: str, auth: dict):
    """An Engine.IO 4 WebSocket with the default namespace connected ("40" + auth)."""
    import websockets

    ws = await websockets.connect(socket_url(base), max_size=None, compression=None,
                                  open_timeout=60, ping_interval=None, close_timeout=5)
    opening = await ws.recv()
    if not opening.startswith("0"):
        raise ConnectionError(f"no Engine.IO open packet: {opening[:40]!r}")
    await ws.send("40" + json.dumps(auth))
    while True:
        message = await ws.recv()
        if message == "2":
            await ws.send("3")
        elif message.startswith("40"):
            return ws
        elif message.startswith("44"):
            raise ConnectionError(message)


class Phones:
    """One process's share of the phones: the first timer_state of each after ``arm``."""

    def __init__(self) -> None:
        self.round = 0          # rounds armed so far
        self.armed = False
        self.seen: dict[int, int] = {}
        self.stamps: list[float] = []
        self.sockets: list = []
        self.complete = asyncio.Event()

    async def listen(self, index: int, ws) -> None:
        async for message in ws:
            if message == "2":
                await ws.send("3")
            elif message.startswith('42["timer_state"') and self.armed:
                if self.seen.get(index) != self.round:
                    self.seen[index] = self.round
                    self.stamps.append(time.monotonic())
                    if len(self.stamps) == len(self.sockets):
                        self.complete.set()

    async def connect(self, base: str, event_id: str, first: int, count: int) -> None:
        async def one(index: int) -> None:
            try:
                ws = await open_socket(base, {"event": event_id, "role": "participant"})
            except (OSError, ConnectionError, asyncio.TimeoutError):
                return
            self.sockets.append(ws)
            asyncio.ensure_future(self.listen(index, ws))
        for start in range(first, first + count, CONNECT_BATCH):
            await asyncio.gather(*(one(i) for i in range(start, min(first + count,
                                                                     start + CONNECT_BATCH))))

    def arm(self) -> None:
        self.round += 1
        self.armed = True
        self.stamps = []
        self.complete.clear()

    async def collect(self, until: float) -> dict[str, Any]:
        try:
            await asyncio.wait_for(self.complete.wait(), max(0.0, until - time.monotonic()))
        except asyncio.TimeoutError:
            pass
        stamps, self.armed = list(self.stamps), False
        return {"stamps": stamps, "missed": len(self.sockets) - len(stamps)}


def worker(conn, base: str, event_id: str, first: int, count: int) -> None:
    """A client process: connect, then answer arm / collect / quit from the coordinator."""
    raise_fd_limit()
    asyncio.run(_work(conn, base, event_id, first, count))


async def _work(conn, base: str, event_id: str, first: int, count: int) -> None:
    loop = asyncio.get_running_loop()
    phones = Phones()
    await phones.connect(base, event_id, first, count)
    conn.send({"connected": len(phones.sockets)})
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command[0] == "arm":
            phones.arm()
            conn.send({"armed": True})
        elif command[0] == "collect":
            conn.send(await phones.collect(command[1]))
        else:
            await asyncio.gather(*(ws.close() for ws in phones.sockets), return_exceptions=True)
            conn.send({"bye": True})
            return


class Facilitator:
    """The control page's socket, raw too: timer_command with an ack id, "43<id>" back."""

    def __init__(self, ws):
        self.ws, self.next_id = ws, 0

    async def command(self, action: str) -> float:
        self.next_id += 1
        ack = f"43{self.next_id}"
        sent_at = time.monotonic()
        await self.ws.send(f"42{self.next_id}" + json.dumps(["timer_command", {"action": action}]))
        while True:
            message = await self.ws.recv()
            if message == "2":
                await self.ws.send("3")
            elif message.startswith(ack):
                return sent_at


async def _rounds(base: str, event_id: str, token: str, pipes: list, rounds: int) -> list[float]:
    ws = await open_socket(base, {"event": event_id, "role": "facilitator", "token": token})
    facilitator, latencies, missed = Facilitator(ws), [], 0
    loop = asyncio.get_running_loop()
    for round_no in range(rounds):
        for pipe in pipes:
            pipe.send(("arm",))
        for pipe in pipes:
            await loop.run_in_executor(None, pipe.recv)
        sent_at = await facilitator.command(ACTIONS[round_no % len(ACTIONS)])
        for pipe in pipes:
            pipe.send(("collect", sent_at + ROUND_TIMEOUT_S))
        for pipe in pipes:
            part = await loop.run_in_executor(None, pipe.recv)
            latencies.extend((at - sent_at) * 1000 for at in part["stamps"])
            missed += part["missed"]
    await ws.close()
    return latencies, missed


@contextmanager
def _workers(base: str, event_id: str, clients: int, processes: int) -> Iterator[tuple[list, int]]:
    context = multiprocessing.get_context("spawn")
    processes = max(1, min(processes, clients))
    shares = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    pipes, procs = [], []
    for i, share in enumerate(shares):
        mine, theirs = context.Pipe()
        proc = context.Process(target=worker, args=(theirs, base, event_id, sum(shares[:i]), share),
                               daemon=True)
        proc.start()
        pipes.append(mine)
        procs.append(proc)
    try:
        yield pipes, sum(pipe.recv()["connected"] for pipe in pipes)
    finally:
        for pipe in pipes:
            try:
                pipe.send(("quit",))
                pipe.recv()
            except (OSError, EOFError):
                pass
        for proc in procs:
            proc.join(10)
            if proc.is_alive():
                proc.kill()


def run(clients: int, rounds: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None, processes: int = 2) -> dict[str, Any]:
    with _server(url, event_id, login) as (base, event, token):
        started = time.monotonic()
        with _workers(base, event, clients, processes) as (pipes, connected):
            connect_s = round(time.monotonic() - started, 2)
            latencies, missed = asyncio.run(_rounds(base, event, token, pipes, rounds))
    return {"bench": "outside", "clients": clients, "connected": connected, "rounds": rounds,
            "received": len(latencies), "missed": missed,
            "propagation_p50_ms": percentile(latencies, 50),
            "propagation_p95_ms": percentile(latencies, 95),
            "propagation_p99_ms": percentile(latencies, 99),
            "propagation_max_ms": percentile(latencies, 100), "connect_s": connect_s,
            "server": url or "local subprocess",
            "load": {"generator": GENERATOR, "client_processes": len(pipes),
                     "facilitator": "the coordinating process (raw WebSocket)"}}


@contextmanager
def _server(url: str | None, event_id: str | None, login: str | None) -> Iterator[tuple[str, str, str]]:
    """(base, event id, the facilitator's socket token): the harness's server unless --url.
    Only the server set-up is shared with the bench; the load itself is our own clients."""
    with target(url, event_id, login) as (base, event, _server, session):
        yield base, event, session.socket_token(event)
