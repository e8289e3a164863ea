"""Assembles the app: config, database, translations, blueprints, Socket.IO."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from flask_socketio import SocketIO

from . import config as config_module
from . import db, frames, i18n, limits, security, sockets
from .screens import Screens
from .windows import windows_for
from .usecases import notes, votes
from .views import (account, errors, evaluation, facilitator, participant,  # noqa: F401
                    programme, projector, rotation, themes)
from .views import votes as votes_views  # noqa: F401


def build_app(overrides: dict[str, Any] | None = None) -> Flask:
    settings = {**config_module.DEFAULTS, **config_module.from_environment(), **(overrides or {})}
    app = Flask("facilitator", template_folder=settings["TEMPLATES_DIR"],
                static_folder=settings["STATIC_DIR"],
                instance_path=settings.get("INSTANCE_PATH") or None)
    app.config.update(settings)
    app.jinja_env.globals["zip"] = zip
    instance = Path(app.instance_path)
    app.config["DB_PATH"] = settings["DB_PATH"] or str(instance / "facilitator.sqlite3")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.load_secret_key(instance)
    limits.check_config(app)
    db.init_app(app)
    # One group committer per app (per process): notes from phones, acked after commit.
    app.extensions["facilitator_notes"] = notes.note_writer(app.config["DB_PATH"])
    app.extensions["facilitator_ballots"] = votes.ballot_writer(app.config["DB_PATH"])
    i18n.init_app(app)
    # Check-ins per phone and address, counted where the page limits count (windows.py).
    app.extensions["facilitator_checkins"] = windows_for(app.config)
    # views.programme, .account, .evaluation and .themes add routes to the facilitator blueprint.
    for blueprint in (errors.bp, facilitator.bp, participant.bp, projector.bp):
        app.register_blueprint(blueprint)
    security.init_app(app)
    # Options go to init_app, not the constructor: SocketIO(message_queue=...)
    # builds its server at once and handlers registered after that are lost.
    socketio = SocketIO()
    handlers = sockets.register(socketio)
    # async_handlers=False: every event is handled in the greenlet that read it (one per
    # connection under gevent-websocket) instead of a new greenlet queued behind a burst of
    # notes, so a facilitator's command acts at once; a phone's note waits for its commit
    # in its own connection's greenlet only (docs/performance.md).
    socketio.init_app(app, async_mode=app.config["ASYNC_MODE"],
                      message_queue=app.config["MESSAGE_QUEUE"] or None,
                      max_http_buffer_size=64 * 1024, async_handlers=False, json=frames)
    # The one "tell the screens" object: views and socket handlers both call it.
    app.extensions["screens"] = Screens(socketio, app)
    handlers.bind(app, app.extensions["screens"])  # note_submit on python-socketio directly
    app.extensions["facilitator_handlers"] = handlers
    app.wsgi_app = security.with_headers(app.wsgi_app)  # type: ignore[method-assign]
    limits.trust_proxies(app)  # outermost: Socket.IO requests see the client's address too
    return app
