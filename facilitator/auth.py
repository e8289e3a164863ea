"""Who may do what.

Facilitator pages get a signed token that their socket presents on connect;
a projector gets its own signed token in the projector link the control page
shows (it may watch, never steer);
socket handlers never use flask.session (changes there are invisible to HTTP).
The token is only handed out on a logged-in member's control page (see
accounts.py and views/common.own_event_or_404).
"""
from __future__ import annotations

from itsdangerous import BadSignature, URLSafeTimedSerializer

FACILITATOR_SALT = "facilitator-socket"
PROJECTOR_SALT = "projector-screen"
TOKEN_MAX_AGE_S = 24 * 60 * 60
# A projector link is made on the control page, often the day before for a test run,
# and the big screen reconnects with it all day: a week covers both.
PROJECTOR_MAX_AGE_S = 7 * 24 * 60 * 60


def _serializer(secret_key: str, salt: str = FACILITATOR_SALT) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=salt)


def facilitator_token(secret_key: str, event_id: str) -> str:
    """A token that lets a socket control one event."""
    return _serializer(secret_key).dumps({"event": event_id})


def check_facilitator_token(secret_key: str, token: object, event_id: str) -> bool:
    return _check(secret_key, FACILITATOR_SALT, TOKEN_MAX_AGE_S, token, event_id)


def projector_token(secret_key: str, event_id: str) -> str:
    """The key in a projector link: it lets a big screen show one event (never control it)."""
    return _serializer(secret_key, PROJECTOR_SALT).dumps({"event": event_id})


def check_projector_token(secret_key: str, token: object, event_id: str) -> bool:
    return _check(secret_key, PROJECTOR_SALT, PROJECTOR_MAX_AGE_S, token, event_id)


def _check(secret_key: str, salt: str, max_age: int, token: object, event_id: str) -> bool:
    if not isinstance(token, str) or len(token) > 512:
        return False
    try:
        data = _serializer(secret_key, salt).loads(token, max_age=max_age)
    except BadSignature:  # SignatureExpired is one
        return False
    return isinstance(data, dict) and data.get("event") == event_id
