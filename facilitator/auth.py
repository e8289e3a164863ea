"""Who may do what.

Facilitator pages get a signed token that their socket presents on connect;
a projector gets its own signed token in the projector link the control page
shows (it may watch, never steer);
socket handlers never use flask.session (changes there are invisible to HTTP).
The facilitator token is only handed out on a logged-in member's control page (see
accounts.py and views/common.own_event_or_404). It names the user and the log-in
it was made for; the socket checks both at connect and before every command, so a
log-out or a revoked membership ends it. It only has to live from the page load
to the connect: the page fetches a fresh one for every reconnect.
"""
from __future__ import annotations

from itsdangerous import BadSignature, URLSafeTimedSerializer

FACILITATOR_SALT = "facilitator-socket"
PROJECTOR_SALT = "projector-screen"
TOKEN_MAX_AGE_S = 15 * 60
# A projector link is made on the control page, often the day before for a test run,
# and the big screen reconnects with it all day: a week covers both.
PROJECTOR_MAX_AGE_S = 7 * 24 * 60 * 60


def _serializer(secret_key: str, salt: str = FACILITATOR_SALT) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=salt)


def facilitator_token(secret_key: str, event_id: str, user_id: int, login_id: str) -> str:
    """A token that lets a socket of this user's log-in control one event."""
    return _serializer(secret_key).dumps({"event": event_id, "user": user_id, "login": login_id})


def read_facilitator_token(secret_key: str, token: object, event_id: str) -> dict | None:
    """{"event", "user", "login"} of a fresh, well-signed token for this event, else None."""
    data = _load(secret_key, FACILITATOR_SALT, TOKEN_MAX_AGE_S, token, event_id)
    if data is None:
        return None
    if not isinstance(data.get("user"), int) or not isinstance(data.get("login"), str):
        return None
    return data


def projector_token(secret_key: str, event_id: str) -> str:
    """The key in a projector link: it lets a big screen show one event (never control it)."""
    return _serializer(secret_key, PROJECTOR_SALT).dumps({"event": event_id})


def check_projector_token(secret_key: str, token: object, event_id: str) -> bool:
    return _load(secret_key, PROJECTOR_SALT, PROJECTOR_MAX_AGE_S, token, event_id) is not None


def _load(secret_key: str, salt: str, max_age: int, token: object, event_id: str) -> dict | None:
    if not isinstance(token, str) or len(token) > 512:
        return None
    try:
        data = _serializer(secret_key, salt).loads(token, max_age=max_age)
    except BadSignature:  # SignatureExpired is one
        return None
    return data if isinstance(data, dict) and data.get("event") == event_id else None
