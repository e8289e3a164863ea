"""The facilitator's votes page: dot votes on themes, featured notes or typed options."""
from __future__ import annotations

from flask import abort, g, redirect, render_template, request, url_for

from ..db import get_db
from ..domain.votes import VoteError
from ..screens import screens
from ..usecases import events, votes
from ..usecases.validation import ValidationError
from .common import socket_token
from .facilitator import bp

CHANGES = {"open": votes.open_vote, "close": votes.close_vote,
           "show": lambda db, e, v: votes.set_visible(db, e, v, True),
           "hide": lambda db, e, v: votes.set_visible(db, e, v, False),
           "delete": votes.delete_vote}


@bp.get("/f/events/<event_id>/votes")
def votes_page(event_id: str):
    return _render(g.event)


@bp.post("/f/events/<event_id>/votes")
def vote_add(event_id: str):
    event = g.event
    try:
        votes.add_vote(get_db(), event.id, request.form)
    except ValidationError as exc:
        return _render(event, form=request.form, errors=exc.errors), 400
    return _changed(event.id)


@bp.post("/f/events/<event_id>/votes/<int:vote_id>/<change>")
def vote_change(event_id: str, vote_id: int, change: str):
    """open, close, show or hide (live bars), or delete one vote."""
    event = g.event
    if change not in CHANGES:
        abort(404)
    try:
        CHANGES[change](get_db(), event.id, vote_id)
    except VoteError as exc:
        if exc.code == "no_vote":
            abort(404)
        return _render(event, problem=exc.code), 400
    return _changed(event.id)


def _changed(event_id: str):
    screens().votes(event_id)
    return redirect(url_for(".votes_page", event_id=event_id))


def _render(event, form=None, errors=None, problem=None):
    db = get_db()
    listed = [(v, votes.result(db, v), votes.source_changed(db, v)) for v in votes.votes(db, event.id)]
    token = socket_token(event)
    return render_template("facilitator/votes.html", event=event, votes=listed, token=token,
                           steps=events.list_steps(db, event.id),
                           questions=events.list_questions(db, event.id),
                           form=form or {"source": "themes", "dots": "3", "results_visible": "1"},
                           errors=errors or {}, problem=problem)
