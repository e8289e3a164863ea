"""The big screen: timer, instruction, join QR code. No login, but a key: the projector link
from the control page signs the event, so a participant who knows the event id cannot watch
the wall, the results or the table map (issue 24). It only shows, never steers."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from .. import auth
from ..usecases import notes, themes
from ..db import get_db
from ..domain.qr import qr_bytes
from ..domain.wordcloud import word_cloud
from ..models import Event
from ..usecases import events
from .common import event_or_404, links_for, logo_response, timer_context

bp = Blueprint("projector", __name__, url_prefix="/p")


def _keyed_event(event_id: str) -> tuple[Event, str]:
    """The event and the projector key from ?key=; 403 without a valid one."""
    event = event_or_404(event_id)
    key = request.args.get("key", "")
    if not auth.check_projector_token(current_app.config["SECRET_KEY"], key, event.id):
        abort(403, description="projector_key")
    return event, key


def _showing(event: Event, view: str) -> None:
    """The data of a view only while the projector shows it (409 otherwise)."""
    if event.projector_view != view:
        abort(409, description="not_shown")


@bp.get("/<event_id>")
def show(event_id: str):
    event, key = _keyed_event(event_id)
    return render_template("projector/show.html", event=event, links=links_for(event), key=key,
                           notes_visible=notes.count_visible(get_db(), event.id),
                           has_logo=events.has_logo(get_db(), event.id), **timer_context(event))


@bp.get("/<event_id>/logo")
def logo(event_id: str):
    """The event's logo for the corner of the projector (the report's, the same upload)."""
    event, _key = _keyed_event(event_id)
    return logo_response(event.id)


@bp.get("/<event_id>/qr.svg")
def qr_svg(event_id: str):
    """The join QR code: public, it only holds the join link the screen shows anyway."""
    event = event_or_404(event_id)
    svg = qr_bytes(links_for(event)["join_url"], "svg")
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-cache"})


@bp.get("/<event_id>/cloud.json")
def cloud(event_id: str):
    """The word cloud of the visible notes; the projector polls it while showing the cloud."""
    event, _key = _keyed_event(event_id)
    _showing(event, "cloud")
    texts = [n.text for n in notes.visible_notes(get_db(), event.id)]
    return jsonify(words=word_cloud(texts), notes=len(texts))


@bp.get("/<event_id>/wall.json")
def wall_json(event_id: str):
    """The note wall as cards (copies stacked, featured first); fetched when notes change.
    Like the other views' data: only with the projector key, only while the wall shows."""
    event, _key = _keyed_event(event_id)
    _showing(event, "wall")
    return jsonify(notes.wall_cards(get_db(), event.id))


@bp.get("/<event_id>/themes.json")
def themes_json(event_id: str):
    """Themes and counts (the harvest); the projector polls it while showing themes."""
    event, _key = _keyed_event(event_id)
    _showing(event, "themes")
    return jsonify(themes.harvest(get_db(), event.id))
