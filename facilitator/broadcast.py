"""Room names and the only emit() calls.

Rooms: ``event:<id>`` holds every screen of an event (facilitators,
projectors, phones); ``event:<id>:facilitators`` only the control pages.
"""
from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO

from . import protocol


def event_room(event_id: str) -> str:
    return f"event:{event_id}"


def facilitators_room(event_id: str) -> str:
    return f"event:{event_id}:facilitators"


def timer_state(socketio: SocketIO, event_id: str, payload: dict[str, Any],
                to: str | None = None) -> None:
    """To one client (``to`` = its sid) or to every screen of the event."""
    socketio.emit(protocol.TIMER_STATE, payload, to=to or event_room(event_id))


def note_added(socketio: SocketIO, event_id: str, payload: dict[str, Any]) -> None:
    socketio.emit(protocol.NOTE_ADDED, payload, to=facilitators_room(event_id))


def notes_count(socketio: SocketIO, event_id: str, count: int, to: str | None = None) -> None:
    socketio.emit(protocol.NOTES_COUNT, {"count": count}, to=to or event_room(event_id))


def programme(socketio: SocketIO, event_id: str, payload: dict[str, Any],
              to: str | None = None) -> None:
    """The step list, to the control pages only."""
    socketio.emit(protocol.PROGRAMME, payload, to=to or facilitators_room(event_id))
