"""The facilitator's programme editor: steps, their order, templates.

Plain forms that work without JavaScript; every change is broadcast so the
control page, projector and phones show the new programme at once.
"""
from __future__ import annotations

from flask import abort, current_app, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..usecases import programme, events, timing
from ..screens import screens
from ..db import get_db
from ..domain.programme import STEP_KINDS
from ..usecases.validation import ValidationError
from .facilitator import bp


UNDO_SECONDS = 3600  # how long "Ångra" can bring a deleted step back


@bp.get("/f/events/<event_id>/programme")
def programme_page(event_id: str):
    return _render(g.event, undo=_undo_of(request.args.get("undo")))


@bp.post("/f/events/<event_id>/programme/steps")
def step_add(event_id: str):
    event = g.event
    try:
        programme.add_step(get_db(), event.id, programme.clean_step_form(request.form))
    except ValidationError as exc:
        return _render(event, form=request.form, errors=exc.errors), 400
    return _changed(event.id)


@bp.route("/f/events/<event_id>/programme/steps/<int:step_id>", methods=["GET", "POST"])
def step_edit(event_id: str, step_id: int):
    event = g.event
    step = programme.get_step(get_db(), event.id, step_id) or abort(404)
    if request.method == "GET":
        return _render_edit(event, step, _form_of(step), {})
    try:
        programme.update_step(get_db(), event.id, step.id, programme.clean_step_form(request.form))
    except ValidationError as exc:
        return _render_edit(event, step, request.form, exc.errors), 400
    return _changed(event.id)


@bp.post("/f/events/<event_id>/programme/steps/<int:step_id>/move")
def step_move(event_id: str, step_id: int):
    event = g.event
    delta = {"up": -1, "down": 1}.get(request.form.get("direction", ""))
    if delta is None:
        abort(400)
    return _refusable(event, lambda: programme.move_step(get_db(), event.id, step_id, delta))


@bp.post("/f/events/<event_id>/programme/steps/<int:step_id>/delete")
def step_delete(event_id: str, step_id: int):
    """Delete a step; the page then offers "Ångra" (undo) for an hour."""
    event = g.event
    try:
        removed = programme.delete_step(get_db(), event.id, step_id)
    except programme.ProgrammeRefused as exc:
        if exc.code == "no_step":
            abort(404)
        return _render(event, refused=exc.code), 409
    screens().timer(event.id)
    token = _undo_serializer().dumps({"event": event.id, "step": removed})
    return redirect(url_for(".programme_page", event_id=event.id, undo=token))


@bp.post("/f/events/<event_id>/programme/steps/restore")
def step_restore(event_id: str):
    """Undo a delete: the step back at its place."""
    event = g.event
    undo = _undo_of(request.form.get("undo"))
    if undo is None:
        return _render(event, refused="undo_expired"), 400
    programme.restore_step(get_db(), event.id, undo)
    return _changed(event.id)


@bp.post("/f/events/<event_id>/programme/order")
def step_order(event_id: str):
    """Drag-and-drop reordering (JSON {"ids": [...]}, every step once); no reload needed."""
    event = g.event
    body = request.get_json(silent=True)
    try:
        programme.reorder_steps(get_db(), event.id, body.get("ids") if isinstance(body, dict) else None)
    except programme.ProgrammeRefused:
        return jsonify(ok=False, message=_("The programme changed meanwhile. Reload the page.")), 409
    screens().timer(event.id)
    return jsonify(ok=True)


def _undo_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="step-undo")


def _undo_of(token: str | None) -> dict | None:
    """The deleted step a signed undo token carries, if it is this event's and still fresh."""
    if not token:
        return None
    try:
        data = _undo_serializer().loads(token, max_age=UNDO_SECONDS)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("event") != g.event.id:
        return None
    return {**data["step"], "token": token}


@bp.post("/f/events/<event_id>/programme/template")
def template_add(event_id: str):
    event = g.event
    key = request.form.get("template", "")
    if key not in programme.template_keys():
        return _render(event, refused="unknown_template"), 400
    programme.apply_template(get_db(), event.id, key)
    return _changed(event.id)


def _refusable(event, change):
    try:
        change()
    except programme.ProgrammeRefused as exc:
        if exc.code == "no_step":
            abort(404)
        return _render(event, refused=exc.code), 409
    return _changed(event.id)


def _changed(event_id: str):
    """Tell every screen, then show the programme again."""
    screens().timer(event_id)
    return redirect(url_for(".programme_page", event_id=event_id))


def _render(event, form=None, errors=None, refused=None, undo=None):
    db = get_db()
    return render_template("facilitator/programme.html", event=event, kinds=STEP_KINDS,
                           steps=events.event_overview(db, event).steps,
                           questions={q.id: q.text for q in events.list_questions(db, event.id)},
                           current=timing.timer_state(db, event.id),
                           templates=programme.templates(), form=form or {"minutes": "10"},
                           errors=errors or {}, refused=refused, undo=undo)


def _render_edit(event, step, form, errors):
    return render_template("facilitator/step_edit.html", event=event, step=step, kinds=STEP_KINDS,
                           form=form, errors=errors)


def _form_of(step) -> dict:
    questions = {q.id: q.text for q in events.list_questions(get_db(), step.event_id)}
    minutes = step.duration_s / 60
    return {"kind": step.kind, "title": step.title, "instruction": step.instruction,
            "question": questions.get(step.question_id, ""),
            "minutes": f"{minutes:g}", "box": step.box}
