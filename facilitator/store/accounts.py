"""Facilitator accounts, event membership, invites, retention."""
from __future__ import annotations

from sqlite_utils import Database

from ..models import Event, User
from .events import _event


def insert_user(db: Database, username: str, password_hash: str, created_at: str) -> User:
    table = db["users"].insert({"username": username, "password_hash": password_hash,
                                "created_at": created_at})
    return User(table.last_pk, username)


def get_user(db: Database, user_id: int) -> User | None:
    rows = list(db["users"].rows_where("id = ?", [user_id], limit=1))
    return User(rows[0]["id"], rows[0]["username"]) if rows else None


def get_user_login(db: Database, username: str) -> tuple[User, str] | None:
    """The user and their password hash, for checking a log-in."""
    rows = list(db["users"].rows_where("username = ?", [username], limit=1))
    return (User(rows[0]["id"], rows[0]["username"]), rows[0]["password_hash"]) if rows else None


def set_password_hash(db: Database, user_id: int, password_hash: str) -> None:
    db["users"].update(user_id, {"password_hash": password_hash})


def add_member(db: Database, event_id: str, user_id: int, role: str) -> None:
    db.execute("INSERT INTO event_members (event_id, user_id, role) VALUES (?, ?, ?)"
               " ON CONFLICT(event_id, user_id) DO NOTHING", [event_id, user_id, role])


def is_member(db: Database, event_id: str, user_id: int) -> bool:
    return db["event_members"].count_where("event_id = ? AND user_id = ?", [event_id, user_id]) > 0


def list_events_for(db: Database, user_id: int) -> list[Event]:
    rows = db.query("SELECT events.* FROM events JOIN event_members m ON m.event_id = events.id"
                    " WHERE m.user_id = ? ORDER BY date DESC, created_at DESC", [user_id])
    return [_event(r) for r in rows]


def insert_invite(db: Database, token: str, event_id: str, expires_ms: int) -> None:
    db["invites"].insert({"token": token, "event_id": event_id, "expires_ms": expires_ms})


def get_invite(db: Database, token: str) -> tuple[str, int] | None:
    rows = list(db["invites"].rows_where("token = ?", [token], limit=1))
    return (rows[0]["event_id"], rows[0]["expires_ms"]) if rows else None


def events_older_than(db: Database, today_iso: str) -> list[str]:
    """Events whose retention period has run out (counted from the event date, else creation)."""
    rows = db.execute(
        "SELECT id FROM events WHERE date(COALESCE(NULLIF(date, ''), substr(created_at, 1, 10)),"
        " '+' || retention_days || ' days') < date(?)", [today_iso]).fetchall()
    return [r[0] for r in rows]
