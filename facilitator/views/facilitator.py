"""The facilitator's laptop: events, the live control page, downloads."""
from __future__ import annotations

import io
import random
from datetime import datetime, timezone

from flask import (Blueprint, Response, abort, g, jsonify, redirect, render_template,
                   request, send_file, url_for)
from flask_login import current_user

from ..usecases import accounts, notes, programme, events, reports
from ..clock import now, now_ms
from ..db import get_db
from ..domain.logo import MAX_BYTES, LogoError
from ..screens import screens
from .common import (links_for, load_own_event, logo_response, owned_event_or_403,
                     public_base_url, socket_token, timer_context)

bp = Blueprint("facilitator", __name__)
bp.url_value_preprocessor(load_own_event)
_rng = random.SystemRandom()
# Reachable without logging in: the way in, and invite links (which explain themselves).
PUBLIC_ENDPOINTS = {"facilitator.login", "facilitator.invite"}


@bp.before_request
def require_login():
    if request.endpoint not in PUBLIC_ENDPOINTS and not current_user.is_authenticated:
        return redirect(url_for(".login", next=request.full_path.rstrip("?")))
    return None


@bp.get("/")
def index():
    return redirect(url_for(".home"))


@bp.get("/f/")
def home():
    return _home({}, {})


@bp.post("/f/events")
def create():
    try:
        draft = events.clean_event_draft(request.form)
        event = events.create_event(get_db(), draft, _rng, now(),
                                      template=request.form.get("template") or None,
                                      owner_id=current_user.id)
    except events.ValidationError as exc:
        return _home(request.form, exc.errors), 400
    return redirect(url_for(".event", event_id=event.id))


def _home(form, errors):
    return render_template("facilitator/home.html", events=accounts.events_for(get_db(), current_user),
                           templates=programme.templates(), form=form, errors=errors)


@bp.get("/f/events/<event_id>")
def event(event_id: str):
    event = g.event
    db = get_db()
    overview = events.event_overview(db, event)
    token = socket_token(event)
    prepare_url = url_for("participant.prepare", token=notes.prepare_token(db, event.id, _rng),
                          _external=False)
    return render_template("facilitator/event.html", event=event, links=links_for(event),
                           token=token, notes=overview.notes_newest_first, steps=overview.steps,
                           questions={q.id: q.text for q in overview.questions},
                           asked={q.id for q in events.asked_questions(db, event.id)},
                           prepare_url=public_base_url().rstrip("/") + prepare_url,
                           **_members_context(db, event), **timer_context(event))


def _members_context(db, event) -> dict:
    """Who runs the event (everyone sees it); the owner also sees the invites still open."""
    owner = accounts.is_owner(db, current_user, event.id)
    invites = [{"token": token, "until": _day(expires), "uses_left": left}
               for token, expires, left in accounts.pending_invites(db, event.id, now_ms())]
    return {"members": accounts.members(db, event.id), "is_owner": owner,
            "invites": invites if owner else []}


def _day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, timezone.utc).date().isoformat()


@bp.get("/f/events/<event_id>/socket-token")
def socket_token_json(event_id: str):
    """A fresh socket token for a control page that reconnects (the page's one lives minutes)."""
    response = jsonify(token=socket_token(g.event))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/f/events/<event_id>/remote")
def remote(event_id: str):
    """The facilitator's own phone as a remote for the timer and the steps (same log-in)."""
    event = g.event
    token = socket_token(event)
    return render_template("facilitator/remote.html", event=event, token=token,
                           steps=events.event_overview(get_db(), event).steps,
                           **timer_context(event))


@bp.route("/f/events/<event_id>/edit", methods=["GET", "POST"])
def edit(event_id: str):
    event = g.event
    if request.method == "GET":
        return _edit_page(event.__dict__)
    try:
        draft = events.clean_event_draft(request.form)
    except events.ValidationError as exc:
        return _edit_page(request.form, errors=exc.errors), 400
    events.update_event(get_db(), event.id, draft)
    return redirect(url_for(".event", event_id=event.id))


def _edit_page(form, errors=None, logo_error=None) -> str:
    """The event's settings page: its fields, the projector's look, the logo."""
    return render_template("facilitator/edit.html", event=g.event, form=form, errors=errors or {},
                           logo_error=logo_error, saved=request.args.get("saved"),
                           has_logo=events.has_logo(get_db(), g.event.id))


@bp.post("/f/events/<event_id>/projector-theme")
def projector_theme(event_id: str):
    """Light or dark on the projector (a bright room washes out the dark one)."""
    event = g.event
    try:
        events.set_projector_theme(get_db(), event.id,
                                   "light" if request.form.get("light") == "1" else "dark")
    except events.ValidationError:
        abort(400, description="bad_theme")
    screens().projector_look(event.id)
    return redirect(url_for(".edit", event_id=event.id, saved="theme", _anchor="projector-look"))


@bp.route("/f/events/<event_id>/delete", methods=["GET", "POST"])
def delete(event_id: str):
    event = owned_event_or_403(event_id)
    if request.method == "GET" or request.form.get("confirm") != "yes":
        wrong = request.method == "POST"
        return render_template("facilitator/delete.html", event=event, wrong=wrong,
                               notes=notes.count_notes(get_db(), event.id)), 400 if wrong else 200
    events.delete_event(get_db(), event.id)
    return redirect(url_for(".home"))


