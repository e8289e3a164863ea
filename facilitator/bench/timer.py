"""`facilitator bench timer`: how fast a facilitator's timer command reaches every phone."""
from __future__ import annotations

from typing import Any

from . import harness
from .probes import BroadcastProbe, facilitator_client, per_client_kb


def run(clients: int, rounds: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None) -> dict[str, Any]:
    with harness.target(url, event_id, login) as (base, event, server, session):
        rss_before = server.rss_mb() if server else None
        probe = BroadcastProbe()
        phones, connect_s = harness.connect_many(base, event, clients, probe.setup)
        rss_connected = server.rss_mb() if server else None
        facilitator = facilitator_client(base, event, session)
        probe.rounds(facilitator, phones, rounds)
        facilitator.disconnect()
        harness.disconnect_all(phones)
    pct = harness.percentile
    return {"bench": "timer", "clients": clients, "connected": len(phones), "rounds": rounds,
            "received": len(probe.latencies), "missed": probe.missed,
            "propagation_p50_ms": pct(probe.latencies, 50),
            "propagation_p95_ms": pct(probe.latencies, 95),
            "propagation_p99_ms": pct(probe.latencies, 99),
            "propagation_max_ms": pct(probe.latencies, 100),
            "connect_s": round(connect_s, 2), "rss_mb": rss_connected,
            "kb_per_client": per_client_kb(rss_before, rss_connected, len(phones)),
            "server": url or "local subprocess"}
