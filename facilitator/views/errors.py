"""Health check and friendly error pages."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

bp = Blueprint("errors", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify(ok=True)


@bp.app_errorhandler(HTTPException)
def http_error(exc: HTTPException):
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return jsonify(ok=False, error=exc.name, message=exc.description), exc.code
    return render_template("errors/error.html", error=exc), exc.code
