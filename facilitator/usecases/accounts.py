"""Use cases of facilitator accounts: users, who may run which event, invites, retention.

Passwords are hashed with Werkzeug (scrypt); participants never have accounts.
"""
from __future__ import annotations

import hashlib
import hmac
import random
import re
from datetime import date, datetime

from sqlite_utils import Database
from werkzeug.security import check_password_hash, generate_password_hash

from .. import store
from ..clock import utc_iso
from ..domain import passwords
from ..models import Event, User
from .validation import ValidationError

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 256
DEMO_USER = "demo"
INVITE_DAYS = 7
# Compared against when the username is unknown, so a log-in takes as long either way.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


def clean_username(raw: object) -> str:
    username = str(raw or "").strip().lower()
    if not USERNAME.match(username):
        raise ValidationError({"username": "bad_username"})
    return username


def check_new_password(raw: object, repeat: object | None = None, username: object = "") -> str:
    """10-256 characters and not one of the passwords tried first (domain/passwords.py)."""
    password = str(raw or "")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValidationError({"password": "weak_password"})
    if passwords.is_common(password, str(username or "").strip().lower()):
        raise ValidationError({"password": "common_password"})
    if repeat is not None and repeat != password:
        raise ValidationError({"password2": "passwords_differ"})
    return password


def create_user(db: Database, username: object, password: object, now: datetime) -> User:
    name = clean_username(username)
    secret = check_new_password(password, username=name)
    with db.atomic():
        if store.get_user_login(db, name):
            raise ValidationError({"username": "taken"})
        return store.insert_user(db, name, generate_password_hash(secret), utc_iso(now))


def authenticate(db: Database, username: object, password: object) -> User | None:
    """The user when the password is right, else None (no hint which part was wrong)."""
    found = store.get_user_login(db, str(username or "").strip().lower()[:64])
    ok = check_password_hash(found[1] if found else _DUMMY_HASH, str(password or "")[:MAX_PASSWORD])
    return found[0] if found and ok else None


def get_user(db: Database, user_id: object) -> User | None:
    try:
        return store.get_user(db, int(user_id))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def demo_password(secret_key: str) -> str:
    """The demo account's password, derived from the instance's secret: printable again
    by `make run` and `facilitator demo` without storing it anywhere."""
    digest = hmac.new(secret_key.encode(), b"facilitator-demo-login", hashlib.sha256).hexdigest()
    return f"demo-{digest[:16]}"


def ensure_demo_user(db: Database, secret_key: str, now: datetime) -> tuple[User, str]:
    """The demo account, created once; its password always the derived one."""
    password = demo_password(secret_key)
    with db.atomic():
        found = store.get_user_login(db, DEMO_USER)
        if found is None:
            return store.insert_user(db, DEMO_USER, generate_password_hash(password),
                                     utc_iso(now)), password
        if not check_password_hash(found[1], password):
            store.set_password_hash(db, found[0].id, generate_password_hash(password))
        return found[0], password




def can_run(db: Database, user: User | None, event_id: str) -> bool:
    return user is not None and store.is_member(db, event_id, user.id)


def events_for(db: Database, user: User) -> list[Event]:
    return store.list_events_for(db, user.id)


def create_invite(db: Database, event_id: str, rng: random.Random, now_ms: int) -> str:
    """A link token that makes whoever opens it (logged in) a co-facilitator, for a week."""
    token = "".join(rng.choice("abcdefghijkmnopqrstuvwxyz23456789") for _ in range(32))
    store.insert_invite(db, token, event_id, now_ms + INVITE_DAYS * 86_400_000)
    return token


def invite_event(db: Database, token: str, now_ms: int) -> str | None:
    """The event an invite is for, or None when unknown or expired."""
    found = store.get_invite(db, token[:64])
    return found[0] if found and found[1] > now_ms else None


def accept_invite(db: Database, token: str, user: User, now_ms: int) -> str | None:
    event_id = invite_event(db, token, now_ms)
    if event_id is not None:
        store.add_member(db, event_id, user.id, "co")
    return event_id


def set_retention(db: Database, event_id: str, days: object) -> None:
    try:
        value = int(days)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValidationError({"retention_days": "bad_retention"}) from exc
    if not 1 <= value <= 3650:
        raise ValidationError({"retention_days": "bad_retention"})
    store.set_event_fields(db, event_id, retention_days=value)


def purge_expired(db: Database, today: date) -> list[str]:
    """Delete every event whose retention period has run out; the ids deleted."""
    expired = store.events_older_than(db, today.isoformat())
    for event_id in expired:
        with db.atomic():
            store.delete_event(db, event_id)
    return expired
