"""Tell the screens: the one object views and socket handlers call after a change.

``app.extensions["screens"]`` is a :class:`Screens`. A view that changed the
timer, the rotation, an evaluation or the projector's view, and a socket
handler that did the same, both call it; neither knows about rooms or emit().
It builds each payload through the use cases and hands it to notify.py, the
only module that emits.

The pub/sub shape (after CTFd's events manager): publishing goes through
Flask-SocketIO, which delivers in-process when the app runs alone and through
Redis when ``FACILITATOR_MESSAGE_QUEUE`` is set (several processes behind a
load balancer): the same call reaches every screen of the event in both cases.

New notes are coalesced: a burst of a thousand costs the control pages and
projectors a handful of ``notes_added``/``notes_count``/``tables`` messages.

A projector is told only what the view it shows needs (issue 24): the wall's
visible notes while it shows the wall, results while it shows results, names
while it shows the table map; switching the view sends the new view's data.
Hidden notes reach it only as "remove this id".
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from flask import current_app
from flask_socketio import SocketIO, join_room

from . import notify, protocol
from .clock import now_ms
from .db import get_db
from .models import Note
from .presence import HEARTBEAT_S, Presence
from .usecases import evaluation, events, notes, rotation, timing, votes


class Screens:
    """What every kind of screen of an event is told, and when."""

    def __init__(self, socketio: SocketIO, app: Any):
        self.socketio, self.app = socketio, app
        interval = int(app.config["PUSH_INTERVAL_MS"]) / 1000
        # New notes not yet sent to control pages and projectors, by event.
        self.added: dict[str, list[dict[str, Any]]] = {}
        self.added_lock = threading.Lock()
        self.counts = notify.Coalescer(socketio, interval, self._in_app(self._push_added))
        self.table_counts = notify.Coalescer(socketio, interval, self._in_app(self.tables))
        self.tallies = notify.Coalescer(socketio, interval, self._in_app(self.vote_results))
        # Phones connected to this process, per event, told to the control pages.
        self.presence = Presence()
        self.phone_counts = notify.Coalescer(socketio, interval, self.phones)
        self.heartbeat_started = False
        # Who closes the control pages of a log-out or a revoked member (sockets.Handlers).
        self.gone_hooks: list[Callable[..., None]] = []

    def _in_app(self, push: Callable[[str], None]) -> Callable[[str], None]:
        def run(event_id: str) -> None:
            with self.app.app_context():
                push(event_id)
        return run

    # ---- notes ---------------------------------------------------------------------

    def note_added(self, note: Note) -> None:
        """A new note was stored (by socket or by the plain form): notes_added and
        notes_count to control pages and projectors, tables if it has a table number.
        Needs no app context (the socket path calls it without one)."""
        with self.added_lock:
            self.added.setdefault(note.event_id, []).append(note)
        self.counts.request(note.event_id)
        if note.table_no is not None:
            self.table_counts.request(note.event_id)

    def _push_added(self, event_id: str) -> None:
        with self.added_lock:
            added = self.added.pop(event_id, [])
        if added:
            notify.notes_added(self.socketio, [protocol.note_payload(n) for n in added],
                               to=notify.facilitators_room(event_id))
            shown = [protocol.wall_note_payload(n) for n in added if not n.hidden]
            if shown and self._view(event_id) == "wall":
                notify.notes_added(self.socketio, shown, to=notify.projectors_room(event_id))
        self.count(event_id)

    def note_updated(self, note: Note) -> dict[str, Any]:
        """A facilitator hid/restored or starred a note; a hidden note leaves its table's count
        and the wall (the projector gets its id only)."""
        payload = protocol.note_payload(note)
        notify.note_updated(self.socketio, payload, to=notify.facilitators_room(note.event_id))
        if self._view(note.event_id) == "wall":
            notify.note_updated(self.socketio, protocol.wall_note_payload(note),
                                to=notify.projectors_room(note.event_id))
        self.count(note.event_id)            # the projector counts only what it shows
        if note.table_no is not None:
            self.tables(note.event_id)
        return payload

    def count(self, event_id: str, to: str | None = None) -> None:
        """Every note (the control page) and the visible ones (the projector)."""
        db = get_db()
        notify.notes_count(self.socketio, event_id, notes.count_notes(db, event_id),
                           notes.count_visible(db, event_id), to=to)

    # ---- phones connected now (presence.py) ------------------------------------------

    def phone_joined(self, event_id: str) -> None:
        self.presence.join(event_id)
        self._phones_changed(event_id)

    def phone_left(self, event_id: str) -> None:
        self.presence.leave(event_id)
        self._phones_changed(event_id)

    def _phones_changed(self, event_id: str) -> None:
        if not self.heartbeat_started:
            self.heartbeat_started = True
            self.socketio.start_background_task(self._heartbeat)
        self.phone_counts.request(event_id)

    def phones(self, event_id: str, to: str | None = None) -> None:
        """How many phones this process holds for the event; needs no app context."""
        notify.phones(self.socketio, event_id, self.presence.payload(event_id, now_ms()), to=to)

    def _heartbeat(self) -> None:
        """Repeat this process's counts, so the control pages' sums stay true."""
        while True:
            self.socketio.sleep(HEARTBEAT_S)
            for event_id in self.presence.events():
                self.phones(event_id)

    def _view(self, event_id: str) -> str:
        return events.get_event(get_db(), event_id).projector_view

    def box(self, event_id: str, to: str | None = None) -> None:
        event = events.get_event(get_db(), event_id)
        notify.box_state(self.socketio, event_id, event.box_open, event.table_numbers, to=to,
                         ask_scope=event.ask_scope)

    def tables(self, event_id: str, to: str | None = None) -> None:
        event = events.get_event(get_db(), event_id)
        payload = protocol.tables_payload(event.table_numbers, notes.tables(get_db(), event_id))
        notify.tables(self.socketio, event_id, payload, to=to)

    # ---- timer, evaluation, rotation, projector --------------------------------------

    def timer(self, event_id: str, entered_step: bool = False) -> None:
        """After any timer change: the new state to every screen and step times to facilitators;
        on entering a step also the box, evaluation items and tables, which the step may have
        changed. (Only then: with a thousand phones every extra broadcast costs a thousand
        messages.)"""
        db = get_db()
        notify.timer_state(self.socketio, event_id, timing.timer_snapshot(db, event_id, now_ms()))
        notify.programme(self.socketio, event_id, timing.programme_payload(db, event_id, now_ms()))
        if entered_step:
            self.box(event_id)
            notify.eval_items(self.socketio, event_id, evaluation.public_items(db, event_id))
            if votes.votes(db, event_id):
                self.votes(event_id)
            step = timing.current_step(db, event_id)
            if step is not None and step.kind == "vote":
                self.projector_view(event_id)
            if rotation.in_use(db, event_id):
                self.seating(event_id)

    def evaluation(self, event_id: str) -> None:
        """After the facilitator changes an item: what phones may answer, and the results."""
        notify.eval_items(self.socketio, event_id, evaluation.public_items(get_db(), event_id))
        self.results(event_id)

    def results(self, event_id: str) -> None:
        results = evaluation.shown_results(get_db(), event_id)
        notify.eval_results(self.socketio, event_id, results)
        if self._view(event_id) == "results":
            self._projector_results(event_id, results)

    def _projector_results(self, event_id: str, results: list[dict[str, Any]],
                           to: str | None = None) -> None:
        """Counts and means only: the projector never shows comments."""
        bare = [{k: v for k, v in r.items() if k != "comments"} for r in results]
        notify.eval_results(self.socketio, event_id, bare, to=to or notify.projectors_room(event_id))

    def votes(self, event_id: str) -> None:
        """After the facilitator opens, closes or changes a vote: what phones may vote on,
        and the tallies."""
        notify.votes(self.socketio, event_id, votes.public_votes(get_db(), event_id))
        self.vote_results(event_id)

    def vote_cast(self, event_id: str) -> None:
        """A phone's ballot was stored: new tallies, coalesced like note counts (a thousand
        phones placing dots cost the control pages and projectors a handful of messages)."""
        self.tallies.request(event_id)

    def vote_results(self, event_id: str) -> None:
        results = votes.results(get_db(), event_id)
        notify.vote_results(self.socketio, event_id, results, votes.shown(results))

    def seating(self, event_id: str) -> None:
        """After any rotation change: tables per person to every screen, names to projectors
        that show the table map."""
        db = get_db()
        notify.seating(self.socketio, event_id, rotation.seat_payload(db, event_id))
        if self._view(event_id) == "tables":
            notify.table_map(self.socketio, event_id, rotation.table_map(db, event_id))

    def projector_view(self, event_id: str) -> None:
        """The view changed: every screen learns it, projectors get what the new view shows."""
        view = self._view(event_id)
        notify.projector_view(self.socketio, event_id, view)
        self._view_content(event_id, view, notify.projectors_room(event_id))

    def projector_look(self, event_id: str) -> None:
        """The light theme or the logo changed: open projectors follow without a reload."""
        event = events.get_event(get_db(), event_id)
        notify.projector_look(self.socketio, event_id, event.projector_theme,
                              events.has_logo(get_db(), event_id))

    def _view_content(self, event_id: str, view: str, to: str) -> None:
        db = get_db()
        if view == "wall":
            notify.wall(self.socketio, notes.wall(db, event_id), to=to)
        elif view == "tables":
            notify.table_map(self.socketio, event_id, rotation.table_map(db, event_id), to=to)
        elif view == "results":
            self._projector_results(event_id, evaluation.shown_results(db, event_id), to=to)

    # ---- facilitators -----------------------------------------------------------------

    def facilitators_gone(self, login_id: str | None = None, event_id: str | None = None,
                          user_id: int | None = None) -> None:
        """A log-out (``login_id``) or a revoked member (``event_id`` and ``user_id``): their
        control pages in this process are disconnected now; those on other processes are
        refused at their next command and closed by the periodic check (the sockets package)."""
        for hook in self.gone_hooks:
            hook(login_id=login_id, event_id=event_id, user_id=user_id)

    # ---- a screen (re)connects -------------------------------------------------------

    def welcome(self, event_id: str, role: str, sid: str) -> None:
        """Everything a screen needs right after (re)connecting, so it never needs a reload.
        Called inside the connect handler (join_room acts on the connecting client)."""
        db, socketio = get_db(), self.socketio
        event = events.get_event(db, event_id)
        join_room(notify.event_room(event_id))
        if role == "facilitator":
            join_room(notify.facilitators_room(event_id))
            notify.programme(socketio, event_id, timing.programme_payload(db, event_id, now_ms()),
                             to=sid)
            self.tables(event_id, to=sid)
            self.phones(event_id, to=sid)
        if role == "projector":
            join_room(notify.projectors_room(event_id))
            self._view_content(event_id, event.projector_view, sid)
        notify.timer_state(socketio, event_id, timing.timer_snapshot(db, event_id, now_ms()), to=sid)
        self.count(event_id, to=sid)
        notify.box_state(socketio, event_id, event.box_open, event.table_numbers, to=sid,
                         ask_scope=event.ask_scope)
        notify.projector_view(socketio, event_id, event.projector_view, to=sid)
        notify.eval_items(socketio, event_id, evaluation.public_items(db, event_id), to=sid)
        notify.seating(socketio, event_id, rotation.seat_payload(db, event_id), to=sid)
        notify.votes(socketio, event_id, votes.public_votes(db, event_id), to=sid)
        if role != "participant":
            results = votes.results(db, event_id)
            notify.vote_results(socketio, event_id, results, votes.shown(results), to=sid,
                                role=role)
        if role == "facilitator":
            notify.eval_results(socketio, event_id, evaluation.shown_results(db, event_id), to=sid)


def screens() -> Screens:
    """The current app's Screens."""
    return current_app.extensions["screens"]
