"""`facilitator bench room`: a full room at once: N phones join, receive timer broadcasts
while every one of them sends a note."""
from __future__ import annotations

from typing import Any

import gevent

from . import harness
from .probes import BroadcastProbe, NoteProbe, facilitator_client, per_client_kb


def run(clients: int, rounds: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None) -> dict[str, Any]:
    with harness.target(url, event_id, login) as (base, event, server, session):
        rss_before = server.rss_mb() if server else None
        broadcasts, notes = BroadcastProbe(), NoteProbe()
        phones, connect_s = harness.connect_many(base, event, clients, broadcasts.setup)
        rss = server.rss_mb() if server else None
        facilitator = facilitator_client(base, event, session)
        sending = gevent.spawn(notes.send_all, phones)
        broadcasts.rounds(facilitator, phones, rounds)
        sending.join()
        counts = notes.count(session, event)
        facilitator.disconnect()
        harness.disconnect_all(phones)
    pct = harness.percentile
    return {"bench": "room", "clients": clients, "connected": len(phones),
            "broadcast_p50_ms": pct(broadcasts.latencies, 50),
            "broadcast_p99_ms": pct(broadcasts.latencies, 99), "broadcasts_missed": broadcasts.missed,
            "notes_sent": len(notes.sent), "notes_acked": len(notes.acked),
            "notes_lost": counts["lost"], "notes_duplicated": counts["duplicated"],
            "ack_p99_ms": pct(notes.latencies, 99), "connect_s": round(connect_s, 2),
            "rss_mb": rss, "kb_per_client": per_client_kb(rss_before, rss, len(phones)),
            "server": url or "local subprocess"}
