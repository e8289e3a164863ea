"""Dot votes, their options and the phones' anonymous ballots."""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..models import Vote, VoteOption

VOTE_FIELDS = ("title", "source", "question_id", "dots", "max_per_option", "status",
               "results_visible", "step_id", "source_digest")


def _vote(row: dict[str, Any], options: tuple[VoteOption, ...]) -> Vote:
    return Vote(id=row["id"], event_id=row["event_id"], title=row["title"], source=row["source"],
                question_id=row["question_id"], dots=row["dots"],
                max_per_option=row["max_per_option"], status=row["status"],
                results_visible=bool(row["results_visible"]), step_id=row["step_id"],
                source_digest=row["source_digest"], options=options)


def _options(db: Database, vote_id: int) -> tuple[VoteOption, ...]:
    return tuple(VoteOption(r[0], r[1], r[2]) for r in db.execute(
        "SELECT id, label, ref FROM vote_options WHERE vote_id = ? ORDER BY position, id",
        [vote_id]).fetchall())


def insert_vote(db: Database, event_id: str, fields: dict[str, Any]) -> int:
    position = db["votes"].count_where("event_id = ?", [event_id])
    row = {k: fields[k] for k in VOTE_FIELDS if k in fields}
    row["results_visible"] = int(row.get("results_visible", True))
    return db["votes"].insert({"event_id": event_id, "position": position, **row}).last_pk


def replace_vote_options(db: Database, vote: Vote, options: list[tuple[str, str]]) -> None:
    """The options as (ref, label), in order; only before any ballot counts on them."""
    db.execute("DELETE FROM vote_options WHERE vote_id = ?", [vote.id])
    db["vote_options"].insert_all(
        [{"vote_id": vote.id, "event_id": vote.event_id, "position": i, "label": label,
          "ref": ref} for i, (ref, label) in enumerate(options)])


def get_vote(db: Database, event_id: str, vote_id: int) -> Vote | None:
    rows = list(db.query("SELECT * FROM votes WHERE id = ? AND event_id = ?", [vote_id, event_id]))
    return _vote(rows[0], _options(db, vote_id)) if rows else None


def list_votes(db: Database, event_id: str) -> list[Vote]:
    rows = list(db.query("SELECT * FROM votes WHERE event_id = ? ORDER BY position, id",
                         [event_id]))
    return [_vote(r, _options(db, r["id"])) for r in rows]


def set_vote_fields(db: Database, vote_id: int, **fields: Any) -> None:
    db["votes"].update(vote_id, {k: int(v) if isinstance(v, bool) else v
                                 for k, v in fields.items()})


def open_votes_of_step(db: Database, event_id: str, step_id: int) -> list[int]:
    """Open the event's draft or closed votes tied to this step; their ids."""
    ids = [r[0] for r in db.execute(
        "SELECT id FROM votes WHERE event_id = ? AND step_id = ? AND status != 'open'",
        [event_id, step_id]).fetchall()]
    db.execute("UPDATE votes SET status = 'open' WHERE event_id = ? AND step_id = ?",
               [event_id, step_id])
    return ids


def delete_vote(db: Database, vote_id: int) -> None:
    db.execute("DELETE FROM vote_ballots WHERE vote_id = ?", [vote_id])
    db.execute("DELETE FROM vote_options WHERE vote_id = ?", [vote_id])
    db.execute("DELETE FROM votes WHERE id = ?", [vote_id])


def upsert_ballot(db: Database, vote: Vote, ballot_key: str, seq: int,
                  dots: dict[int, int]) -> bool:
    """Keep this ballot unless the phone's stored one is as new or newer; True if kept.

    One statement: two copies of the same ballot arriving at once still leave one row.
    """
    cursor = db.execute(
        "INSERT INTO vote_ballots (vote_id, ballot_key, event_id, seq, dots)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(vote_id, ballot_key) DO UPDATE SET"
        " seq = excluded.seq, dots = excluded.dots WHERE excluded.seq > vote_ballots.seq",
        [vote.id, ballot_key, vote.event_id, seq,
         json.dumps({str(k): v for k, v in sorted(dots.items())})])
    return cursor.rowcount == 1


def ballot_dots(db: Database, vote_id: int, ballot_key: str) -> dict[int, int] | None:
    """The dots of one stored ballot (None if the phone has none)."""
    row = db.execute("SELECT dots FROM vote_ballots WHERE vote_id = ? AND ballot_key = ?",
                     [vote_id, ballot_key]).fetchone()
    return None if row is None else {int(k): v for k, v in json.loads(row[0]).items()}


def vote_counts(db: Database, vote_id: int) -> tuple[dict[int, int], int]:
    """(dots per option id, phones with at least one dot) over the stored ballots."""
    counts = {int(k): n for k, n in db.execute(
        "SELECT j.key, SUM(j.value) FROM vote_ballots b, json_each(b.dots) j"
        " WHERE b.vote_id = ? GROUP BY j.key", [vote_id]).fetchall()}
    phones = db.execute("SELECT COUNT(*) FROM vote_ballots WHERE vote_id = ? AND dots != '{}'",
                        [vote_id]).fetchone()[0]
    return counts, phones


def count_ballots(db: Database, vote_id: int) -> int:
    return db["vote_ballots"].count_where("vote_id = ?", [vote_id])
