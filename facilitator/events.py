"""Thin Socket.IO handlers: validate, call a service, broadcast.

Each handler's docstring says who sends the event and who receives what.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import current_app, request
from flask_socketio import ConnectionRefusedError, SocketIO, join_room

from . import auth, broadcast, protocol, services, timing
from .clock import now, now_ms
from .db import get_db
from .domain.notes import NoteError
from .domain.timer import TimerError

log = logging.getLogger(__name__)
ROLES = ("participant", "projector", "facilitator")


def register(socketio: SocketIO) -> None:
    """Attach every handler to this app's SocketIO (before init_app)."""
    # Who each connection is: {"event", "role"} by sid, for this process only
    # (Socket.IO keeps a client on one process; rooms cross processes).
    sessions: dict[str, dict[str, str]] = {}

    def session() -> dict[str, str]:
        return sessions[request.sid]

    @socketio.on("connect")
    def on_connect(auth_data: Any = None) -> None:
        """Any screen connects with {"event", "role", "token"?}; it gets the timer at once."""
        event_id, role = _authenticate(auth_data)
        sessions[request.sid] = {"event": event_id, "role": role}
        join_room(broadcast.event_room(event_id))
        if role == "facilitator":
            join_room(broadcast.facilitators_room(event_id))
            broadcast.programme(socketio, event_id,
                                timing.programme_payload(get_db(), event_id, now_ms()),
                                to=request.sid)
        broadcast.timer_state(socketio, event_id, timer_payload(event_id), to=request.sid)
        broadcast.notes_count(socketio, event_id, services.count_notes(get_db(), event_id),
                              to=request.sid)

    @socketio.on_error_default
    def on_error(exc: Exception) -> dict[str, Any]:
        """Any handler that fails still answers, so no client waits forever.

        The log names the event and the error type only: never a payload,
        which could hold note text.
        """
        log.error("socket event %s failed: %s", request.event["message"], type(exc).__name__,
                  exc_info=exc)
        return protocol.error("server_error", "the server could not handle that; try again")

    @socketio.on("disconnect")
    def on_disconnect(_reason: Any = None) -> None:
        sessions.pop(request.sid, None)

    @socketio.on(protocol.TIME_SYNC)
    def on_time_sync(_data: Any = None) -> dict[str, Any]:
        """Any screen pings to estimate its clock offset; ack carries server time in ms."""
        return protocol.ok(server_now=now_ms())

    @socketio.on(protocol.NOTE_SUBMIT)
    def on_note_submit(data: Any = None) -> dict[str, Any]:
        """A phone drops a note; ack after commit, facilitators get note_added."""
        event_id = session()["event"]
        try:
            note, is_new = services.submit_note(get_db(), event_id, data, now())
        except NoteError as exc:
            return protocol.error(exc.code, str(exc))
        if is_new:
            broadcast.note_added(socketio, event_id, protocol.note_payload(note))
            broadcast.notes_count(socketio, event_id, services.count_notes(get_db(), event_id))
        return protocol.ok(id=note.id, duplicate=not is_new)

    @socketio.on(protocol.TIMER_COMMAND)
    def on_timer_command(data: Any = None) -> dict[str, Any]:
        """A facilitator starts/pauses/resets/moves the timer; every screen gets timer_state."""
        me = session()
        if me["role"] != "facilitator":
            return protocol.error("forbidden", "only the facilitator controls the timer")
        data = data if isinstance(data, dict) else {}
        try:
            timing.timer_command(get_db(), me["event"], str(data.get("action")), now_ms(),
                                   step_id=data.get("step_id"), on=data.get("on"))
        except TimerError as exc:
            return protocol.error("bad_action", str(exc))
        push_timer(socketio, me["event"])
        return protocol.ok()


def timer_payload(event_id: str) -> dict[str, Any]:
    return timing.timer_snapshot(get_db(), event_id, now_ms())


def push_timer(socketio: SocketIO, event_id: str) -> None:
    """After any timer change: the new state to every screen, step times to facilitators."""
    broadcast.timer_state(socketio, event_id, timer_payload(event_id))
    broadcast.programme(socketio, event_id, timing.programme_payload(get_db(), event_id, now_ms()))


def _authenticate(auth_data: Any) -> tuple[str, str]:
    if not isinstance(auth_data, dict):
        raise ConnectionRefusedError("auth must be an object with event and role")
    event_id, role = auth_data.get("event"), auth_data.get("role")
    if role not in ROLES or not isinstance(event_id, str):
        raise ConnectionRefusedError("unknown role or event")
    if services.get_event(get_db(), event_id) is None:
        raise ConnectionRefusedError("unknown event")
    if role == "facilitator" and not auth.check_facilitator_token(
            current_app.config["SECRET_KEY"], auth_data.get("token"), event_id):
        raise ConnectionRefusedError("facilitator token missing or invalid")
    return event_id, role

