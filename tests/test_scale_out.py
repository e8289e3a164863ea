"""Several server processes sharing one database and a real Redis message queue.

A broadcast from one process reaches phones connected to another; notes sent
to either land once; a Redis restart does not break the room; gunicorn with the
gevent-websocket worker serves WebSocket clients.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import socketio

from facilitator.bench.server import LiveServer, free_port

from .live_server import wait_for

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None and os.environ.get("CI") != "true",
    reason="redis-server not installed (apt-get install redis-server)")


class Redis:
    """A throwaway redis-server on loopback, no persistence."""

    def __init__(self, workdir: Path):
        self.port, self.workdir, self.process = free_port(), workdir, None

    def start(self) -> "Redis":
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True,
                              text=True).stdout.strip() == "PONG":
                return self
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(10)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


@pytest.fixture
def two_processes(tmp_path):
    redis = Redis(tmp_path).start()
    first = LiveServer(tmp_path / "a", extra_env={"FACILITATOR_MESSAGE_QUEUE": redis.url})
    first.create_demo()
    second = LiveServer(tmp_path / "b", db_file=first.db_path, demo=first.demo,
                        extra_env={"FACILITATOR_MESSAGE_QUEUE": redis.url,
                                   "FACILITATOR_SECRET_KEY": "shared-secret"})
    first.extra_env["FACILITATOR_SECRET_KEY"] = "shared-secret"
    first.start()
    second.start()
    yield redis, first, second
    for process in (first, second):
        process.stop()
    redis.stop()


def phone(server) -> tuple[socketio.Client, list]:
    client, states = socketio.Client(reconnection=True, reconnection_delay=0.2), []
    client.on("timer_state", states.append)
    client.connect(server.base, auth={"event": server.demo["event_id"], "role": "participant"},
                   transports=["websocket"], wait_timeout=10)
    return client, states




def facilitator(server) -> socketio.Client:
    session = LiveServer.login(server)
    client = socketio.Client()
    client.connect(server.base, auth={"event": server.demo["event_id"], "role": "facilitator",
                                      "token": session.socket_token(server.demo["event_id"])},
                   transports=["websocket"])
    return client


def test_broadcasts_cross_processes_and_notes_land_once(two_processes):
    redis, first, second = two_processes
    on_first, first_states = phone(first)
    on_second, second_states = phone(second)
    control = facilitator(first)
    first_states.clear(), second_states.clear()
    assert control.call("timer_command", {"action": "start"}, timeout=10) == {"ok": True}
    assert wait_for(lambda: second_states and second_states[-1]["status"] == "running")
    assert first_states[-1]["status"] == "running"
    notes = [{"id": str(uuid.uuid4()), "text": f"lapp {i}"} for i in range(20)]
    for i, note in enumerate(notes):
        client = on_first if i % 2 else on_second
        assert client.call("note_submit", note, timeout=10)["ok"]
        assert client.call("note_submit", note, timeout=10)["duplicate"] is True   # a resend
    with sqlite3.connect(first.db_path) as db:
        ids = [r[0] for r in db.execute("SELECT id FROM notes")]
    assert sorted(ids) == sorted(n["id"] for n in notes)

    # Redis restarts: the processes reconnect to it and broadcasts cross again.
    redis.stop()
    redis.start()
    second_states.clear()
    deadline = time.monotonic() + 30
    while not second_states and time.monotonic() < deadline:
        control.call("timer_command", {"action": "pause" if len(first_states) % 2 else "start"},
                     timeout=10)
        time.sleep(1)
    assert second_states, "no broadcast crossed processes after Redis restarted"
    for client in (on_first, on_second, control):
        client.disconnect()


def test_gunicorn_with_the_gevent_websocket_worker(tmp_path):
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("gunicorn is not installed (pip install '.[prod]')")
    server = LiveServer(tmp_path)
    server.create_demo()
    env = {**server.env(), "FACILITATOR_DB_PATH": str(server.db_path),
           "FACILITATOR_HEADER_TIMEOUT_S": "1"}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-w", "1", "-k",
         "facilitator.worker.Worker", "-b", f"127.0.0.1:{server.port}",
         "facilitator.wsgi:app"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: _healthy(server.base), timeout=30), "gunicorn did not start"
        client, states = phone(server)
        assert client.transport() == "websocket" and states
        assert client.call("note_submit", {"id": str(uuid.uuid4()), "text": "via gunicorn"})["ok"]
        client.disconnect()
        # The worker has the header timeout of `facilitator serve`: a slowloris client that
        # never finishes its headers is cut off (gevent-websocket's own worker held it).
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as slow:
            slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            started = time.monotonic()
            while slow.recv(4096):        # a 400 at most, then closed
                pass
            assert time.monotonic() - started < 5
    finally:
        process.terminate()
        process.wait(10)


def _healthy(base: str) -> bool:
    import urllib.request
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False
