"""`facilitator bench notes`: N phones send a note at once; lost and duplicated notes are
counted in the database afterwards (through the JSON export), not taken from the clients."""
from __future__ import annotations

import json
import time
import uuid
from typing import Any

import gevent
import socketio

from . import harness

ACK_TIMEOUT_S = 30


def run(clients: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None) -> dict[str, Any]:
    harness.raise_fd_limit()
    harness.quiet_client_logs()
    marker = f"bench-{uuid.uuid4().hex[:8]}"
    with harness.target(url, event_id, login) as (base, event, server, session):
        phones, connect_s = harness.connect_many(base, event, clients, lambda i, c: None)
        sent: dict[str, str] = {}
        acked: list[str] = []
        latencies: list[float] = []

        def send(index: int, phone: socketio.Client) -> None:
            note = {"id": str(uuid.uuid4()), "text": f"{marker} lapp {index}: samverkan åäö"}
            sent[note["id"]] = note["text"]
            started = time.perf_counter()
            try:
                ack = phone.call("note_submit", note, timeout=ACK_TIMEOUT_S)
            except socketio.exceptions.TimeoutError:
                return
            if ack.get("ok"):
                latencies.append((time.perf_counter() - started) * 1000)
                acked.append(note["id"])

        gevent.joinall([gevent.spawn(send, i, p) for i, p in enumerate(phones)])
        stored = _stored(session, event, marker)
        rss = server.rss_mb() if server else None
        harness.disconnect_all(phones)
    counts = {note_id: stored.count(note_id) for note_id in sent}
    return {"bench": "notes", "clients": clients, "connected": len(phones), "sent": len(sent),
            "acked": len(acked), "lost": sum(1 for c in counts.values() if c == 0),
            "lost_acked": sum(1 for i in acked if counts[i] == 0),
            "duplicated": sum(c - 1 for c in counts.values() if c > 1),
            "ack_p50_ms": harness.percentile(latencies, 50),
            "ack_p99_ms": harness.percentile(latencies, 99),
            "ack_max_ms": harness.percentile(latencies, 100),
            "connect_s": round(connect_s, 2), "rss_mb": rss, "server": url or "local subprocess"}


def _stored(session: harness.FacilitatorSession, event_id: str, marker: str) -> list[str]:
    """Ids of this run's notes as the database holds them (one entry per row)."""
    rows = json.loads(session.get(f"/f/events/{event_id}/notes.json"))["notes"]
    return [row["id"] for row in rows if row["text"].startswith(marker)]
