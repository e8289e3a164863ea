"""`facilitator bench room`: a full room at once: N phones join, receive timer broadcasts
while every one of them sends a note."""
from __future__ import annotations

from typing import Any

from . import harness
from .probes import BroadcastProbe, NoteProbe, RemoteFacilitator, per_client_kb


def run(clients: int, rounds: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None, processes: int = 2) -> dict[str, Any]:
    with harness.target(url, event_id, login) as (base, event, server, session):
        rss_before = server.rss_mb() if server else None
        broadcasts, notes = BroadcastProbe(), NoteProbe()
        with harness.fleet(base, event, clients, processes, notes.marker) as phones:
            rss = server.rss_mb() if server else None
            facilitator = RemoteFacilitator(base, event, session)
            notes.start(phones)
            broadcasts.rounds(facilitator, phones, rounds)
            notes.finish(phones)
            counts = notes.count(session, event)
            facilitator.disconnect()
    pct = harness.percentile
    return {"bench": "room", "clients": clients, "connected": phones.connected,
            "broadcast_p50_ms": pct(broadcasts.latencies, 50),
            "broadcast_p99_ms": pct(broadcasts.latencies, 99), "broadcasts_missed": broadcasts.missed,
            "notes_sent": len(notes.sent), "notes_acked": len(notes.acked),
            "notes_lost": counts["lost"], "notes_duplicated": counts["duplicated"],
            "ack_p99_ms": pct(notes.latencies, 99), "connect_s": phones.connect_s,
            "rss_mb": rss, "kb_per_client": per_client_kb(rss_before, rss, phones.connected),
            "server": url or "local subprocess", "load": {**phones.load(), "phone_cpu_ms_per_round": broadcasts.phone_cpu_ms_per_round()}}
