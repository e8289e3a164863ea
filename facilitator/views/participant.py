"""The phone: join by code, see the timer, drop anonymous notes.

Nothing here records who wrote a note: no cookie, IP or agent is stored.
"""
from __future__ import annotations

import uuid

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for

from .. import notes, services, timing
from ..clock import now
from ..db import get_db
from ..domain.notes import MAX_CHARS, NoteError
from .common import timer_context

bp = Blueprint("participant", __name__, url_prefix="/j")


@bp.get("/")
def enter_code():
    """A page to type the join code for people who cannot scan."""
    code = request.args.get("code", "")
    if code:
        event = services.event_with_code(get_db(), code[:32])
        if event:
            return redirect(url_for(".join", code=event.join_code))
        return render_template("participant/enter_code.html", code=code, unknown=True), 404
    return render_template("participant/enter_code.html", code="", unknown=False)


@bp.get("/<code>")
def join(code: str):
    event = _event_or_404(code)
    return _render_join(event)


@bp.post("/<code>/notes")
def submit_note(code: str):
    """The no-JavaScript path: a plain form POST, idempotent on the form's note id."""
    event = _event_or_404(code)
    payload = {"id": request.form.get("id", ""), "text": request.form.get("text", ""),
               "question_id": request.form.get("question_id") or None}
    try:
        notes.submit_note(get_db(), event.id, payload, now())
    except NoteError as exc:
        current_app.logger.info("note rejected: %s", exc.code)
        return _render_join(event, error=exc.code, text=payload["text"]), 400
    return redirect(url_for(".join", code=event.join_code, sent=1))


def _render_join(event, error: str | None = None, text: str = ""):
    db = get_db()
    return render_template("participant/join.html", event=event,
                           questions=services.list_questions(db, event.id),
                           step=timing.current_step(db, event.id),
                           note_id=str(uuid.uuid4()), max_chars=MAX_CHARS,
                           error=error, text=text, sent=request.args.get("sent") == "1",
                           **timer_context(event))


def _event_or_404(code: str):
    event = services.event_with_code(get_db(), code[:32])
    if event is None:
        abort(404, description="unknown_code")
    g.event_language = event.language
    return event

