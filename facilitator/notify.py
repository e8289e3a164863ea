"""Room names and the only emit() calls.

Rooms: ``event:<id>`` holds every screen of an event (facilitators,
projectors, phones); ``event:<id>:facilitators`` only the control pages;
``event:<id>:projectors`` only the big screens. Whatever carries note texts,
results or names goes to a named room, never to ``event:<id>``; screens.py
decides what a projector may get for the view it shows.
"""
from __future__ import annotations

import math
import threading
import time
from typing import Any, Callable

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


def _rooms(to: str | list[str] | None, default: str | list[str]) -> str | list[str]:
    return default if to is None else to


def timer_state(socketio: SocketIO, event_id: str, payload: dict[str, Any],
                to: str | None = None) -> None:
    """To one client (``to`` = its sid) or to every screen of the event."""
    socketio.emit(protocol.TIMER_STATE, payload, to=to or event_room(event_id))


def notes_added(socketio: SocketIO, payloads: list[dict[str, Any]], to: str | list[str]) -> None:
    """New notes, oldest first, to control pages or to a projector wall; never to phones."""
    socketio.emit(protocol.NOTES_ADDED, {"notes": payloads}, to=to)


def note_updated(socketio: SocketIO, payload: dict[str, Any], to: str | list[str]) -> None:
    socketio.emit(protocol.NOTE_UPDATED, payload, to=to)


def box_state(socketio: SocketIO, event_id: str, is_open: bool, table_numbers: bool,
              to: str | None = None, ask_scope: bool = False) -> None:
    """Whether the box takes notes, asks for a table number and asks shared or own work,
    to every screen."""
    socketio.emit(protocol.BOX_STATE, {"open": is_open, "table_numbers": table_numbers,
                                       "ask_scope": ask_scope}, to=to or event_room(event_id))


def projector_view(socketio: SocketIO, event_id: str, view: str, to: str | None = None) -> None:
    socketio.emit(protocol.PROJECTOR_VIEW, {"view": view}, to=to or event_room(event_id))


def projector_look(socketio: SocketIO, event_id: str, theme: str, logo: bool) -> None:
    """The projector's theme or logo changed on the settings page: no reload needed."""
    socketio.emit(protocol.PROJECTOR_LOOK, {"theme": theme, "logo": logo},
                  to=projectors_room(event_id))


def wall(socketio: SocketIO, notes: list[dict[str, Any]], to: str) -> None:
    socketio.emit(protocol.WALL, {"notes": notes}, to=to)


def notes_count(socketio: SocketIO, event_id: str, count: int, visible: int,
                to: str | None = None) -> None:
    """To the control pages and projectors: phones do not show it, and a burst of notes
    from a full room would otherwise cost one message per phone per note. ``count`` is
    every note (the control page), ``visible`` the ones not hidden (the projector)."""
    socketio.emit(protocol.NOTES_COUNT, {"count": count, "visible": visible},
                  to=to or _note_viewers(event_id))


def phones(socketio: SocketIO, event_id: str, payload: dict[str, Any], to: str | None = None) -> None:
    """How many phones one process holds for the event, to the control pages only."""
    socketio.emit(protocol.PHONES, payload, to=to or facilitators_room(event_id))


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
    """Results that may be shown, to the control pages (or a projector showing them); never
    to phones."""
    socketio.emit(protocol.EVAL_RESULTS, {"results": results},
                  to=_rooms(to, facilitators_room(event_id)))


def votes(socketio: SocketIO, event_id: str, open_votes: list[dict[str, Any]],
          to: str | None = None) -> None:
    """The open votes, to every screen (phones place their dots on them)."""
    socketio.emit(protocol.VOTES, {"votes": open_votes}, to=to or event_room(event_id))


def vote_results(socketio: SocketIO, event_id: str, results: list[dict[str, Any]],
                 shown: list[dict[str, Any]], to: str | None = None, role: str = "") -> None:
    """Every tally to the control pages, what may be shown to the projectors; never to phones.
    With ``to`` (one connecting screen), ``role`` says which of the two it gets."""
    if to is not None:
        socketio.emit(protocol.VOTE_RESULTS,
                      {"results": results if role == "facilitator" else shown}, to=to)
        return
    socketio.emit(protocol.VOTE_RESULTS, {"results": results}, to=facilitators_room(event_id))
    socketio.emit(protocol.VOTE_RESULTS, {"results": shown}, to=projectors_room(event_id))


def seating(socketio: SocketIO, event_id: str, payload: dict[str, Any], to: str | None = None) -> None:
    """The current round's table per person id, to every screen (a phone finds its own)."""
    socketio.emit(protocol.SEATING, payload, to=to or event_room(event_id))


def table_map(socketio: SocketIO, event_id: str, payload: dict[str, Any],
              to: str | None = None) -> None:
    """Names and tables of the current round, to projectors (screens.py sends it only while
    they show the table map)."""
    socketio.emit(protocol.TABLE_MAP, payload, to=to or projectors_room(event_id))


class Coalescer:
    """Run ``push(key)`` at most once per ``interval_s`` for each key (an event id).

    The first request runs at once; requests during the interval that follows
    become one more run at its end, so the last state always goes out. A
    thousand notes in a second then cost the control pages and projectors a
    handful of ``notes_added``, ``notes_count`` and ``tables`` messages instead
    of a thousand each (and the server as many fewer count queries). ``interval_s`` 0 pushes
    every time (tests that check each push).
    """

    def __init__(self, socketio: SocketIO, interval_s: float, push: Callable[[str], None]):
        self.socketio, self.interval_s, self.push = socketio, interval_s, push
        self.last: dict[str, float] = {}
        self.scheduled: set[str] = set()
        self.lock = threading.Lock()

    def request(self, key: str) -> None:
        if self.interval_s <= 0:
            self.push(key)
            return
        now = time.monotonic()
        with self.lock:
            if key in self.scheduled:
                return
            wait = self.last.get(key, -math.inf) + self.interval_s - now
            if wait > 0:
                self.scheduled.add(key)
            else:
                self.last[key] = now
        if wait > 0:
            self.socketio.start_background_task(self._later, key, wait)
        else:
            self.push(key)

    def _later(self, key: str, wait: float) -> None:
        self.socketio.sleep(wait)
        with self.lock:
            self.scheduled.discard(key)
            self.last[key] = time.monotonic()
        self.push(key)
