"""Log-in, CSRF, rate limits and security headers, from well-kept libraries.

Flask-Login keeps the facilitator's session, Flask-WTF's CSRFProtect guards
every form, Flask-Limiter slows down guessing (limits.py); the headers keep pages from
being framed, sniffed or fed scripts from anywhere but this server.
"""
from __future__ import annotations

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from itsdangerous import URLSafeTimedSerializer

from . import limits
from .usecases import accounts
from .clock import now_ms
from .db import get_db

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
])


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its serializer made once per key.

    Flask builds the serializer for every request context, and Flask-SocketIO
    opens one for every Socket.IO event: with a thousand notes arriving at once
    that was a fifth of the server's time. The serializer holds only the keys
    and settings, so one per key serves every request.
    """

    def __init__(self) -> None:
        self.cached: tuple[tuple, URLSafeTimedSerializer | None] = ((), None)

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        key = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        cached_key, serializer = self.cached
        if serializer is None or cached_key != key:
            serializer = super().get_signing_serializer(app)
            self.cached = (key, serializer)
        return serializer


def init_app(app: Flask) -> None:
    """Call after the blueprints are registered: the limits wrap their view functions."""
    app.session_interface = SessionInterface()
    secure = app.config["PUBLIC_URL"].startswith("https://") or app.config.get("SECURE_COOKIES")
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    if secure:  # behind HTTPS the cookies never travel in clear text
        app.config["SESSION_COOKIE_SECURE"] = app.config["REMEMBER_COOKIE_SECURE"] = True
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # a workshop day outlasts the default hour
    login = LoginManager(app)
    login.login_view = "facilitator.login"
    login.login_message = None
    # The cookie names a server-side log-in: log-out deletes it, and every copy of the cookie
    # stops working with it.
    login.user_loader(lambda cookie_id: accounts.load_login(get_db(), cookie_id, now_ms()))
    csrf.init_app(app)
    limits.init_app(app)
    app.after_request(_headers)


HEADERS = (("Content-Security-Policy", CONTENT_SECURITY_POLICY),
           ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
           ("Referrer-Policy", "same-origin"))


def with_headers(wsgi_app):
    """WSGI middleware: the security headers on every response, Socket.IO's own included
    (those never pass Flask's after_request)."""
    def app(environ, start_response):
        def start(status, headers, exc_info=None):
            present = {name.lower() for name, _value in headers}
            headers = list(headers) + [(n, v) for n, v in HEADERS if n.lower() not in present]
            return start_response(status, headers, exc_info)
        return wsgi_app(environ, start)
    return app


def _headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.path.startswith("/f/") or request.path == "/login":
        response.headers.setdefault("Cache-Control", "no-store")
    return response
