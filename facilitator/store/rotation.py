"""Rotation: people, wishes, settings and the rounds."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from ..models import Attendee, RotationSettings


def _attendee(r: dict[str, Any]) -> Attendee:
    return Attendee(id=r["id"], event_id=r["event_id"], name=r["name"], org=r["org"] or "",
                    role=r["role"] or "", host_table=r["host_table"], present=bool(r["present"]))


def insert_attendees(db: Database, event_id: str, rows: list[dict[str, Any]],
                     created_at: str) -> list[int]:
    ids = []
    for row in rows:
        ids.append(db["people"].insert({**row, "event_id": event_id,
                                        "created_at": created_at}).last_pk)
    return ids


def list_attendees(db: Database, event_id: str) -> list[Attendee]:
    return [_attendee(r) for r in db["people"].rows_where("event_id = ?", [event_id],
                                                          order_by="id")]


def count_attendees(db: Database, event_id: str) -> int:
    return db["people"].count_where("event_id = ?", [event_id])


def get_attendee(db: Database, event_id: str, person_id: int) -> Attendee | None:
    rows = list(db["people"].rows_where("event_id = ? AND id = ?", [event_id, person_id], limit=1))
    return _attendee(rows[0]) if rows else None


def find_attendee_by_name(db: Database, event_id: str, name: str) -> Attendee | None:
    """The first person with this name, ignoring case (in Python: SQLite's lower() knows
    only ASCII, and "Åsa Öberg" must find "åsa öberg")."""
    wanted = name.casefold()
    for row in db.execute("SELECT id, name FROM people WHERE event_id = ? ORDER BY id",
                          [event_id]).fetchall():
        if row[1].casefold() == wanted:
            return get_attendee(db, event_id, row[0])
    return None


def update_attendee(db: Database, person_id: int, **fields: Any) -> None:
    db["people"].update(person_id, fields)


def delete_attendee(db: Database, person_id: int) -> None:
    db.execute("DELETE FROM rotation_wishes WHERE a = ? OR b = ?", [person_id, person_id])
    db.execute("DELETE FROM people WHERE id = ?", [person_id])


def list_wishes(db: Database, event_id: str) -> list[tuple[int, int, int, str]]:
    """(id, a, b, kind) of every keep-apart or keep-together wish."""
    return [(r["id"], r["a"], r["b"], r["kind"]) for r in
            db["rotation_wishes"].rows_where("event_id = ?", [event_id], order_by="id")]


def insert_wish(db: Database, event_id: str, a: int, b: int, kind: str) -> None:
    db["rotation_wishes"].insert({"event_id": event_id, "a": a, "b": b, "kind": kind})


def delete_wish(db: Database, event_id: str, wish_id: int) -> bool:
    return db.execute("DELETE FROM rotation_wishes WHERE event_id = ? AND id = ?",
                      [event_id, wish_id]).rowcount > 0


def get_rotation_settings(db: Database, event_id: str) -> RotationSettings:
    row = db.execute("SELECT rotation_mode, rotation_size, rotation_tables, rotation_rounds, "
                     "rotation_seed, rotation_current FROM events WHERE id = ?",
                     [event_id]).fetchone()
    return RotationSettings(*row)


def set_rotation_settings(db: Database, event_id: str, settings: RotationSettings) -> None:
    db["events"].update(event_id, {f"rotation_{k}": v for k, v in asdict(settings).items()})


def list_rounds(db: Database, event_id: str) -> list[list[list[int]]]:
    """Every planned or played round, in order (round 1 first)."""
    return [json.loads(r["tables"]) for r in
            db["rotation_rounds"].rows_where("event_id = ?", [event_id], order_by="round_no")]


def replace_rounds_from(db: Database, event_id: str, first: int,
                        rounds: list[list[list[int]]]) -> None:
    """Drop rounds numbered ``first`` and later, then store ``rounds`` as first, first+1, ..."""
    db.execute("DELETE FROM rotation_rounds WHERE event_id = ? AND round_no >= ?",
               [event_id, first])
    db["rotation_rounds"].insert_all(
        {"event_id": event_id, "round_no": first + i, "tables": json.dumps(tables)}
        for i, tables in enumerate(rounds))
