"""`facilitator bench notes`: N phones send a note at once; lost and duplicated notes are
counted in the database afterwards (through the JSON export), not taken from the clients."""
from __future__ import annotations

from typing import Any

from . import harness
from .probes import NoteProbe


def run(clients: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None, processes: int = 2) -> dict[str, Any]:
    with harness.target(url, event_id, login) as (base, event, server, session):
        probe = NoteProbe()
        with harness.fleet(base, event, clients, processes, probe.marker) as phones:
            probe.start(phones)
            probe.finish(phones)
            counts = probe.count(session, event)
            rss = server.rss_mb() if server else None
    pct = harness.percentile
    return {"bench": "notes", "clients": clients, "connected": phones.connected,
            "sent": len(probe.sent), "acked": len(probe.acked), **counts,
            "ack_p50_ms": pct(probe.latencies, 50), "ack_p99_ms": pct(probe.latencies, 99),
            "ack_max_ms": pct(probe.latencies, 100),
            "connect_s": phones.connect_s, "rss_mb": rss, "server": url or "local subprocess",
            "load": phones.load()}
