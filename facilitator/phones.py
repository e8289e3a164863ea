"""The per-phone key: one anonymous phone, told apart from others without knowing who it is.

The server issues the key (``issue_phone_key``) when a phone first asks for one
(the ``phone_key`` socket event); the phone keeps it in localStorage and shows it
on every connection. It is an itsdangerous token signed with the app's secret:
a phone cannot invent one, only ask for one, and asking is limited per address
(the sockets package). The key holds a random phone id and the event; it holds no name,
address or device.

The phone id itself is never stored. What needs "one per phone" stores a
*derived* key instead (``Phone.key_for(scope...)``): an HMAC of the id and the
scope under the app's secret, shaped as a UUID. Two derived keys of one phone
(say its answers to two evaluation items) cannot be joined without the phone's
own key, which the server never writes down.

Use it for anything counted once per phone (issue 19's dot votes too)::

    phone = phones.check_phone_key(secret, key, event_id)   # None if forged/expired
    row_key = phone.key_for("vote", vote_id)                 # store this, never phone.id
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass, field

from itsdangerous import BadSignature, URLSafeTimedSerializer

SALT = "phone-key"
# An event is a day; the key outlives a reload, a flat battery and the lunch break.
MAX_AGE_S = 14 * 24 * 60 * 60
MAX_KEY_CHARS = 256


@dataclass(frozen=True)
class Phone:
    """A phone proven by its key: ``id`` is random and lives only in memory."""
    id: str
    event_id: str
    secret_key: str = field(repr=False)

    def key_for(self, *scope: object) -> str:
        """A stable key for this phone in one scope, unlinkable to its other scopes."""
        message = "\x1f".join([self.event_id, self.id, *map(str, scope)]).encode()
        digest = hmac.new(f"{SALT}:{self.secret_key}".encode(), message, hashlib.sha256).digest()
        return str(uuid.UUID(bytes=digest[:16], version=4))


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def issue_phone_key(secret_key: str, event_id: str) -> str:
    """A new phone key for one event (give it to the phone; store nothing)."""
    return _serializer(secret_key).dumps({"p": secrets.token_urlsafe(16), "e": event_id})


def check_phone_key(secret_key: str, key: object, event_id: str) -> Phone | None:
    """The phone a key proves, or None for a missing, forged, expired or foreign key."""
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_CHARS:
        return None
    try:
        data = _serializer(secret_key).loads(key, max_age=MAX_AGE_S)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("e") != event_id or not isinstance(data.get("p"), str):
        return None
    return Phone(data["p"], event_id, secret_key)
