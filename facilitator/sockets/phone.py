"""What a phone sends: its key, notes, evaluation answers and dots.

note_submit and vote_cast are registered on python-socketio itself once bound (see
note_submit): the busiest events skip Flask-SocketIO's request context."""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

from flask import current_app, request

from .. import phones, protocol
from ..clock import now, now_ms
from ..db import get_db
from ..domain.notes import NoteError
from ..usecases import evaluation, notes, votes
from .guards import answered, field, log

# Ballots one phone may send per minute: far more than a person moving dots.
VOTE_LIMIT_PER_MINUTE = 240


class PhoneEvents:
    """The phone's handlers (a part of sockets.Handlers: uses its sessions, windows,
    strikes, screens and app)."""

    def on_phone_key(self, data: Any = None) -> dict[str, Any]:
        """A phone shows the key it keeps ({"key": str | null}) or asks for one; the ack
        {"ok", "key"} is the key it must keep (the same one if valid, else a new one).
        Fresh keys per address and event are limited: a script that throws its key away
        to vote again is held to PHONE_KEYS_PER_ADDRESS_PER_MINUTE."""
        me = self.me()
        secret = current_app.config["SECRET_KEY"]
        key = field(data, "key")
        phone = phones.check_phone_key(secret, key, me["event"])
        if phone is None:
            limit = int(current_app.config["PHONE_KEYS_PER_ADDRESS_PER_MINUTE"])
            if not self.windows.allow(("key", me["event"], me["address"]), limit, now_ms()):
                return protocol.error("rate_limited", "too many new phones at once; try again")
            key = phones.issue_phone_key(secret, me["event"])
            phone = phones.check_phone_key(secret, key, me["event"])
        me["phone"] = phone
        return protocol.ok(key=key)

    def note_submit(self, sid: str, data: Any = None, *_extra: Any) -> dict[str, Any]:
        """A phone drops a note; ack after commit; facilitators and projectors get notes_added
        and notes_count (coalesced: the first at once, then at most every PUSH_INTERVAL_MS).

        Registered on python-socketio itself, not through Flask-SocketIO: the busiest
        event skips the Flask request context (URL matching, session) built per event.
        It needs none: who sent it comes from ``sessions``, the note goes to the
        writer's own connection, and the app is passed by hand. Errors answer as
        on_error does.
        """
        return answered(protocol.NOTE_SUBMIT, lambda: self._note_submit(sid, data))

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
        return answered(protocol.VOTE_CAST, lambda: self._vote_cast(sid, data))

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
