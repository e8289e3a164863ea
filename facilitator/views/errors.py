"""Health check and friendly error pages."""
from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from ..db import get_db
from ..usecases import health

bp = Blueprint("errors", __name__)


@bp.get("/healthz")
def healthz():
    """200 when the database can be written (load balancers route phones by this), else 503."""
    if not health.database_writable(get_db()):
        return jsonify(ok=False, error="database_not_writable"), 503
    return jsonify(ok=True)


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.app_errorhandler(HTTPException)
def http_error(exc: HTTPException):
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return jsonify(ok=False, error=exc.name, message=exc.description), exc.code
    return render_template("errors/error.html", error=exc), exc.code
