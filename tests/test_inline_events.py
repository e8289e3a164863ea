"""Every event is handled in the greenlet that read it, by a documented python-socketio
option (async_handlers=False), not by replacing a private method."""
import socketio as python_socketio

from facilitator.app import build_app


def test_the_app_uses_the_supported_option_and_no_private_override(tmp_path):
    app = build_app({"DB_PATH": str(tmp_path / "db.sqlite3"), "SECRET_KEY": "x" * 32})
    server = app.extensions["socketio"].server
    assert server.async_handlers is False
    # The library's own dispatch, not a wrapper of ours.
    assert server._handle_event.__func__ is python_socketio.Server._handle_event
    assert server.handlers["/"]["note_submit"].__name__ == "note_submit"


def test_the_screens_object_is_on_the_app(tmp_path):
    app = build_app({"DB_PATH": str(tmp_path / "db.sqlite3"), "SECRET_KEY": "x" * 32})
    assert type(app.extensions["screens"]).__name__ == "Screens"
