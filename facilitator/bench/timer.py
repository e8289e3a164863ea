"""`facilitator bench timer`: how fast a facilitator's timer command reaches every phone."""
from __future__ import annotations

from typing import Any

from . import harness
from .probes import BroadcastProbe, RemoteFacilitator, per_client_kb


def run(clients: int, rounds: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None, processes: int = 2) -> dict[str, Any]:
    with harness.target(url, event_id, login) as (base, event, server, session):
        rss_before = server.rss_mb() if server else None
        probe = BroadcastProbe()
        with harness.fleet(base, event, clients, processes, "timer") as phones:
            rss_connected = server.rss_mb() if server else None
            facilitator = RemoteFacilitator(base, event, session)
            probe.rounds(facilitator, phones, rounds)
            facilitator.disconnect()
    pct = harness.percentile
    return {"bench": "timer", "clients": clients, "connected": phones.connected, "rounds": rounds,
            "received": len(probe.latencies), "missed": probe.missed,
            "propagation_p50_ms": pct(probe.latencies, 50),
            "propagation_p95_ms": pct(probe.latencies, 95),
            "propagation_p99_ms": pct(probe.latencies, 99),
            "propagation_max_ms": pct(probe.latencies, 100),
            "connect_s": phones.connect_s, "rss_mb": rss_connected,
            "kb_per_client": per_client_kb(rss_before, rss_connected, phones.connected),
            "server": url or "local subprocess", "load": {**phones.load(), "phone_cpu_ms_per_round": probe.phone_cpu_ms_per_round()}}
