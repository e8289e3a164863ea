"""What every benchmark shares: the server, many clients, percentiles."""
from __future__ import annotations

import logging
import math
import resource
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import gevent
import socketio

from .server import FacilitatorSession, LiveServer

CONNECT_BATCH = 50


def quiet_client_logs() -> None:
    """Thousands of clients closing at once make engineio log a line each; keep the output clean."""
    for name in ("engineio.client", "socketio.client"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def raise_fd_limit() -> None:
    """Each client holds a socket: use the hard limit of open files."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


@contextmanager
def target(url: str | None, event_id: str | None,
           login: str | None) -> Iterator[tuple[str, str, LiveServer | None, FacilitatorSession]]:
    """(base URL, event id, server or None, facilitator session): our own server on loopback
    unless --url is given (then --event and --login USER:PASSWORD are needed)."""
    raise_fd_limit()
    quiet_client_logs()
    if url:
        if not event_id or not login or ":" not in login:
            raise ValueError("--url needs --event EVENT_ID and --login USER:PASSWORD")
        username, password = login.split(":", 1)
        yield url.rstrip("/"), event_id, None, FacilitatorSession(url, username, password)
        return
    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as workdir:
        server = LiveServer(Path(workdir))
        demo = server.create_demo()
        server.start()
        try:
            yield server.base, demo["event_id"], server, server.login()
        finally:
            server.stop()


def connect_many(base: str, event_id: str, count: int,
                 setup: Callable[[int, socketio.Client], None]) -> tuple[list[socketio.Client], float]:
    """Connect ``count`` phones over WebSocket in batches; (clients, seconds taken)."""
    clients: list[socketio.Client] = []
    started = time.perf_counter()

    def connect(index: int) -> None:
        client = socketio.Client(reconnection=False)
        setup(index, client)
        try:
            client.connect(base, auth={"event": event_id, "role": "participant"},
                           transports=["websocket"], wait_timeout=60)
            client.bench_index = index  # which setup() it had, for probes that wait on it
            clients.append(client)
        except socketio.exceptions.ConnectionError:
            pass
    for first in range(0, count, CONNECT_BATCH):
        gevent.joinall([gevent.spawn(connect, i) for i in range(first, min(count, first + CONNECT_BATCH))])
    return clients, time.perf_counter() - started


def disconnect_all(clients: list[socketio.Client]) -> None:
    gevent.joinall([gevent.spawn(c.disconnect) for c in clients], timeout=30)


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile in ms, rounded to 0.1; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))
    return round(ordered[rank], 1)
