"""facilitator: dialogue conferences and café-method workshops in a real room.

Importing the package is cheap on purpose: ``facilitator serve`` must
monkey-patch with gevent before Flask, ssl or socket are imported.
"""
from __future__ import annotations

from typing import Any


def create_app(config: dict[str, Any] | None = None):
    """Build the Flask app with its SocketIO (``app.extensions["socketio"]``)."""
    from .app import build_app

    return build_app(config)