REPORT_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "pdf": "application/pdf",
                # send_file adds "; charset=utf-8" to text/* itself (once)
                "md": "text/markdown", "csv": "text/csv",
                "json": "application/json; charset=utf-8"}


@bp.get("/f/events/<event_id>/report.<fmt>")
def report(event_id: str, fmt: str):
    """The summary as Word (.docx), PDF, Markdown, CSV or JSON, at any time, mid-event too;
    named "Sammanställning <event> <date>.<fmt>"."""
    event = g.event
    if fmt not in REPORT_TYPES:
        abort(404)
    try:
        body = reports.report_bytes(get_db(), event.id, fmt, now())
    except reports.PdfUnavailable as exc:
        return Response(str(exc), status=503, mimetype="text/plain")
    return send_file(io.BytesIO(body), mimetype=REPORT_TYPES[fmt], as_attachment=True,
                     download_name=reports.report_filename(get_db(), event.id, fmt))


@bp.post("/f/events/<event_id>/logo")
def logo(event_id: str):
    """Upload (or with remove=1, drop) the logo for the report's title page and the projector."""
    event = g.event
    if request.form.get("remove"):
        events.remove_logo(get_db(), event.id)
        screens().projector_look(event.id)
        return redirect(url_for(".edit", event_id=event.id, saved="logo_removed", _anchor="logo-heading"))
    upload = request.files.get("logo")
    try:
        events.set_logo(get_db(), event.id, _read_upload(upload))
    except LogoError as exc:
        return _edit_page(event.__dict__, logo_error=exc.code), 400
    screens().projector_look(event.id)
    return redirect(url_for(".edit", event_id=event.id, saved="logo", _anchor="logo-heading"))


def _read_upload(upload) -> bytes:
    """At most one byte past the limit: a huge file is refused without holding it all."""
    return upload.stream.read(MAX_BYTES + 1) if upload else b""


@bp.get("/f/events/<event_id>/logo")
def logo_image(event_id: str):
    """The logo as it is kept, for the preview on the settings page."""
    return logo_response(g.event.id)


@bp.get("/f/events/<event_id>/stacks.json")
def stacks(event_id: str):
    """Which visible notes are copies of one another, for the control page's "×6"."""
    return jsonify(stacks=notes.copies(get_db(), g.event.id))


@bp.get("/f/events/<event_id>/notes.<fmt>")
def export(event_id: str, fmt: str):
    """All notes, hidden ones flagged: CSV (UTF-8 with BOM; ?sep=semicolon) or JSON."""
    event = g.event
    if fmt == "json":
        body, mimetype = notes.export_json(get_db(), event.id), "application/json"
    elif fmt == "csv":
        delimiter = ";" if request.args.get("sep") == "semicolon" else ","
        body = notes.export_csv(get_db(), event.id, delimiter, headers_in_language=True)
        mimetype = "text/csv"
    else:
        abort(404)
    return send_file(io.BytesIO(body.encode("utf-8")), mimetype=mimetype if mimetype.startswith("text/")
                     else f"{mimetype}; charset=utf-8",
                     as_attachment=True,
                     download_name=reports.notes_filename(get_db(), event.id, fmt))


@bp.post("/f/events/<event_id>/invite")
def invite_create(event_id: str):
    """A co-facilitator link for this event: for one person (or ``uses``), valid for a week."""
    event = owned_event_or_403(event_id)
    try:
        uses = accounts.clean_invite_uses(request.form.get("uses"))
    except events.ValidationError:
        abort(400, description="bad_uses")
    token = accounts.create_invite(get_db(), event.id, _rng, now_ms(), uses)
    link = public_base_url().rstrip("/") + url_for(".invite", token=token)
    return render_template("facilitator/invite_created.html", event=event, link=link, uses=uses)


@bp.post("/f/events/<event_id>/invites/withdraw")
def invite_withdraw(event_id: str):
    event = owned_event_or_403(event_id)
    accounts.withdraw_invite(get_db(), event.id, request.form.get("token"))
    return redirect(url_for(".event", event_id=event.id, _anchor="members"))


@bp.post("/f/events/<event_id>/members/<int:user_id>/revoke")
def member_revoke(event_id: str, user_id: int):
    """The owner takes a co-facilitator off the event; their open control pages close."""
    event = owned_event_or_403(event_id)
    try:
        accounts.revoke_member(get_db(), event.id, user_id)
    except events.ValidationError:
        abort(400, description="not_a_co_facilitator")
    screens().facilitators_gone(event_id=event.id, user_id=user_id)
    return redirect(url_for(".event", event_id=event.id, _anchor="members"))


@bp.post("/f/events/<event_id>/retention")
def retention(event_id: str):
    event = owned_event_or_403(event_id)  # a day's retention would delete it: the owner's call
    try:
        accounts.set_retention(get_db(), event.id, request.form.get("retention_days"))
    except events.ValidationError:
        abort(400, description="bad_retention")
    return redirect(url_for(".event", event_id=event.id))
