"""Thin Socket.IO handlers: authenticate, validate, call a use case, broadcast.

Each handler's docstring says who sends the event and who receives what.
"""
from __future__ import annotations

import functools
import logging
import threading
from typing import Any, Callable

from flask import current_app, request
from flask_socketio import ConnectionRefusedError, SocketIO, join_room

from . import auth, broadcast, evaluation, notes, protocol, rotation, services, timing
from .presence import HEARTBEAT_S, Presence
from .clock import now, now_ms
from .db import get_db
from .domain.notes import NoteError
from .domain.timer import TimerError

log = logging.getLogger(__name__)
ROLES = ("participant", "projector", "facilitator")
# Notes one connection may send per minute (config NOTE_LIMIT_PER_MINUTE); a phone
# that hits it keeps the note in its outbox and sends it again a few seconds
# later, so nothing is lost.
NOTE_WINDOW_MS = 60_000


def facilitator_only(handler: Callable[..., dict[str, Any]]):
    """Refuse anyone but a facilitator of this event; call handler(self, event_id, data)."""
    @functools.wraps(handler)
    def wrapper(self: "Handlers", data: Any = None) -> dict[str, Any]:
        me = self.me()
        if me["role"] != "facilitator":
            return protocol.error("forbidden", "only the facilitator can do that")
        try:
            return handler(self, me["event"], data)
        except (NoteError, TimerError) as exc:
            return protocol.error(getattr(exc, "code", "bad_action"), str(exc))
    return wrapper


