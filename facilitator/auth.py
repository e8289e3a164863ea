"""Who may do what.

Facilitator pages get a signed token that their socket presents on connect;
socket handlers never use flask.session (changes there are invisible to HTTP).
The token is only handed out on a logged-in member's control page (see
accounts.py and views/common.own_event_or_404). It names the user and the log-in
it was made for; the socket checks both at connect and before every command, so a
log-out or a revoked membership ends it. It only has to live from the page load
to the connect: the page fetches a fresh one for every reconnect.
"""
from __future__ import annotations

from itsdangerous import BadSignature, URLSafeTimedSerializer

FACILITATOR_SALT = "facilitator-socket"
TOKEN_MAX_AGE_S = 15 * 60


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=FACILITATOR_SALT)


def facilitator_token(secret_key: str, event_id: str, user_id: int, login_id: str) -> str:
    """A token that lets a socket of this user's log-in control one event."""
    return _serializer(secret_key).dumps({"event": event_id, "user": user_id, "login": login_id})


def read_facilitator_token(secret_key: str, token: object, event_id: str) -> dict | None:
    """{"event", "user", "login"} of a fresh, well-signed token for this event, else None."""
    if not isinstance(token, str) or len(token) > 512:
        return None
    try:
        data = _serializer(secret_key).loads(token, max_age=TOKEN_MAX_AGE_S)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("event") != event_id:
        return None
    if not isinstance(data.get("user"), int) or not isinstance(data.get("login"), str):
        return None
    return data
