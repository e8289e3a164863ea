"""Configuration defaults, overridden by FACILITATOR_* environment variables.

Precedence, lowest first: these defaults, the environment, the mapping passed
to ``create_app(config)``. Tests pass a mapping; production sets variables.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent


def shipped(name: str) -> Path:
    """templates/ or static/: inside the package when installed from a wheel (setup.py puts
    them there), else at the root of the checkout (editable installs, tests)."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else ROOT / name


DEFAULTS: dict[str, Any] = {
    # Where the SQLite database lives; empty means <instance>/facilitator.sqlite3.
    "DB_PATH": "",
    # Base URL that phones use to reach the server (the QR code points here).
    # Empty means "the host the request came in on".
    "PUBLIC_URL": "",
    "ASYNC_MODE": "gevent",
    # Flask-SocketIO message queue for running several processes (redis://...).
    "MESSAGE_QUEUE": "",
    "DEFAULT_LOCALE": "sv",
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Notes one phone (its server-issued key, over all its connections) may send per
    # minute; connections without a key share one such allowance per address. More
    # wait in the phone's outbox and go a few seconds later.
    "NOTE_LIMIT_PER_MINUTE": 30,
    # The ceiling for all phones behind one address, per event and minute (a venue
    # NAT puts a whole room behind one address: raise it for very large rooms).
    "NOTE_LIMIT_PER_ADDRESS_PER_MINUTE": 600,
    # New phone keys one address may get per event and minute (what a vote-stuffing
    # script is held to; a phone keeps its key, so only arrivals count).
    "PHONE_KEYS_PER_ADDRESS_PER_MINUTE": 120,
    # Check-ins one phone key may make per event and minute, and one address.
    "CHECKIN_LIMIT_PER_PHONE": 3,
    "CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE": 120,
    # notes_count and tables go to control pages and projectors at most this often
    # per event while notes pour in (0: after every note).
    "PUSH_INTERVAL_MS": 250,
    # Reverse proxies in front of the server whose X-Forwarded-For/-Proto are believed
    # (0: none; the headers are ignored). See docs/deploy.md.
    "TRUSTED_PROXIES": 0,
    # Where rate-limit counts live (redis://...); empty: the Redis message queue, else memory.
    "RATELIMIT_STORAGE": "",
    # `facilitator serve`: seconds a new connection has for its request line and headers,
    # and a kept-alive one may sit idle before its next request (webserver.py).
    "HEADER_TIMEOUT_S": 10,
    "IDLE_TIMEOUT_S": 60,
    "TEMPLATES_DIR": str(shipped("templates")),
    "STATIC_DIR": str(shipped("static")),
}

# Environment variables that are read, each as FACILITATOR_<NAME>.
ENV_KEYS = ("DB_PATH", "PUBLIC_URL", "ASYNC_MODE", "MESSAGE_QUEUE", "SECRET_KEY",
            "DEFAULT_LOCALE", "INSTANCE_PATH", "NOTE_LIMIT_PER_MINUTE", "SECURE_COOKIES",
            "NOTE_LIMIT_PER_ADDRESS_PER_MINUTE", "PHONE_KEYS_PER_ADDRESS_PER_MINUTE",
            "CHECKIN_LIMIT_PER_PHONE", "CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE",
            "TRUSTED_PROXIES", "RATELIMIT_STORAGE", "HEADER_TIMEOUT_S", "IDLE_TIMEOUT_S")


def from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """The FACILITATOR_* settings present in the environment."""
    environ = dict(os.environ if environ is None else environ)
    return {key: environ[f"FACILITATOR_{key}"] for key in ENV_KEYS
            if environ.get(f"FACILITATOR_{key}")}


def load_secret_key(instance_path: Path) -> str:
    """Read the instance's secret key, creating it once on first start.

    A key kept on disk means signed tokens survive a restart.
    """
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
