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


def projectors_room(event_id: str) -> str:
    return f"event:{event_id}:projectors"


def _note_viewers(event_id: str) -> list[str]:
    return [facilitators_room(event_id), projectors_room(event_id)]


def timer_state(socketio: SocketIO, event_id: str, payload: dict[str, Any],
                to: str | None = None) -> None:
    """To one client (``to`` = its sid) or to every screen of the event."""
    socketio.emit(protocol.TIMER_STATE, payload, to=to or event_room(event_id))


def note_added(socketio: SocketIO, event_id: str, payload: dict[str, Any]) -> None:
    """A new note, to the control pages and the projector wall; never to phones."""
    socketio.emit(protocol.NOTE_ADDED, payload, to=_note_viewers(event_id))


def note_updated(socketio: SocketIO, event_id: str, payload: dict[str, Any]) -> None:
    socketio.emit(protocol.NOTE_UPDATED, payload, to=_note_viewers(event_id))


def box_state(socketio: SocketIO, event_id: str, is_open: bool, table_numbers: bool,
              to: str | None = None) -> None:
    """Whether the box takes notes and asks for a table number, to every screen."""
    socketio.emit(protocol.BOX_STATE, {"open": is_open, "table_numbers": table_numbers},
                  to=to or event_room(event_id))


def projector_view(socketio: SocketIO, event_id: str, view: str, to: str | None = None) -> None:
    socketio.emit(protocol.PROJECTOR_VIEW, {"view": view}, to=to or event_room(event_id))


def wall(socketio: SocketIO, notes: list[dict[str, Any]], to: str) -> None:
    socketio.emit(protocol.WALL, {"notes": notes}, to=to)


def notes_count(socketio: SocketIO, event_id: str, count: int, to: str | None = None) -> None:
    """To the control pages and projectors: phones do not show it, and a burst of notes
    from a full room would otherwise cost one message per phone per note."""
    socketio.emit(protocol.NOTES_COUNT, {"count": count}, to=to or _note_viewers(event_id))


def programme(socketio: SocketIO, event_id: str, payload: dict[str, Any],
              to: str | None = None) -> None:
    """The step list, to the control pages only."""
    socketio.emit(protocol.PROGRAMME, payload, to=to or facilitators_room(event_id))


def tables(socketio: SocketIO, event_id: str, payload: dict[str, Any], to: str | None = None) -> None:
    """Tables with enough notes to show as a group, to the control pages only."""
    socketio.emit(protocol.TABLES, payload, to=to or facilitators_room(event_id))


def eval_items(socketio: SocketIO, event_id: str, items: list[dict[str, Any]],
               to: str | None = None) -> None:
    """The open evaluation items, to every screen (phones answer them)."""
    socketio.emit(protocol.EVAL_ITEMS, {"items": items}, to=to or event_room(event_id))


def eval_results(socketio: SocketIO, event_id: str, results: list[dict[str, Any]],
                 to: str | list[str] | None = None) -> None:
    """Results that may be shown, to the control pages and the projector; never to phones."""
    socketio.emit(protocol.EVAL_RESULTS, {"results": results}, to=to or _note_viewers(event_id))


def seating(socketio: SocketIO, event_id: str, payload: dict[str, Any], to: str | None = None) -> None:
    """The current round's table per person id, to every screen (a phone finds its own)."""
    socketio.emit(protocol.SEATING, payload, to=to or event_room(event_id))


def table_map(socketio: SocketIO, event_id: str, payload: dict[str, Any],
              to: str | None = None) -> None:
    """Names and tables of the current round, to the projectors only."""
    socketio.emit(protocol.TABLE_MAP, payload, to=to or projectors_room(event_id))