class Handlers:
    """The handlers of one app's SocketIO, and who each of its connections is."""

    def __init__(self, socketio: SocketIO):
        self.socketio = socketio
        # {"event", "role", "sent_ms"} by sid, for this process only (Socket.IO keeps a
        # client on one process; rooms and broadcasts cross processes).
        self.sessions: dict[str, dict[str, Any]] = {}
        # New notes not yet sent to control pages and projectors, by event.
        self.added: dict[str, list[dict[str, Any]]] = {}
        self.added_lock = threading.Lock()
        # Made on the first note, when the app (and its PUSH_INTERVAL_MS) is known.
        self.counts: broadcast.Coalescer | None = None
        self.tables: broadcast.Coalescer | None = None
        self.app: Any = None  # set by bind(), or by the first note through Flask-SocketIO
        # Phones connected to this process per event, told to the control pages.
        self.presence = Presence()
        self.phones: broadcast.Coalescer | None = None
        self.heartbeat_started = False

    def me(self) -> dict[str, Any]:
        return self.sessions[request.sid]

    def on_connect(self, auth_data: Any = None) -> None:
        """Any screen connects with {"event", "role", "token"?}; it gets the current state at once."""
        event_id, role = _authenticate(auth_data)
        self.sessions[request.sid] = {"event": event_id, "role": role}
        join_room(broadcast.event_room(event_id))
        _welcome(self.socketio, event_id, role)
        if role == "participant":
            self.presence.join(event_id)
            self._phones_changed(event_id)
        elif role == "facilitator":
            broadcast.phones(self.socketio, event_id, self.presence.payload(event_id, now_ms()),
                             to=request.sid)

    def on_disconnect(self, _reason: Any = None) -> None:
        me = self.sessions.pop(request.sid, None)
        if me and me["role"] == "participant":
            self.presence.leave(me["event"])
            self._phones_changed(me["event"])

    def _phones_changed(self, event_id: str) -> None:
        """Tell the control pages how many phones are here (coalesced like notes_count)."""
        if self.phones is None:
            interval = int(current_app.config["PUSH_INTERVAL_MS"]) / 1000
            self.phones = broadcast.Coalescer(self.socketio, interval, self._push_phones)
        if not self.heartbeat_started:
            self.heartbeat_started = True
            self.socketio.start_background_task(self._heartbeat)
        self.phones.request(event_id)

    def _push_phones(self, event_id: str) -> None:
        broadcast.phones(self.socketio, event_id, self.presence.payload(event_id, now_ms()))

    def _heartbeat(self) -> None:
        """Repeat this process's counts, so the control pages' sums stay true (presence.py)."""
        while True:
            self.socketio.sleep(HEARTBEAT_S)
            for event_id in self.presence.events():
                self._push_phones(event_id)

    def on_error(self, exc: Exception) -> dict[str, Any]:
        """Any handler that fails still answers, so no client waits forever.

        The log names the event and the error type only: never a payload,
        which could hold note text.
        """
        log.error("socket event %s failed: %s", request.event["message"], type(exc).__name__,
                  exc_info=exc)
        return protocol.error("server_error", "the server could not handle that; try again")

    def on_time_sync(self, _data: Any = None) -> dict[str, Any]:
        """Any screen pings to estimate its clock offset; ack carries server time in ms."""
        return protocol.ok(server_now=now_ms())

    def bind(self, app: Any) -> None:
        """Serve note_submit straight from python-socketio (after init_app; see note_submit)
        and the facilitator's commands ahead of the notes (see run_inline)."""
        self.app = app
        self.socketio.server.on(protocol.NOTE_SUBMIT, self.note_submit)
        run_inline(self.socketio.server, INLINE_EVENTS)

    def note_submit(self, sid: str, data: Any = None, *_extra: Any) -> dict[str, Any]:
        """A phone drops a note; ack after commit; facilitators and projectors get notes_added
        and notes_count (coalesced: the first at once, then at most every PUSH_INTERVAL_MS).

        Registered on python-socketio itself, not through Flask-SocketIO: the busiest
        event skips the Flask request context (URL matching, session) built per event.
        It needs none: who sent it comes from ``sessions``, the note goes to the
        writer's own connection, and the app is passed by hand. Errors answer as
        on_error does.
        """
        try:
            return self._note_submit(sid, data)
        except Exception as exc:  # noqa: BLE001 - as on_error: always answer
            log.error("socket event %s failed: %s", protocol.NOTE_SUBMIT, type(exc).__name__,
                      exc_info=exc)
            return protocol.error("server_error", "the server could not handle that; try again")

    def on_note_submit(self, data: Any = None) -> dict[str, Any]:
        """The same through Flask-SocketIO (an app whose handlers were not bound)."""
        self.app = current_app._get_current_object()  # type: ignore[attr-defined]
        return self._note_submit(request.sid, data)

    def _note_submit(self, sid: str, data: Any) -> dict[str, Any]:
        app = self.app
        me = self.sessions[sid]
        event_id = me["event"]
        if not _within_limit(me, now_ms(), int(app.config["NOTE_LIMIT_PER_MINUTE"])):
            return protocol.error("rate_limited", "too many notes at once; it will be sent shortly")
        try:
            note, is_new = notes.submit_note_batched(app.extensions["facilitator_notes"],
                                                     event_id, data, now())
        except NoteError as exc:
            return protocol.error(exc.code, str(exc))
        if is_new:
            with self.added_lock:
                self.added.setdefault(event_id, []).append(protocol.note_payload(note))
            counts, tables = self._coalescers(app)
            counts.request(event_id)
            if note.table_no is not None:
                tables.request(event_id)
        return protocol.ok(id=note.id, duplicate=not is_new)

    def _coalescers(self, app: Any) -> tuple[broadcast.Coalescer, broadcast.Coalescer]:
        """notes_added + notes_count, and tables pushes, at most one per PUSH_INTERVAL_MS per event."""
        if self.counts is None or self.tables is None:
            interval = int(app.config["PUSH_INTERVAL_MS"]) / 1000

            def in_app(push: Callable[[SocketIO, str], None]) -> Callable[[str], None]:
                def run(event_id: str) -> None:
                    with app.app_context():
                        push(self.socketio, event_id)
                return run
            self.counts = broadcast.Coalescer(self.socketio, interval, in_app(self.push_added))
            self.tables = broadcast.Coalescer(self.socketio, interval, in_app(push_tables))
        return self.counts, self.tables

    def on_eval_answer(self, data: Any = None) -> dict[str, Any]:
        """A phone answers (or changes its answer to) an open evaluation item."""
        event_id = self.me()["event"]
        try:
            evaluation.answer(get_db(), event_id, data, now())
        except NoteError as exc:
            return protocol.error(exc.code, str(exc))
        push_results(self.socketio, event_id)
        return protocol.ok()

    def push_added(self, socketio: SocketIO, event_id: str) -> None:
        """The notes stored since the last push, then the new count."""
        with self.added_lock:
            payloads = self.added.pop(event_id, [])
        if payloads:
            broadcast.notes_added(socketio, event_id, payloads)
        push_count(socketio, event_id)

    @facilitator_only
    def on_timer_command(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator drives the timer; every screen gets timer_state."""
        data = data if isinstance(data, dict) else {}
        step_before = timing.timer_state(get_db(), event_id).step_id
        after = timing.timer_command(get_db(), event_id, str(data.get("action")), now_ms(),
                                     step_id=data.get("step_id"), on=data.get("on"))
        push_timer(self.socketio, event_id, entered_step=after.step_id != step_before)
        return protocol.ok()

    @facilitator_only
    def on_note_moderate(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator hides/restores or stars a note; control pages and projector update."""
        note = notes.moderate(get_db(), event_id, data)
        payload = protocol.note_payload(note)
        broadcast.note_updated(self.socketio, event_id, payload)
        push_count(self.socketio, event_id)      # the projector counts only what it shows
        if note.table_no is not None:  # a hidden note leaves its table's count
            push_tables(self.socketio, event_id)
        return protocol.ok(note=payload)

    @facilitator_only
    def on_box_set(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator opens or closes the box; every screen gets box_state."""
        notes.set_box(get_db(), event_id, _field(data, "open"))
        push_box(self.socketio, event_id)
        return protocol.ok()

    @facilitator_only
    def on_table_numbers(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator lets phones add an optional table number to their notes."""
        notes.set_table_numbers(get_db(), event_id, _field(data, "on"))
        push_box(self.socketio, event_id)
        push_tables(self.socketio, event_id)
        return protocol.ok()

    @facilitator_only
    def on_projector_view(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator switches the projector between timer, note wall and word cloud."""
        event = notes.set_projector_view(get_db(), event_id, _field(data, "view"))
        broadcast.projector_view(self.socketio, event_id, event.projector_view)
        return protocol.ok()


def register(socketio: SocketIO) -> Handlers:
    """Attach every handler to this app's SocketIO (before init_app; then bind(app))."""
    handlers = Handlers(socketio)
    socketio.on("connect")(handlers.on_connect)
    socketio.on("disconnect")(handlers.on_disconnect)
    socketio.on_error_default(handlers.on_error)
    for name, handler in ((protocol.TIME_SYNC, handlers.on_time_sync),
                          (protocol.NOTE_SUBMIT, handlers.on_note_submit),
                          (protocol.TIMER_COMMAND, handlers.on_timer_command),
                          (protocol.NOTE_MODERATE, handlers.on_note_moderate),
                          (protocol.BOX_SET, handlers.on_box_set),
                          (protocol.TABLE_NUMBERS_SET, handlers.on_table_numbers),
                          (protocol.PROJECTOR_VIEW_SET, handlers.on_projector_view),
                          (protocol.EVAL_ANSWER, handlers.on_eval_answer)):
        socketio.on(name)(handler)
    return handlers


# The facilitator's commands: short database work, and what a room waits for on the screens.
INLINE_EVENTS = frozenset(protocol.FACILITATOR_EVENTS)


def run_inline(server: Any, names: frozenset[str]) -> None:
    """Handle these events in the greenlet that read them instead of a new one.

    python-socketio starts a greenlet per event (async_handlers), and a new greenlet
    runs only after every greenlet that is already runnable. In a burst of a thousand
    notes that was most of the wait of a timer command that arrived in the middle
    (136 ms between reading it and starting its handler, in one traced run). Run
    where it was read, the command's database work and broadcast happen at once. Only
    for events whose handlers never wait on other greenlets (not note_submit, which
    waits for the writer's commit). Wraps python-socketio's ``Server._handle_event``.
    """
    needed = (getattr(server, "_handle_event", None), getattr(server, "_handle_event_internal", None),
              getattr(server.manager, "sid_from_eio_sid", None))
    if not all(needed):  # another python-socketio: keep its own way (correct, a little slower)
        log.warning("python-socketio internals changed: facilitator commands get a greenlet each")
        return
    spawn_handler = server._handle_event

    def handle_event(eio_sid: str, namespace: str | None, ack_id: Any, data: list) -> None:
        if not (data and data[0] in names and server.async_handlers):
            return spawn_handler(eio_sid, namespace, ack_id, data)
        namespace = namespace or "/"
        sid = server.manager.sid_from_eio_sid(eio_sid, namespace)
        if not server.manager.is_connected(sid, namespace):
            return None
        return server._handle_event_internal(server, sid, eio_sid, data, namespace, ack_id)

    server._handle_event = handle_event


def _field(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _within_limit(me: dict[str, Any], at_ms: int, limit: int) -> bool:
    """A sliding window of note sends per connection."""
    recent = [t for t in me.setdefault("sent_ms", []) if at_ms - t < NOTE_WINDOW_MS]
    me["sent_ms"] = recent
    if len(recent) >= limit:
        return False
    recent.append(at_ms)
    return True


def _welcome(socketio: SocketIO, event_id: str, role: str) -> None:
    """Everything a screen needs right after (re)connecting, so it never needs a reload."""
    db, sid = get_db(), request.sid
    event = services.get_event(db, event_id)
    if role == "facilitator":
        join_room(broadcast.facilitators_room(event_id))
        broadcast.programme(socketio, event_id, timing.programme_payload(db, event_id, now_ms()),
                            to=sid)
        push_tables(socketio, event_id, to=sid)
    if role == "projector":
        join_room(broadcast.projectors_room(event_id))
        broadcast.wall(socketio, notes.wall(db, event_id), to=sid)
        broadcast.table_map(socketio, event_id, rotation.table_map(db, event_id), to=sid)
    broadcast.timer_state(socketio, event_id, timer_payload(event_id), to=sid)
    broadcast.notes_count(socketio, event_id, notes.count_notes(db, event_id),
                          notes.count_visible(db, event_id), to=sid)
    broadcast.box_state(socketio, event_id, event.box_open, event.table_numbers, to=sid)
    broadcast.projector_view(socketio, event_id, event.projector_view, to=sid)
    broadcast.eval_items(socketio, event_id, evaluation.public_items(db, event_id), to=sid)
    broadcast.seating(socketio, event_id, rotation.seat_payload(db, event_id), to=sid)
    if role != "participant":
        broadcast.eval_results(socketio, event_id, evaluation.shown_results(db, event_id), to=sid)


def timer_payload(event_id: str) -> dict[str, Any]:
    return timing.timer_snapshot(get_db(), event_id, now_ms())


def push_timer(socketio: SocketIO, event_id: str, entered_step: bool = False) -> None:
    """After any timer change: the new state to every screen and step times to facilitators;
    on entering a step also the box, evaluation items and tables, which the step may have changed.
    (Only then: with a thousand phones every extra broadcast costs a thousand messages.)"""
    broadcast.timer_state(socketio, event_id, timer_payload(event_id))
    broadcast.programme(socketio, event_id, timing.programme_payload(get_db(), event_id, now_ms()))
    if entered_step:
        push_box(socketio, event_id)
        broadcast.eval_items(socketio, event_id, evaluation.public_items(get_db(), event_id))
        if rotation.in_use(get_db(), event_id):
            push_seating(socketio, event_id)


def push_evaluation(socketio: SocketIO, event_id: str) -> None:
    """After the facilitator changes an item: what phones may answer, and the results."""
    broadcast.eval_items(socketio, event_id, evaluation.public_items(get_db(), event_id))
    push_results(socketio, event_id)


def push_results(socketio: SocketIO, event_id: str) -> None:
    broadcast.eval_results(socketio, event_id, evaluation.shown_results(get_db(), event_id))


def push_seating(socketio: SocketIO, event_id: str) -> None:
    """After any rotation change: tables per person to every screen, names to projectors."""
    broadcast.seating(socketio, event_id, rotation.seat_payload(get_db(), event_id))
    broadcast.table_map(socketio, event_id, rotation.table_map(get_db(), event_id))


def push_projector_view(socketio: SocketIO, event_id: str) -> None:
    """After the projector view changed outside a socket event (the themes page)."""
    broadcast.projector_view(socketio, event_id, services.get_event(get_db(), event_id).projector_view)


def push_count(socketio: SocketIO, event_id: str) -> None:
    db = get_db()
    broadcast.notes_count(socketio, event_id, notes.count_notes(db, event_id),
                          notes.count_visible(db, event_id))


def push_box(socketio: SocketIO, event_id: str, to: str | None = None) -> None:
    event = services.get_event(get_db(), event_id)
    broadcast.box_state(socketio, event_id, event.box_open, event.table_numbers, to=to)


def push_tables(socketio: SocketIO, event_id: str, to: str | None = None) -> None:
    event = services.get_event(get_db(), event_id)
    payload = protocol.tables_payload(event.table_numbers, notes.tables(get_db(), event_id))
    broadcast.tables(socketio, event_id, payload, to=to)


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
