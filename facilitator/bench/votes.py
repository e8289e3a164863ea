"""`facilitator bench votes`: N phones place dots at once on one open vote, each then moves
its dots and its outbox resends both ballots (a stale one and a duplicate). The tally is read
back from the report (the database), not from the clients: every phone must be counted once,
with its last ballot only."""
from __future__ import annotations

import json
from typing import Any

from . import harness
from .server import FacilitatorSession

TITLE = "Bench: vad tar vi oss an?"
OPTIONS = ("Kompetensutveckling", "Elevhälsa", "Dela data", "Nätverk", "Forskning")
DOTS = 3


def open_vote(session: FacilitatorSession, event_id: str) -> None:
    """The facilitator adds and opens the vote through the votes page, as in the room."""
    page_path = f"/f/events/{event_id}/votes"
    session.post(page_path, {"title": TITLE, "source": "manual", "options": "\n".join(OPTIONS),
                             "dots": str(DOTS), "results_visible": "1"}, page_path)
    page = session.get(page_path)
    vote_id = page.split(f"{TITLE}</h2>")[0].rsplit('data-vote-item="', 1)[1].split('"')[0]
    session.post(f"{page_path}/{vote_id}/open", {}, page_path)


def expected(finals: list[dict[str, int]], labels: dict[str, str]) -> dict[str, int]:
    out = {label: 0 for label in labels.values()}
    for ballot in finals:
        for option, n in ballot.items():
            out[labels[option]] += n
    return out


def run(clients: int, url: str | None = None, event_id: str | None = None,
        login: str | None = None, processes: int = 2) -> dict[str, Any]:
    with harness.target(url, event_id, login) as (base, event, server, session):
        open_vote(session, event)
        with harness.fleet(base, event, clients, processes, "votes") as phones:
            if not sum(a["voting"] for a in phones.all("votes", title=TITLE)):
                raise OSError("no phone was told of the open vote")
            results = phones.all("votes_result")
            report = json.loads(session.get(f"/f/events/{event}/report.json"))
            options = _option_ids(session, event)
            rss = server.rss_mb() if server else None
    stored = next(v for v in report["votes"] if v["title"] == TITLE)
    finals = [b for r in results for b in r["final"]]
    latencies = [ms for r in results for ms in r["latencies_ms"]]
    failed = sum(r["failed"] for r in results)
    labels = {str(i): o["label"] for i, o in options.items()}
    counted = {o["label"]: o["votes"] for o in stored["options"]}
    want = expected(finals, labels)
    pct = harness.percentile
    return {"bench": "votes", "clients": clients, "connected": phones.connected,
            "ballots_acked": len(latencies), "failed": failed,
            "phones_counted": stored["phones"], "phones_done": len(finals),
            "dots_counted": sum(counted.values()), "dots_expected": sum(want.values()),
            "tally_matches": counted == want,
            "ack_p50_ms": pct(latencies, 50), "ack_p99_ms": pct(latencies, 99),
            "ack_max_ms": pct(latencies, 100), "connect_s": phones.connect_s, "rss_mb": rss,
            "server": url or "local subprocess", "load": phones.load()}


def _option_ids(session: FacilitatorSession, event_id: str) -> dict[int, dict]:
    """The bench vote's options by id, from the votes page's bars."""
    page = session.get(f"/f/events/{event_id}/votes")
    part = page.split(f"{TITLE}</h2>")[1].split("</ul>")[0]
    out = {}
    for chunk in part.split('data-vote-option="')[1:]:
        option_id = int(chunk.split('"')[0])
        label = chunk.split('class="bar-label">')[1].split("<")[0]
        out[option_id] = {"label": label}
    return out
