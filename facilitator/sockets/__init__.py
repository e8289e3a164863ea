"""Thin Socket.IO handlers: authenticate, validate, call a use case, tell the screens.

Each handler's docstring says who sends the event and who receives what. The handlers
are split by who sends them: phone.py (phones), control.py (control pages); guards.py
holds who a connection is and who may send what.
"""
from __future__ import annotations

from typing import Any

from flask import request
from flask_socketio import SocketIO

from .. import frames, protocol
from ..clock import now_ms
from ..screens import Screens
from ..windows import SharedWindows, Windows, windows_for
from .control import ControlEvents
from .guards import ROLES, authenticate, log, refuse_too_deep, still_allowed
from .phone import PhoneEvents, Strikes

__all__ = ["Handlers", "ROLES", "register"]


class Handlers(PhoneEvents, ControlEvents):
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
        me = authenticate(auth_data)
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
                if me["role"] == "facilitator" and not still_allowed(me):
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
