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


def member_role(db: Database, event_id: str, user_id: int) -> str | None:
    rows = db.execute("SELECT role FROM event_members WHERE event_id = ? AND user_id = ?",
                      [event_id, user_id]).fetchall()
    return rows[0][0] if rows else None


def list_members(db: Database, event_id: str) -> list[tuple[User, str]]:
    """Who runs an event and as what, the owner first."""
    rows = db.execute("SELECT u.id, u.username, m.role FROM event_members m JOIN users u"
                      " ON u.id = m.user_id WHERE m.event_id = ?"
                      " ORDER BY m.role = 'owner' DESC, u.username", [event_id]).fetchall()
    return [(User(r[0], r[1]), r[2]) for r in rows]


def remove_member(db: Database, event_id: str, user_id: int) -> None:
    db.execute("DELETE FROM event_members WHERE event_id = ? AND user_id = ?", [event_id, user_id])


def insert_invite(db: Database, token: str, event_id: str, expires_ms: int, uses: int = 1) -> None:
    db["invites"].insert({"token": token, "event_id": event_id, "expires_ms": expires_ms,
                          "uses_left": uses})


def get_invite(db: Database, token: str) -> tuple[str, int, int] | None:
    """(event id, expiry in ms, uses left) of an invite."""
    rows = list(db["invites"].rows_where("token = ?", [token], limit=1))
    return (rows[0]["event_id"], rows[0]["expires_ms"], rows[0]["uses_left"]) if rows else None


def use_invite(db: Database, token: str, now_ms: int) -> bool:
    """Take one use of a live invite; False when it is spent, expired or unknown."""
    cursor = db.execute("UPDATE invites SET uses_left = uses_left - 1 WHERE token = ?"
                        " AND uses_left > 0 AND expires_ms > ?", [token, now_ms])
    return cursor.rowcount == 1


def list_invites(db: Database, event_id: str, now_ms: int) -> list[tuple[str, int, int]]:
    """(token, expiry in ms, uses left) of an event's invites that still work."""
    rows = db.execute("SELECT token, expires_ms, uses_left FROM invites WHERE event_id = ?"
                      " AND uses_left > 0 AND expires_ms > ? ORDER BY expires_ms",
                      [event_id, now_ms]).fetchall()
    return [tuple(r) for r in rows]


def delete_invite(db: Database, event_id: str, token: str) -> None:
    db.execute("DELETE FROM invites WHERE event_id = ? AND token = ?", [event_id, token])


def insert_login(db: Database, login_id: str, user_id: int, created_ms: int) -> None:
    db["logins"].insert({"id": login_id, "user_id": user_id, "created_ms": created_ms})


def get_login_user(db: Database, login_id: str, not_before_ms: int) -> User | None:
    """The user of a log-in that still stands (made after ``not_before_ms``)."""
    rows = db.execute("SELECT u.id, u.username FROM logins l JOIN users u ON u.id = l.user_id"
                      " WHERE l.id = ? AND l.created_ms > ?", [login_id, not_before_ms]).fetchall()
    return User(rows[0][0], rows[0][1], login_id) if rows else None


def delete_login(db: Database, login_id: str) -> None:
    db.execute("DELETE FROM logins WHERE id = ?", [login_id])


def delete_logins_before(db: Database, before_ms: int) -> None:
    db.execute("DELETE FROM logins WHERE created_ms <= ?", [before_ms])


def events_older_than(db: Database, today_iso: str) -> list[str]:
    """Events whose retention period has run out (counted from the event date, else creation)."""
    rows = db.execute(
        "SELECT id FROM events WHERE date(COALESCE(NULLIF(date, ''), substr(created_at, 1, 10)),"
        " '+' || retention_days || ' days') < date(?)", [today_iso]).fetchall()
    return [r[0] for r in rows]
