"""The phone: join by code, see the timer, drop anonymous notes.

Nothing here records who wrote a note: no IP, agent or cookie is stored with it
(the session cookie holds only the form's CSRF secret).
"""
from __future__ import annotations

import uuid

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for

from .. import limits
from ..usecases import notes, people, rotation, events, timing
from .. import phones
from ..clock import now, now_ms
from ..db import get_db
from ..domain.notes import MAX_CHARS, NoteError
from ..usecases.validation import ValidationError
from ..screens import screens
from .common import timer_context

bp = Blueprint("participant", __name__, url_prefix="/j")


@bp.get("/")
def enter_code():
    """A page to type the join code for people who cannot scan."""
    code = request.args.get("code", "")
    if code:
        event = events.event_with_code(get_db(), code[:32])
        if event:
            return redirect(url_for(".join", code=event.join_code))
        limits.note_miss()
        return render_template("participant/enter_code.html", code=code, unknown=True), 404
    return render_template("participant/enter_code.html", code="", unknown=False)


@bp.get("/<code>")
def join(code: str):
    event = _event_or_404(code)
    limits.note_join(event.join_code)  # this phone is in: a venue-wide refusal spares it
    return _render_join(event)


@bp.post("/<code>/notes")
def submit_note(code: str):
    """The no-JavaScript path: a plain form POST, idempotent on the form's note id."""
    event = _event_or_404(code)
    payload = {"id": request.form.get("id", ""), "text": request.form.get("text", ""),
               "question_id": request.form.get("question_id") or None,
               # The page rendered the room's question as the default: another one was picked.
               "question_picked": request.form.get("question_id", "") != request.form.get(
                   "question_default", ""),
               "step_id": request.form.get("step_id") or None,
               "table": request.form.get("table") or None,
               "scope": request.form.get("scope") or None}
    try:  # the same use case and push as a note sent by socket (sockets.phone.PhoneEvents.note_submit)
        note, is_new = notes.submit_note_batched(current_app.extensions["facilitator_notes"],
                                                 event.id, payload, now())
    except NoteError as exc:
        current_app.logger.info("note rejected: %s", exc.code)
        return _render_join(event, error=exc.code, text=payload["text"]), 400
    if is_new:
        screens().note_added(note)
    return redirect(url_for(".join", code=event.join_code, sent=1))


@bp.post("/<code>/checkin")
def check_in(code: str):
    """A phone checks in for the rotations with a name (and organisation). The person id it
    gets back is kept on the phone to find its table; notes never carry it."""
    event = _event_or_404(code)
    if not event.checkin_open:
        return _render_join(event, checkin_error="closed"), 403
    if not _checkin_allowed(event.id):
        return _render_join(event, checkin_error="busy", checkin_form=request.form), 429
    try:
        person_id = people.check_in(get_db(), event.id, request.form, now())
    except ValidationError as exc:
        return _render_join(event, checkin_error=next(iter(exc.errors.values())),
                            checkin_form=request.form), 400
    screens().seating(event.id)
    return redirect(url_for(".join", code=event.join_code, me=person_id))


def _checkin_allowed(event_id: str) -> bool:
    """CHECKIN_LIMIT_PER_PHONE per server-issued phone key (the page's script sends it) and
    a ceiling per address, each per event and minute; a form without a valid key counts
    for its address only."""
    config = current_app.config
    windows = current_app.extensions["facilitator_checkins"]
    checks = [(("checkin-address", event_id, request.remote_addr or "?"),
               int(config["CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE"]))]
    phone = phones.check_phone_key(config["SECRET_KEY"], request.form.get("phone_key"), event_id)
    if phone is not None:
        checks.append((("checkin-phone", phone.id), int(config["CHECKIN_LIMIT_PER_PHONE"])))
    return windows.allow_all(checks, now_ms())


def _render_join(event, error: str | None = None, text: str = "", checkin_error: str | None = None,
                 checkin_form=None):
    db = get_db()
    return render_template("participant/join.html", event=event,
                           questions=events.asked_questions(db, event.id),
                           step=timing.current_step(db, event.id),
                           note_id=str(uuid.uuid4()), max_chars=MAX_CHARS,
                           error=error, text=text, sent=request.args.get("sent") == "1",
                           rotation_on=rotation.in_use(db, event.id),
                           checkin_error=checkin_error, checkin_form=checkin_form or {},
                           **timer_context(event))


def _event_or_404(code: str):
    event = events.event_with_code(get_db(), code[:32])
    if event is None:
        limits.note_miss()
        abort(404, description="unknown_code")
    g.event_language = event.language
    return event



@bp.route("/pre/<token>", methods=["GET", "POST"])
def prepare(token: str):
    """The pre-event box: a municipality or group sends prepared answers before the day."""
    db = get_db()
    event = notes.event_for_prepare_token(db, token)
    if event is None:
        limits.note_miss()
        abort(404)
    g.event_language = event.language
    questions = events.asked_questions(db, event.id)
    if request.method == "GET":
        return _render_prepare(event, questions, {}, {})
    answers = {q.id: request.form.get(f"answer-{q.id}", "") for q in questions}
    ids = {q.id: request.form.get(f"id-{q.id}", "") for q in questions}
    errors = _prepared_errors(answers)
    if errors or not any(a.strip() for a in answers.values()):
        errors = errors or {0: "empty"}
        return _render_prepare(event, questions, request.form, errors), 400
    by = request.form.get("prepared_by", "").strip()
    try:
        with db.atomic():  # all answers or none
            for qid, text in answers.items():
                if text.strip():
                    notes.submit_note(db, event.id, {"id": ids[qid], "text": text,
                                                     "question_id": qid}, now(), prepared_by=by)
    except NoteError as exc:
        return _render_prepare(event, questions, request.form, {0: exc.code}), 400
    return render_template("participant/prepare_done.html", event=event, count=sum(
        1 for a in answers.values() if a.strip()))


def _prepared_errors(answers: dict[int, str]) -> dict[int, str]:
    errors = {}
    for qid, text in answers.items():
        if len(text) > MAX_CHARS:
            errors[qid] = "too_long"
        elif "\x00" in text:
            errors[qid] = "bad_text"
    return errors


def _render_prepare(event, questions, form, errors):
    ids = {q.id: form.get(f"id-{q.id}") or str(uuid.uuid4()) for q in questions}
    return render_template("participant/prepare.html", event=event, questions=questions,
                           form=form, errors=errors, ids=ids, max_chars=MAX_CHARS)


@bp.get("/privacy")
def privacy():
    """What is stored about a participant, in plain words (sv/en)."""
    event = None
    code = request.args.get("event", "")[:32]
    if code:
        event = events.event_with_code(get_db(), code)
        if event:
            g.event_language = event.language
        else:
            limits.note_miss()
    return render_template("participant/privacy.html", event=event)
