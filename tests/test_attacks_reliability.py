"""Issue 24, item 7: reliability under abuse and faults, each written before its fix.

`serve` kept a 1,024 open-file limit, held slowloris sockets for ever, said healthy with a
read-only database and never recovered when it became writable; a note the server can
never store was resent by the phone every 5 s for ever.
"""
import resource
import shutil
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import socketio

from facilitator.bench.server import LiveServer

from .conftest import note_payload
from .live_server import wait_for

def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_raises_its_open_file_limit(tmp_path):
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard <= 1024:
        pytest.skip("the hard limit leaves nothing to raise")
    server = LiveServer(tmp_path, preexec_fn=lambda: resource.setrlimit(
        resource.RLIMIT_NOFILE, (1024, hard)))
    server.create_demo()
    server.start()
    try:
        limits = Path(f"/proc/{server.process.pid}/limits").read_text()
        line = next(li for li in limits.splitlines() if li.startswith("Max open files"))
        assert int(line.split()[3]) == hard, line
    finally:
        server.stop()


def test_slow_headers_are_cut_off(tmp_path):
    server = LiveServer(tmp_path, extra_env={"FACILITATOR_HEADER_TIMEOUT_S": "1",
                                             "FACILITATOR_IDLE_TIMEOUT_S": "2"})
    server.create_demo()
    server.start()
    held = []
    try:
        for _ in range(50):
            conn = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # never finished
            held.append(conn)
        silent = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        held.append(silent)                                     # sends nothing at all
        started = time.monotonic()
        for conn in held:
            try:
                while conn.recv(4096):
                    pass
            except OSError:
                pass
        assert time.monotonic() - started < 8, "slow connections were held"
        assert status(f"{server.base}/healthz") == 200
    finally:
        for conn in held:
            conn.close()
        server.stop()


def test_a_kept_alive_connection_is_closed_when_idle(tmp_path):
    server = LiveServer(tmp_path, extra_env={"FACILITATOR_IDLE_TIMEOUT_S": "1"})
    server.create_demo()
    server.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = b""
            while not answer.endswith(b"}\n"):
                answer += conn.recv(4096)
            assert b"200" in answer
            started = time.monotonic()
            assert conn.recv(4096) == b""                       # closed by the server
            assert time.monotonic() - started < 5
    finally:
        server.stop()


def test_healthz_says_so_when_the_database_cannot_be_written(app):
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    blocker = sqlite3.connect(app.config["DB_PATH"], timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")                       # someone else holds the write lock
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.get_json()["error"] == "database_not_writable"
    finally:
        blocker.rollback()
        blocker.close()
    assert client.get("/healthz").status_code == 200


def chattr(flag, path):
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def read_only():
    """Make a file read-only for everyone, root included (the immutable attribute: root
    writes past any mode bits); always undone."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr not installed")
    made = []

    def make(path):
        if not chattr("+i", path):
            pytest.skip("this file system has no immutable attribute")
        made.append(path)

    def undo(path):
        chattr("-i", path)
        made.remove(path)

    make.undo = undo
    yield make
    for path in list(made):
        chattr("-i", path)


def phone(server):
    client = socketio.Client(reconnection=False)
    client.connect(server.base, auth={"event": server.demo["event_id"], "role": "participant"},
                   transports=["websocket"], wait_timeout=10)
    return client


def test_a_read_only_database_is_unhealthy_and_recovers_without_a_restart(tmp_path, read_only):
    server = LiveServer(tmp_path)
    server.create_demo()
    read_only(server.db_path)
    server.start(healthy=False)
    try:
        assert status(f"{server.base}/healthz") == 503
        client = phone(server)
        note = note_payload("Skrivs när databasen går att skriva igen")
        answer = client.call("note_submit", note, timeout=10)
        assert answer["ok"] is False and answer["error"] == "unavailable"
        read_only.undo(server.db_path)
        assert wait_for(lambda: status(f"{server.base}/healthz") == 200, timeout=15)
        assert client.call("note_submit", note, timeout=10)["ok"] is True
        client.disconnect()
    finally:
        server.stop()
    with sqlite3.connect(server.db_path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM notes WHERE id = ?", [note["id"]]).fetchone() == (1,)
    log = server.process.stderr.read()
    assert "Traceback" not in log, log[-3000:]


def add_poison_trigger(app):
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        raw.execute("CREATE TRIGGER poison BEFORE INSERT ON notes WHEN NEW.text = 'giftig lapp'"
                    " BEGIN SELECT RAISE(ABORT, 'this note can never be stored'); END")


def test_a_poison_note_gets_a_final_error_and_others_still_land(app, demo, sockets):
    add_poison_trigger(app)
    phone = sockets(demo.id)
    poison = note_payload("giftig lapp")
    answers = [phone.emit("note_submit", poison, callback=True)["error"] for _ in range(4)]
    assert answers[:2] == ["server_error", "server_error"]     # maybe passing: try again
    assert answers[2:] == ["unstorable", "unstorable"]         # the same note kept failing
    assert phone.emit("note_submit", note_payload("frisk lapp"), callback=True)["ok"] is True


def test_the_phone_treats_unstorable_as_final_and_unavailable_as_a_retry():
    script = (Path(__file__).parent.parent / "static" / "js" / "participant.js").read_text()
    retried = script.split('res.error === "rate_limited"', 1)[1].split("{", 1)[0]
    assert '"unavailable"' in retried and '"unstorable"' not in retried
    assert "msgUnstorable" in script
