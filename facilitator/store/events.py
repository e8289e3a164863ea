"""Events (the conferences) and their report logo."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlite_utils import Database

from ..models import Event, EventDraft


def _event(row: dict[str, Any]) -> Event:
    return Event(id=row["id"], name=row["name"], date=row["date"] or "", place=row["place"] or "",
                 organiser=row["organiser"] or "", language=row["language"],
                 join_code=row["join_code"], is_demo=bool(row["is_demo"]),
                 box_open=bool(row["box_open"]), projector_view=row["projector_view"],
                 prepare_token=row["prepare_token"], table_numbers=bool(row["table_numbers"]),
                 retention_days=row["retention_days"], ask_scope=bool(row.get("ask_scope", 0)),
                 checkin_open=bool(row.get("checkin_open", 0)),
                 projector_theme=row.get("projector_theme") or "dark")


def insert_event(db: Database, event_id: str, join_code: str, draft: EventDraft,
                 created_at: str, is_demo: bool = False) -> Event:
    db["events"].insert({**asdict(draft), "id": event_id, "join_code": join_code,
                         "is_demo": int(is_demo), "created_at": created_at})
    return get_event(db, event_id)


def update_event(db: Database, event_id: str, draft: EventDraft) -> Event:
    db["events"].update(event_id, asdict(draft))
    return get_event(db, event_id)


def set_event_fields(db: Database, event_id: str, **fields: Any) -> None:
    """Change event settings such as box_open, projector_view or prepare_token."""
    db["events"].update(event_id, fields)


def get_event_by_prepare_token(db: Database, token: str) -> Event | None:
    rows = list(db["events"].rows_where("prepare_token = ? AND prepare_token != ''", [token],
                                        limit=1))
    return _event(rows[0]) if rows else None


def delete_event(db: Database, event_id: str) -> None:
    db.execute("DELETE FROM events WHERE id = ?", [event_id])


def get_event(db: Database, event_id: str) -> Event | None:
    # db.query, not rows_where: that asks sqlite_master whether the table exists on every
    # call, and an event is read on every socket connect.
    rows = list(db.query("SELECT * FROM events WHERE id = ?", [event_id]))
    return _event(rows[0]) if rows else None


def get_event_by_join_code(db: Database, code: str) -> Event | None:
    rows = list(db["events"].rows_where("join_code = ?", [code], limit=1))
    return _event(rows[0]) if rows else None


def get_demo_event(db: Database) -> Event | None:
    rows = list(db["events"].rows_where("is_demo = 1", order_by="created_at", limit=1))
    return _event(rows[0]) if rows else None


def list_events(db: Database) -> list[Event]:
    return [_event(r) for r in db["events"].rows_where(order_by="date desc, created_at desc")]


def join_code_taken(db: Database, code: str) -> bool:
    return db["events"].count_where("join_code = ?", [code]) > 0




def save_logo(db: Database, event_id: str, mime: str, data: bytes) -> None:
    db["event_logos"].upsert({"event_id": event_id, "mime": mime, "data": data}, pk="event_id")


def get_logo(db: Database, event_id: str) -> bytes | None:
    rows = list(db["event_logos"].rows_where("event_id = ?", [event_id], limit=1))
    return rows[0]["data"] if rows else None


def delete_logo(db: Database, event_id: str) -> None:
    db.execute("DELETE FROM event_logos WHERE event_id = ?", [event_id])
