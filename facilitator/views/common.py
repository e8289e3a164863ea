"""Helpers shared by the blueprints: the public base URL and event look-up."""
from __future__ import annotations

import hashlib

from flask import Response, abort, current_app, g, request
from flask_login import current_user

from .. import auth
from ..usecases import accounts, events, timing
from ..clock import now_ms
from ..db import get_db
from ..domain.timer import format_clock
from ..links import event_links
from ..models import Event


def public_base_url() -> str:
    """FACILITATOR_PUBLIC_URL when set (behind a proxy, or the LAN address), else this host."""
    return current_app.config["PUBLIC_URL"] or request.host_url


def links_for(event: Event) -> dict[str, str]:
    return event_links(public_base_url(), event, current_app.config["SECRET_KEY"])


def own_event_or_404(event_id: str) -> Event:
    """An event the logged-in facilitator may run; 404 otherwise, not revealing it exists.
    Loaded once per request (load_own_event puts it on g for /f/events/<event_id>/...)."""
    loaded = g.get("event")
    if loaded is not None and loaded.id == event_id:
        return loaded
    event = event_or_404(event_id)
    if not accounts.can_run(get_db(), current_user if current_user.is_authenticated else None,
                            event.id):
        abort(404)
    return event


def load_own_event(_endpoint: str | None, values: dict | None) -> None:
    """url_value_preprocessor of the facilitator blueprint: a route with <event_id> gets the
    event (one the user may run, else 404) as ``g.event`` before the view runs. A visitor
    who is not logged in is left to login_required, which sends them to log in."""
    event_id = (values or {}).get("event_id")
    if event_id is not None and current_user.is_authenticated:
        g.event = own_event_or_404(event_id)


def owned_event_or_403(event_id: str) -> Event:
    """An event the logged-in facilitator owns: only the owner deletes it or changes who runs it;
    a co-facilitator gets 403, anyone else 404."""
    event = own_event_or_404(event_id)
    if not accounts.is_owner(get_db(), current_user, event.id):
        abort(403)
    return event


def socket_token(event: Event) -> str:
    """The control page's socket token: this event, this user, this log-in."""
    return auth.facilitator_token(current_app.config["SECRET_KEY"], event.id, current_user.id,
                                  current_user.login_id)


def event_or_404(event_id: str) -> Event:
    event = events.get_event(get_db(), event_id)
    if event is None:
        abort(404)
    g.event_language = event.language
    return event


def timer_context(event: Event) -> dict:
    """The timer payload and its MM:SS, for pages to render before the socket connects."""
    snapshot = timing.timer_snapshot(get_db(), event.id, now_ms())
    return {"timer": snapshot, "clock": format_clock(snapshot["remaining_ms"])}


def logo_response(event_id: str) -> Response:
    """The event's logo as the PNG or JPEG it was checked to be, or 404. A stored file is
    never served as anything else (nosniff) and could run nothing if it tried (sandbox)."""
    found = events.logo(get_db(), event_id)
    if found is None:
        abort(404)
    mime, data = found
    response = Response(data, mimetype=mime)
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Content-Disposition"] = "inline; filename=logo." + mime.split("/")[1]
    response.headers["Cache-Control"] = "no-cache"
    response.set_etag(hashlib.sha256(data).hexdigest()[:32])
    return response.make_conditional(request)
