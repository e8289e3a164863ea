"""`facilitator bench timer`: how fast a facilitator's timer command reaches every phone."""
from __future__ import annotations

import time
from typing import Any

import gevent
import gevent.event
import socketio

from . import harness

ACTIONS = ("start", "pause", "extend", "start", "shorten", "pause")
ROUND_TIMEOUT_S = 15


def run(clients: int, rounds: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None) -> dict[str, Any]:
    harness.raise_fd_limit()
    harness.quiet_client_logs()
    with harness.target(url, event_id, login) as (base, event, server, session):
        rss_before = server.rss_mb() if server else None
        waiting: dict[int, float] = {}
        latencies: list[float] = []
        done = gevent.event.Event()

        def setup(index: int, client: socketio.Client) -> None:
            def on_state(_state: dict) -> None:
                started = waiting.pop(index, None)
                if started is not None:
                    latencies.append((time.perf_counter() - started) * 1000)
                    if not waiting:
                        done.set()
            client.on("timer_state", on_state)

        phones, connect_s = harness.connect_many(base, event, clients, setup)
        rss_connected = server.rss_mb() if server else None
        facilitator = socketio.Client(reconnection=False)
        facilitator.connect(base, auth={"event": event, "role": "facilitator",
                                        "token": session.socket_token(event)},
                            transports=["websocket"], wait_timeout=60)
        missed = 0
        for round_no in range(rounds):
            done.clear()
            started = time.perf_counter()
            waiting.update({i: started for i in range(clients)})
            facilitator.call("timer_command", {"action": ACTIONS[round_no % len(ACTIONS)]},
                             timeout=ROUND_TIMEOUT_S)
            done.wait(ROUND_TIMEOUT_S)
            missed += len(waiting) - (clients - len(phones))  # never-connected are not misses
            waiting.clear()
        facilitator.disconnect()
        harness.disconnect_all(phones)
    return {"bench": "timer", "clients": clients, "connected": len(phones), "rounds": rounds,
            "received": len(latencies), "missed": missed,
            "propagation_p50_ms": harness.percentile(latencies, 50),
            "propagation_p95_ms": harness.percentile(latencies, 95),
            "propagation_p99_ms": harness.percentile(latencies, 99),
            "propagation_max_ms": harness.percentile(latencies, 100),
            "connect_s": round(connect_s, 2), "rss_mb": rss_connected,
            "kb_per_client": _per_client_kb(rss_before, rss_connected, len(phones)),
            "server": url or "local subprocess"}


def _per_client_kb(before: float | None, after: float | None, count: int) -> float | None:
    if before is None or after is None or not count:
        return None
    return round((after - before) * 1024 / count, 1)
