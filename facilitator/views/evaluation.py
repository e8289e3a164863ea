"""The facilitator's evaluation page: items, opening and closing them, live results."""
from __future__ import annotations

from flask import abort, g, redirect, render_template, request, url_for

from ..usecases import evaluation, events
from ..db import get_db
from ..domain.evaluation import SCALES, EvalError
from ..screens import screens
from ..usecases.validation import ValidationError
from .facilitator import bp

FLAGS = {"open": {"is_open": True}, "close": {"is_open": False},
         "show": {"results_visible": True}, "hide": {"results_visible": False}}


@bp.get("/f/events/<event_id>/evaluation")
def evaluation_page(event_id: str):
    return _render(g.event)


@bp.post("/f/events/<event_id>/evaluation/items")
def eval_item_add(event_id: str):
    event = g.event
    try:
        evaluation.add_item(get_db(), event.id, request.form)
    except ValidationError as exc:
        return _render(event, form=request.form, errors=exc.errors), 400
    return _changed(event.id)


@bp.post("/f/events/<event_id>/evaluation/items/<int:item_id>/<change>")
def eval_item_change(event_id: str, item_id: int, change: str):
    """open, close, show or hide (results), or delete one item."""
    event = g.event
    try:
        if change == "delete":
            evaluation.delete_item(get_db(), event.id, item_id)
        elif change in FLAGS:
            evaluation.set_flags(get_db(), event.id, item_id, **FLAGS[change])
        else:
            abort(404)
    except EvalError:
        abort(404)
    return _changed(event.id)


@bp.post("/f/events/<event_id>/evaluation/template")
def eval_template(event_id: str):
    event = g.event
    evaluation.apply_template(get_db(), event.id)
    return _changed(event.id)


def _changed(event_id: str):
    screens().evaluation(event_id)
    return redirect(url_for(".evaluation_page", event_id=event_id))


def _render(event, form=None, errors=None):
    return render_template("facilitator/evaluation.html", event=event, scales=list(SCALES),
                           results=evaluation.results(get_db(), event.id),
                           steps=events.event_overview(get_db(), event).steps,
                           form=form or {"kind": "scale", "scale": "1-4"}, errors=errors or {})
