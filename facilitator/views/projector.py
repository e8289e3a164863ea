"""The big screen: timer, instruction, join QR code. No login; it only shows."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template

from ..usecases import notes, themes
from ..db import get_db
from ..domain.qr import qr_bytes
from ..domain.wordcloud import word_cloud
from .common import event_or_404, links_for, timer_context

bp = Blueprint("projector", __name__, url_prefix="/p")


@bp.get("/<event_id>")
def show(event_id: str):
    event = event_or_404(event_id)
    return render_template("projector/show.html", event=event, links=links_for(event),
                           notes_visible=notes.count_visible(get_db(), event.id),
                           **timer_context(event))


@bp.get("/<event_id>/qr.svg")
def qr_svg(event_id: str):
    event = event_or_404(event_id)
    svg = qr_bytes(links_for(event)["join_url"], "svg")
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-cache"})


@bp.get("/<event_id>/cloud.json")
def cloud(event_id: str):
    """The word cloud of the visible notes; the projector polls it while showing the cloud."""
    event = event_or_404(event_id)
    texts = [n.text for n in notes.visible_notes(get_db(), event.id)]
    return jsonify(words=word_cloud(texts), notes=len(texts))


@bp.get("/<event_id>/wall.json")
def wall_json(event_id: str):
    """The note wall as cards (copies stacked, featured first); fetched when notes change."""
    event = event_or_404(event_id)
    return jsonify(notes.wall_cards(get_db(), event.id))


@bp.get("/<event_id>/themes.json")
def themes_json(event_id: str):
    """Themes and counts (the harvest); the projector polls it while showing themes."""
    event = event_or_404(event_id)
    return jsonify(themes.harvest(get_db(), event.id))
