"""Log-in, log-out and co-facilitator invites (routes on the facilitator blueprint)."""
from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from ..usecases import accounts
from ..clock import now, now_ms
from ..db import get_db
from ..usecases.validation import ValidationError
from ..screens import screens
from .facilitator import bp


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect.

    Browsers drop tabs and line breaks from a Location and read a backslash as a
    slash, so ``/\t/evil.example`` would leave the site: any control character,
    space or backslash, and anything with a scheme or host, goes home instead.
    """
    if not target or not all(_local_path(form) for form in (target, unquote(target))):
        return url_for(".home")
    return target


def _local_path(target: str) -> bool:
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("facilitator/login.html", failed=False,
                               next=request.args.get("next", ""))
    user = accounts.authenticate(get_db(), request.form.get("username"), request.form.get("password"))
    if user is None:
        return render_template("facilitator/login.html", failed=True,
                               username=request.form.get("username", "")[:64],
                               next=request.form.get("next", "")), 401
    login_user(accounts.start_login(get_db(), user, now_ms()))
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
def logout():
    """End the log-in on the server too: a copied cookie and the open control pages stop."""
    if current_user.is_authenticated:
        accounts.end_login(get_db(), current_user.login_id)
        screens().facilitators_gone(login_id=current_user.login_id)
    logout_user()
    return redirect(url_for(".login"))


@bp.route("/f/invite/<token>", methods=["GET", "POST"])
def invite(token: str):
    """Open a co-facilitator invite: log in (or create an account here), then join the event."""
    db = get_db()
    event_id = accounts.invite_event(db, token, now_ms()) or abort(404)
    if current_user.is_authenticated:
        if request.method == "POST":
            accounts.accept_invite(db, token, current_user, now_ms())
            return redirect(url_for(".event", event_id=event_id))
        return render_template("facilitator/invite.html", token=token, errors={}, form={})
    if request.method == "GET":
        return render_template("facilitator/invite.html", token=token, errors={}, form={})
    try:
        accounts.check_new_password(request.form.get("password"), request.form.get("password2"),
                                    request.form.get("username"))
        user = accounts.create_user(db, request.form.get("username"), request.form.get("password"),
                                    now())
    except ValidationError as exc:
        form = {"username": request.form.get("username", "")[:64]}
        return render_template("facilitator/invite.html", token=token, errors=exc.errors,
                               form=form), 400
    login_user(accounts.start_login(db, user, now_ms()))
    accounts.accept_invite(db, token, user, now_ms())
    return redirect(url_for(".event", event_id=event_id))
