"""Who may do what.

Facilitator pages get a signed token that their socket presents on connect;
socket handlers never use flask.session (changes there are invisible to HTTP).
The token is only handed out on a logged-in member's control page (see
accounts.py and views/common.own_event_or_404).
"""
from __future__ import annotations

from itsdangerous import BadSignature, URLSafeTimedSerializer

FACILITATOR_SALT = "facilitator-socket"
TOKEN_MAX_AGE_S = 24 * 60 * 60


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=FACILITATOR_SALT)


def facilitator_token(secret_key: str, event_id: str) -> str:
    """A token that lets a socket control one event."""
    return _serializer(secret_key).dumps({"event": event_id})


def check_facilitator_token(secret_key: str, token: object, event_id: str) -> bool:
    if not isinstance(token, str) or len(token) > 512:
        return False
    try:
        data = _serializer(secret_key).loads(token, max_age=TOKEN_MAX_AGE_S)
    except BadSignature:
        return False
    return isinstance(data, dict) and data.get("event") == event_id
