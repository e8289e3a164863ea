"""Facilitator commands are handled where they were read, notes in a greenlet/thread of their own."""
import threading

from facilitator import sockets


class FakeManager:
    def sid_from_eio_sid(self, eio_sid, namespace):
        return "sid-" + eio_sid

    def is_connected(self, sid, namespace):
        return sid != "sid-gone"


class FakeServer:
    async_handlers = True

    def __init__(self):
        self.manager = FakeManager()
        self.spawned, self.inline = [], []

    def _handle_event(self, eio_sid, namespace, ack_id, data):
        self.spawned.append(data[0])

    def _handle_event_internal(self, server, sid, eio_sid, data, namespace, ack_id):
        self.inline.append((data[0], sid, namespace, ack_id, threading.current_thread()))


def test_commands_run_inline_and_notes_are_spawned():
    server = FakeServer()
    sockets.run_inline(server, sockets.INLINE_EVENTS)
    server._handle_event("e1", None, 3, ["timer_command", {"action": "start"}])
    server._handle_event("e1", None, 4, ["note_submit", {"id": "x"}])
    server._handle_event("gone", None, 5, ["box_set", {"open": True}])
    assert server.inline == [("timer_command", "sid-e1", "/", 3, threading.current_thread())]
    assert server.spawned == ["note_submit"]


def test_without_async_handlers_everything_goes_the_usual_way():
    server = FakeServer()
    server.async_handlers = False
    sockets.run_inline(server, sockets.INLINE_EVENTS)
    server._handle_event("e1", "/", 1, ["timer_command", {}])
    assert server.spawned == ["timer_command"] and not server.inline


def test_the_app_wraps_its_server(tmp_path):
    from facilitator.app import build_app
    app = build_app({"DB_PATH": str(tmp_path / "db.sqlite3"), "SECRET_KEY": "x" * 32})
    server = app.extensions["socketio"].server
    assert server._handle_event.__name__ == "handle_event"
    assert server.handlers["/"]["note_submit"].__name__ == "note_submit"


def test_an_unknown_python_socketio_keeps_its_own_way():
    """If the private methods are gone in a later python-socketio, nothing is wrapped."""
    from types import SimpleNamespace

    from facilitator.sockets import run_inline

    def original(*args):
        return "spawned"
    server = SimpleNamespace(_handle_event=original, manager=SimpleNamespace())
    run_inline(server, frozenset({"timer_command"}))
    assert server._handle_event is original
