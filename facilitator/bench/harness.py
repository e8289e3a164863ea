"""What every benchmark shares: the server under test, the phones' fleet, percentiles."""
from __future__ import annotations

import math
import resource
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .fleet import Fleet
from .server import FacilitatorSession, LiveServer


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


@contextmanager
def fleet(base: str, event_id: str, count: int, processes: int, marker: str) -> Iterator[Fleet]:
    phones = Fleet(base, event_id, count, processes, marker)
    try:
        yield phones
    finally:
        phones.close()


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile in ms, rounded to 0.1; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))
    return round(ordered[rank], 1)
