"""What the socket handlers share: who a connection is, who may send what, and answering
whatever fails (the log names the event and the error type, never a payload)."""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

from flask import current_app
from flask_socketio import ConnectionRefusedError

from .. import auth, frames, protocol
from ..clock import now_ms
from ..db import get_db
from ..domain.notes import NoteError
from ..domain.timer import TimerError
from ..usecases import accounts, events

log = logging.getLogger("facilitator.sockets")
ROLES = ("participant", "projector", "facilitator")


TOO_DEEP_ERROR = protocol.error("too_deep", "the message is nested too deeply to read")


def refuse_too_deep(handler: Callable[..., Any]) -> Callable[..., Any]:
    """Answer a frame the decoder could not read for its nesting (frames.py) with an error."""
    @functools.wraps(handler)
    def wrapper(*args: Any) -> Any:
        return dict(TOO_DEEP_ERROR) if frames.too_deep(args) else handler(*args)
    return wrapper


def facilitator_only(handler: Callable[..., dict[str, Any]]):
    """Refuse anyone but a facilitator of this event; call handler(self, event_id, data)."""
    @functools.wraps(handler)
    def wrapper(self: Any, data: Any = None) -> dict[str, Any]:
        me = self.me()
        if me["role"] != "facilitator" or not still_allowed(me):
            return protocol.error("forbidden", "only the facilitator can do that")
        try:
            return handler(self, me["event"], data)
        except (NoteError, TimerError) as exc:
            return protocol.error(getattr(exc, "code", "bad_action"), str(exc))
    return wrapper


def answered(event_name: str, call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A handler registered on python-socketio itself answers whatever fails, as on_error
    does for the others (the log names the event and the error type, never the payload)."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - as on_error: always answer
        log.error("socket event %s failed: %s", event_name, type(exc).__name__, exc_info=exc)
        return protocol.error("server_error", "the server could not handle that; try again")


def field(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def authenticate(auth_data: Any) -> dict[str, Any]:
    """Who a new connection is: {"event", "role"}, and for a control page "user" and "login"."""
    if not isinstance(auth_data, dict):
        raise ConnectionRefusedError("auth must be an object with event and role")
    event_id, role = auth_data.get("event"), auth_data.get("role")
    if role not in ROLES or not isinstance(event_id, str):
        raise ConnectionRefusedError("unknown role or event")
    if events.get_event(get_db(), event_id) is None:
        raise ConnectionRefusedError("unknown event")
    secret = current_app.config["SECRET_KEY"]
    me: dict[str, Any] = {"event": event_id, "role": role}
    if role == "facilitator":
        claims = auth.read_facilitator_token(secret, auth_data.get("token"), event_id)
        if claims is None:
            raise ConnectionRefusedError("facilitator token missing or invalid")
        me.update(user=claims["user"], login=claims["login"])
        if not still_allowed(me):
            raise ConnectionRefusedError("logged out or no longer a facilitator of this event")
    if role == "projector" and not auth.check_projector_token(secret, auth_data.get("token"),
                                                              event_id):
        raise ConnectionRefusedError("projector key missing or invalid: open the projector link "
                                     "from the control page")
    return me


def still_allowed(me: dict[str, Any]) -> bool:
    """A control page's log-in still stands and its user still runs the event (checked on
    connect and before every command: a log-out or a revoke on any process counts)."""
    return accounts.may_control(get_db(), me["user"], me["login"], me["event"], now_ms())
