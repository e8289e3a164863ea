"""Thin Socket.IO handlers: authenticate, validate, call a use case, tell the screens.

Each handler's docstring says who sends the event and who receives what.
"""
from __future__ import annotations

import functools
import logging
import sqlite3
from collections import OrderedDict
from typing import Any, Callable

from flask import current_app, request
from flask_socketio import ConnectionRefusedError, SocketIO

from . import auth, frames, phones, protocol
from .screens import Screens
from .usecases import accounts, evaluation, events, notes, timing, votes
from .clock import now, now_ms
from .db import get_db
from .domain.notes import NoteError
from .domain.timer import TimerError
from .windows import SharedWindows, Windows, windows_for

log = logging.getLogger(__name__)
ROLES = ("participant", "projector", "facilitator")
# Ballots one phone may send per minute: far more than a person moving dots.
VOTE_LIMIT_PER_MINUTE = 240


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
    def wrapper(self: "Handlers", data: Any = None) -> dict[str, Any]:
        me = self.me()
        if me["role"] != "facilitator" or not _still_allowed(me):
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
        # {"event", "role", "address", "phone"?} by sid, for this process only (Socket.IO
        # keeps a client on one process; rooms and broadcasts cross processes). The
        # address lives here, in memory, for the limits; it is never stored or logged.
        self.sessions: dict[str, dict[str, Any]] = {}
        # Notes, new phone keys per minute (per phone, per address and event).
        self.windows: Windows | SharedWindows = Windows()  # shared storage once bound
        self.app: Any = None  # set by bind()
        self.strikes = Strikes()
        self.screens: Screens | None = None  # set by bind()

    def me(self) -> dict[str, Any]:
        return self.sessions[request.sid]

    def on_connect(self, auth_data: Any = None) -> None:
        """Any screen connects with {"event", "role", "token"?}; it gets the current state at once.
        A facilitator's token comes from the control page, a projector's from the projector
        link there; a phone needs none (it only ever gets what every phone may see)."""
        me = _authenticate(auth_data)
        me["address"] = request.remote_addr or "?"
        self.sessions[request.sid] = me
        self.screens.welcome(me["event"], me["role"], request.sid)
        if me["role"] == "participant":
            self.screens.phone_joined(me["event"])

    def drop_facilitators(self, login_id: str | None = None, event_id: str | None = None,
                          user_id: int | None = None) -> None:
        """Disconnect this process's control pages of a log-in, or of a user on an event."""
        for sid, me in list(self.sessions.items()):
            if me["role"] == "facilitator" and (
                    (login_id is not None and me["login"] == login_id)
                    or (event_id is not None and me["event"] == event_id
                        and me["user"] == user_id)):
                self.socketio.server.disconnect(sid)

    def recheck_facilitators(self) -> int:
        """Disconnect control pages whose log-in ended or whose user was taken off the event
        on another process; how many. Runs every few seconds under `serve` and gunicorn."""
        stale = []
        with self.app.app_context():
            for sid, me in list(self.sessions.items()):
                if me["role"] == "facilitator" and not _still_allowed(me):
                    stale.append(sid)
        for sid in stale:
            self.socketio.server.disconnect(sid)
        return len(stale)

    def on_disconnect(self, _reason: Any = None) -> None:
        me = self.sessions.pop(request.sid, None)
        if me and me["role"] == "participant":
            self.screens.phone_left(me["event"])

    def on_error(self, exc: Exception) -> dict[str, Any]:
        """Any handler that fails still answers, so no client waits forever.

        The log names the event and the error type only: never a payload,
        which could hold note text.
        """
        log.error("socket event %s failed: %s", request.event["message"], type(exc).__name__,
                  exc_info=exc)
        return protocol.error("server_error", "the server could not handle that; try again")

    def on_phone_key(self, data: Any = None) -> dict[str, Any]:
        """A phone shows the key it keeps ({"key": str | null}) or asks for one; the ack
        {"ok", "key"} is the key it must keep (the same one if valid, else a new one).
        Fresh keys per address and event are limited: a script that throws its key away
        to vote again is held to PHONE_KEYS_PER_ADDRESS_PER_MINUTE."""
        me = self.me()
        secret = current_app.config["SECRET_KEY"]
        key = _field(data, "key")
        phone = phones.check_phone_key(secret, key, me["event"])
        if phone is None:
            limit = int(current_app.config["PHONE_KEYS_PER_ADDRESS_PER_MINUTE"])
            if not self.windows.allow(("key", me["event"], me["address"]), limit, now_ms()):
                return protocol.error("rate_limited", "too many new phones at once; try again")
            key = phones.issue_phone_key(secret, me["event"])
            phone = phones.check_phone_key(secret, key, me["event"])
        me["phone"] = phone
        return protocol.ok(key=key)

    def on_time_sync(self, _data: Any = None) -> dict[str, Any]:
        """Any screen pings to estimate its clock offset; ack carries server time in ms."""
        return protocol.ok(server_now=now_ms())

    def bind(self, app: Any, screens: Screens) -> None:
        """After init_app: serve note_submit straight from python-socketio (see note_submit)."""
        self.app, self.screens = app, screens
        self.windows = windows_for(app.config)
        self.socketio.server.on(protocol.NOTE_SUBMIT, refuse_too_deep(self.note_submit))
        self.socketio.server.on(protocol.VOTE_CAST, refuse_too_deep(self.vote_cast))
        screens.gone_hooks.append(self.drop_facilitators)

    def note_submit(self, sid: str, data: Any = None, *_extra: Any) -> dict[str, Any]:
        """A phone drops a note; ack after commit; facilitators and projectors get notes_added
        and notes_count (coalesced: the first at once, then at most every PUSH_INTERVAL_MS).

        Registered on python-socketio itself, not through Flask-SocketIO: the busiest
        event skips the Flask request context (URL matching, session) built per event.
        It needs none: who sent it comes from ``sessions``, the note goes to the
        writer's own connection, and the app is passed by hand. Errors answer as
        on_error does.
        """
        return _answered(protocol.NOTE_SUBMIT, lambda: self._note_submit(sid, data))

    def on_note_submit(self, data: Any = None) -> dict[str, Any]:
        """The same through Flask-SocketIO (replaced by note_submit once bound)."""
        return self._note_submit(request.sid, data)

    def _note_submit(self, sid: str, data: Any) -> dict[str, Any]:
        app = self.app
        me = self.sessions[sid]
        event_id = me["event"]
        if not self._note_allowed(me, app.config):
            return protocol.error("rate_limited", "too many notes at once; it will be sent shortly")
        try:
            note, is_new = notes.submit_note_batched(app.extensions["facilitator_notes"],
                                                     event_id, data, now(), me.get("phone"))
        except NoteError as exc:
            return protocol.error(exc.code, str(exc))
        except (sqlite3.OperationalError, notes.WriterTimeout) as exc:
            # read-only, locked, full: the database's state, not the note's; the phone keeps
            # it and resends, and one line (no traceback per retry) says what is wrong
            log.warning("socket event %s: database unavailable: %s", protocol.NOTE_SUBMIT,
                        getattr(exc, "sqlite_errorname", type(exc).__name__))
            return protocol.error("unavailable", "the server cannot save notes right now;"
                                  " your note stays on the phone and is sent again")
        except Exception as exc:  # noqa: BLE001 - answered; a note that keeps failing stops
            return self.strikes.failed(data, exc)
        if is_new:
            self.screens.note_added(note)
        return protocol.ok(id=note.id, duplicate=not is_new)

    def _note_allowed(self, me: dict[str, Any], config: Any) -> bool:
        """Per phone key over all its connections (keyless connections of one address share
        one phone's allowance), and a ceiling per address and event."""
        phone = me.get("phone")
        who = ("phone", phone.id) if phone else ("keyless", me["event"], me["address"])
        return self.windows.allow_all(
            [(("note",) + who, int(config["NOTE_LIMIT_PER_MINUTE"])),
             (("note-address", me["event"], me["address"]),
              int(config["NOTE_LIMIT_PER_ADDRESS_PER_MINUTE"]))], now_ms())

    def on_eval_answer(self, data: Any = None) -> dict[str, Any]:
        """A phone answers (or changes its answer to) an open evaluation item: one answer per
        phone key and item, whatever key the payload carries."""
        me = self.me()
        event_id, phone = me["event"], me.get("phone")
        if phone is None:
            return protocol.error("no_phone_key", "ask for a phone key (phone_key) first")
        try:
            evaluation.answer(get_db(), event_id, data, now(), phone=phone)
        except NoteError as exc:
            return protocol.error(exc.code, str(exc))
        self.screens.results(event_id)
        return protocol.ok()

    def vote_cast(self, sid: str, data: Any = None, *_extra: Any) -> dict[str, Any]:
        """A phone places or moves its dots: its whole ballot, with a sequence number.
        Ack after commit (``stored`` false: a newer ballot of this phone was already kept);
        control pages and projectors get vote_results (coalesced).

        Registered on python-socketio itself, as note_submit, for the same reason: a
        room placing dots at once is as busy as a room dropping notes."""
        return _answered(protocol.VOTE_CAST, lambda: self._vote_cast(sid, data))

    def on_vote_cast(self, data: Any = None) -> dict[str, Any]:
        """The same through Flask-SocketIO (replaced by vote_cast once bound)."""
        return self._vote_cast(request.sid, data)

    def _vote_cast(self, sid: str, data: Any) -> dict[str, Any]:
        me = self.sessions[sid]
        phone = me.get("phone")
        if phone is None:
            return protocol.error("no_phone_key", "ask for a phone key (phone_key) first")
        if not self.windows.allow(("vote", phone.id), VOTE_LIMIT_PER_MINUTE, now_ms()):
            return protocol.error("rate_limited", "too many changes at once; it will be sent shortly")
        try:
            _vote, stored = votes.cast_batched(self.app.extensions["facilitator_ballots"],
                                               me["event"], data, phone)
        except NoteError as exc:
            return protocol.error(exc.code, str(exc))
        if stored:
            self.screens.vote_cast(me["event"])
        return protocol.ok(stored=stored)

    @facilitator_only
    def on_timer_command(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator drives the timer; every screen gets timer_state."""
        data = data if isinstance(data, dict) else {}
        step_before = timing.timer_state(get_db(), event_id).step_id
        after = timing.timer_command(get_db(), event_id, str(data.get("action")), now_ms(),
                                     step_id=data.get("step_id"), on=data.get("on"))
        self.screens.timer(event_id, entered_step=after.step_id != step_before)
        return protocol.ok()

    @facilitator_only
    def on_note_moderate(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator hides/restores or stars a note; control pages and projector update."""
        note = notes.moderate(get_db(), event_id, data)
        return protocol.ok(note=self.screens.note_updated(note))

    @facilitator_only
    def on_box_set(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator opens or closes the box; every screen gets box_state."""
        notes.set_box(get_db(), event_id, _field(data, "open"))
        self.screens.box(event_id)
        return protocol.ok()

    @facilitator_only
    def on_table_numbers(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator lets phones add an optional table number to their notes."""
        notes.set_table_numbers(get_db(), event_id, _field(data, "on"))
        self.screens.box(event_id)
        self.screens.tables(event_id)
        return protocol.ok()

    @facilitator_only
    def on_scope_set(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator lets phones say whether a note is for the shared or the own work."""
        notes.set_ask_scope(get_db(), event_id, _field(data, "on"))
        self.screens.box(event_id)
        return protocol.ok()

    @facilitator_only
    def on_projector_view(self, event_id: str, data: Any) -> dict[str, Any]:
        """A facilitator switches the projector between timer, note wall and word cloud."""
        notes.set_projector_view(get_db(), event_id, _field(data, "view"))
        self.screens.projector_view(event_id)
        return protocol.ok()


class Strikes:
    """Notes that failed for a reason of their own, counted by note id (this process).

    The first failures answer server_error, which the phone retries; from MAX_STRIKES
    on the note is ``unstorable``: the phone stops resending it and gives the text back.
    """
    MAX_STRIKES = 3
    REMEMBERED = 10_000

    def __init__(self) -> None:
        self.counts: OrderedDict[str, int] = OrderedDict()

    def failed(self, data: Any, exc: Exception) -> dict[str, Any]:
        note_id = str(data.get("id"))[:64] if isinstance(data, dict) else ""
        count = self.counts.pop(note_id, 0) + 1
        self.counts[note_id] = count
        while len(self.counts) > self.REMEMBERED:
            self.counts.popitem(last=False)
        if count == 1:  # the traceback once; never the payload, which holds note text
            log.error("socket event %s failed: %s", protocol.NOTE_SUBMIT, type(exc).__name__,
                      exc_info=exc)
        if count < self.MAX_STRIKES:
            return protocol.error("server_error", "the server could not handle that; try again")
        log.error("socket event %s: a note failed %d times (%s); the phone was told it cannot"
                  " be stored", protocol.NOTE_SUBMIT, count, type(exc).__name__)
        return protocol.error("unstorable", "the server cannot store this note; its text is"
                              " given back to change or keep")


def register(socketio: SocketIO) -> Handlers:
    """Attach every handler to this app's SocketIO (before init_app; then bind(app))."""
    handlers = Handlers(socketio)
    socketio.on("connect")(handlers.on_connect)
    socketio.on("disconnect")(handlers.on_disconnect)
    socketio.on_error_default(handlers.on_error)
    for name, handler in ((protocol.TIME_SYNC, handlers.on_time_sync),
                          (protocol.PHONE_KEY, handlers.on_phone_key),
                          (protocol.NOTE_SUBMIT, handlers.on_note_submit),
                          (protocol.TIMER_COMMAND, handlers.on_timer_command),
                          (protocol.NOTE_MODERATE, handlers.on_note_moderate),
                          (protocol.BOX_SET, handlers.on_box_set),
                          (protocol.TABLE_NUMBERS_SET, handlers.on_table_numbers),
                          (protocol.PROJECTOR_VIEW_SET, handlers.on_projector_view),
                          (protocol.SCOPE_SET, handlers.on_scope_set),
                          (protocol.EVAL_ANSWER, handlers.on_eval_answer),
                          (protocol.VOTE_CAST, handlers.on_vote_cast),
                          (frames.UNREADABLE_EVENT, lambda _data=None: None)):
        socketio.on(name)(refuse_too_deep(handler))
    return handlers


def _answered(event_name: str, call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A handler registered on python-socketio itself answers whatever fails, as on_error
    does for the others (the log names the event and the error type, never the payload)."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - as on_error: always answer
        log.error("socket event %s failed: %s", event_name, type(exc).__name__, exc_info=exc)
        return protocol.error("server_error", "the server could not handle that; try again")


def _field(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _authenticate(auth_data: Any) -> dict[str, Any]:
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
        if not _still_allowed(me):
            raise ConnectionRefusedError("logged out or no longer a facilitator of this event")
    if role == "projector" and not auth.check_projector_token(secret, auth_data.get("token"),
                                                              event_id):
        raise ConnectionRefusedError("projector key missing or invalid: open the projector link "
                                     "from the control page")
    return me


def _still_allowed(me: dict[str, Any]) -> bool:
    """A control page's log-in still stands and its user still runs the event (checked on
    connect and before every command: a log-out or a revoke on any process counts)."""
    return accounts.may_control(get_db(), me["user"], me["login"], me["event"], now_ms())
