"""The facilitator's themes page and its JSON endpoints (fetch with the CSRF header)."""
from __future__ import annotations

from typing import Any, Callable

from flask import abort, g, jsonify, render_template, request
from flask_babel import gettext as _

from ..usecases import events, themes
from ..clock import now
from ..db import get_db
from ..screens import screens
from ..models import Event
from ..serving import in_thread
from .common import socket_token
from .facilitator import bp


def error_messages() -> dict[str, str]:
    """What a facilitator reads when a change is refused (codes from themes.ThemeError)."""
    return {
        "empty_label": _("The name cannot be empty."),
        "label_too_long": _("The name can be at most %(n)s characters.", n=themes.MAX_LABEL),
        "bad_label": _("The name cannot contain control characters or invisible direction marks."),
        "bad_themes": _("Choose two or more themes to merge."),
        "bad_notes": _("Choose one or more notes first."),
        "no_theme": _("That theme has changed. Reload the page."),
        "no_note": _("That note is not in any theme."),
        "is_other": _("Move the notes out of this theme before deleting it."),
        "nothing_to_undo": _("There is nothing to undo."),
        "changed": _("The themes changed meanwhile. Try again."),
        "no_seeds": _("First name a theme and place one to three notes in it, then sort the rest."),
        "bad_flags": _("Something went wrong. Reload the page."),
        "bad_question": _("Unknown question."),
        "bad_request": _("Something went wrong. Reload the page."),
    }


@bp.get("/f/events/<event_id>/themes")
def themes_page(event_id: str):
    event = g.event
    db = get_db()
    token = socket_token(event)
    return render_template("facilitator/themes.html", event=event, token=token,
                           questions=events.list_questions(db, event.id),
                           messages=error_messages())


@bp.get("/f/events/<event_id>/themes.json")
def themes_board(event_id: str):
    event = g.event
    return _answer(event, lambda db, q, body: None, request.args.get("q"), {})


ACTIONS: dict[str, Callable[..., Any]] = {
    # Clustering is CPU work: off the event loop, so the room's sockets keep flowing.
    "find": lambda db, e, q, b: in_thread(themes.find, db, e, q, now()),
    "sort": lambda db, e, q, b: in_thread(themes.sort_rest, db, e, q, now()),
    "create": lambda db, e, q, b: themes.create(db, e, q, b.get("note_ids"), b.get("label"),
                                                now()),
    "rename": lambda db, e, q, b: themes.rename(db, e, q, b.get("theme_id"), b.get("label"), now()),
    "merge": lambda db, e, q, b: themes.merge(db, e, q, b.get("theme_ids"), now()),
    "split": lambda db, e, q, b: themes.split(db, e, q, b.get("theme_id"), b.get("note_ids"),
                                              b.get("label"), now()),
    "delete": lambda db, e, q, b: themes.delete(db, e, q, b.get("theme_id"), now()),
    "move": lambda db, e, q, b: themes.move(db, e, q, b.get("note_ids"), b.get("theme_id"), now()),
    "confirm": lambda db, e, q, b: themes.confirm(db, e, q, b.get("note_ids"), now()),
    "pin": lambda db, e, q, b: themes.pin(db, e, q, b.get("note_id"), b.get("pinned"), now()),
    "undo": lambda db, e, q, b: themes.undo(db, e, q, now()),
}


@bp.post("/f/events/<event_id>/themes/<action>")
def themes_change(event_id: str, action: str):
    """One change to one scope's themes; answers the scope's new board or a 400 that says why.

    The body is JSON: {"q": "all" | question id, and what the action needs}.
    """
    event = g.event
    if action not in ACTIONS and action != "projector":
        abort(404)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _refuse("bad_request")
    if action == "projector":
        return _show_on_projector(event, body.get("q"))
    change = ACTIONS[action]
    return _answer(event, lambda db, q, b: change(db, event, q, b), body.get("q"), body)


def _answer(event: Event, change: Callable[..., Any], scope: object, body: dict):
    db = get_db()
    try:
        question_id = themes.parse_scope(db, event.id, scope)
        change(db, question_id, body)
    except themes.ThemeError as exc:
        return _refuse(exc.code)
    return jsonify(themes.board(db, event.id, question_id))


def _show_on_projector(event: Event, scope: object):
    db = get_db()
    try:
        themes.show_on_projector(db, event.id, themes.parse_scope(db, event.id, scope))
    except themes.ThemeError as exc:
        return _refuse(exc.code)
    screens().projector_view(event.id)
    return jsonify(ok=True)


def _refuse(code: str):
    messages = error_messages()
    return jsonify(error=code, message=messages.get(code, messages["bad_request"])), 400
