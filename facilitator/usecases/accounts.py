"""Use cases of facilitator accounts: users, who may run which event, invites, retention.

Passwords are hashed with Werkzeug (scrypt); participants never have accounts.
"""
from __future__ import annotations

import hashlib
import hmac
import random
import re
import secrets
from datetime import date, datetime, time, timezone

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
MAX_INVITE_USES = 50
# A log-in stands until log-out, or this long at most (a conference runs over days).
LOGIN_DAYS = 14
DAY_MS = 86_400_000
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


def start_login(db: Database, user: User, now_ms: int) -> User:
    """A server-side log-in for one browser; the session cookie holds its id."""
    login_id = secrets.token_urlsafe(24)
    store.insert_login(db, login_id, user.id, now_ms)
    return User(user.id, user.username, login_id)


def load_login(db: Database, cookie_id: object, now_ms: int) -> User | None:
    """The user of a session cookie's "user:login", only while that log-in stands."""
    user_id, _, login_id = str(cookie_id or "").partition(":")
    if not login_id or len(login_id) > 64:
        return None
    user = store.get_login_user(db, login_id, now_ms - LOGIN_DAYS * DAY_MS)
    return user if user is not None and str(user.id) == user_id else None


def end_login(db: Database, login_id: str) -> None:
    """Log-out: the cookie (and every copy of it) and the page's sockets stop working."""
    store.delete_login(db, login_id)


def may_control(db: Database, user_id: int, login_id: str, event_id: str, now_ms: int) -> bool:
    """A facilitator socket's right to act: its log-in stands and the user still runs the event."""
    user = store.get_login_user(db, login_id, now_ms - LOGIN_DAYS * DAY_MS)
    return user is not None and user.id == user_id and store.is_member(db, event_id, user_id)


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


def is_owner(db: Database, user: User | None, event_id: str) -> bool:
    return user is not None and store.member_role(db, event_id, user.id) == "owner"


def members(db: Database, event_id: str) -> list[tuple[User, str]]:
    """(user, "owner" or "co") of everyone who runs the event, the owner first."""
    return store.list_members(db, event_id)


def revoke_member(db: Database, event_id: str, user_id: object) -> int:
    """The owner takes a co-facilitator off the event; the owner cannot be taken off."""
    try:
        target = int(user_id)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValidationError({"member": "no_member"}) from exc
    role = store.member_role(db, event_id, target)
    if role != "co":
        raise ValidationError({"member": "owner" if role == "owner" else "no_member"})
    store.remove_member(db, event_id, target)
    return target


def events_for(db: Database, user: User) -> list[Event]:
    return store.list_events_for(db, user.id)


def clean_invite_uses(raw: object) -> int:
    """How many people one invite link may bring in: 1 (the default) to MAX_INVITE_USES."""
    if raw in (None, ""):
        return 1
    try:
        uses = int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValidationError({"uses": "bad_uses"}) from exc
    if not 1 <= uses <= MAX_INVITE_USES:
        raise ValidationError({"uses": "bad_uses"})
    return uses


def create_invite(db: Database, event_id: str, rng: random.Random, now_ms: int,
                  uses: int = 1) -> str:
    """A link token that makes whoever opens it (logged in) a co-facilitator: for a week,
    and for one person unless the owner asked for more."""
    token = "".join(rng.choice("abcdefghijkmnopqrstuvwxyz23456789") for _ in range(32))
    store.insert_invite(db, token, event_id, now_ms + INVITE_DAYS * DAY_MS, uses)
    return token


def invite_event(db: Database, token: str, now_ms: int) -> str | None:
    """The event an invite is for, or None when unknown, expired or used up."""
    found = store.get_invite(db, token[:64])
    return found[0] if found and found[1] > now_ms and found[2] > 0 else None


def accept_invite(db: Database, token: str, user: User, now_ms: int) -> str | None:
    """Make ``user`` a co-facilitator, taking one use of the invite (none if already a member)."""
    with db.atomic():
        event_id = invite_event(db, token, now_ms)
        if event_id is None or store.is_member(db, event_id, user.id):
            return event_id
        if not store.use_invite(db, token[:64], now_ms):
            return None
        store.add_member(db, event_id, user.id, "co")
        return event_id


def pending_invites(db: Database, event_id: str, now_ms: int) -> list[tuple[str, int, int]]:
    """(token, expiry ms, uses left) of the invites that still work, for the owner to withdraw."""
    return store.list_invites(db, event_id, now_ms)


def withdraw_invite(db: Database, event_id: str, token: object) -> None:
    store.delete_invite(db, event_id, str(token or "")[:64])


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
    midnight = datetime.combine(today, time(), tzinfo=timezone.utc)
    store.delete_logins_before(db, int(midnight.timestamp() * 1000) - LOGIN_DAYS * DAY_MS)
    expired = store.events_older_than(db, today.isoformat())
    for event_id in expired:
        with db.atomic():
            store.delete_event(db, event_id)
    return expired
