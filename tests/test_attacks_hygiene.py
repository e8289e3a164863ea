"""Issue 24, item 10: hygiene, each finding written as a test before its fix.

gevent logged the client address of malformed requests, the database and its WAL were
world-readable, /socket.io/ answers lacked the security headers, and downloads said
``charset`` twice.
"""
import os
import socket
import stat
import time

import pytest

from facilitator import create_app
from facilitator.bench.server import LiveServer



def private(path):
    return stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0


def test_the_database_and_its_wal_are_readable_by_the_owner_only(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "umask", os.umask)  # keep the process umask as it is
    old = os.umask(0o022)
    try:
        app = create_app({"DB_PATH": str(tmp_path / "d" / "f.sqlite3"),
                          "INSTANCE_PATH": str(tmp_path / "i"), "SECRET_KEY": "x",
                          "TESTING": True})
        from facilitator.db import connect
        db = connect(app.config["DB_PATH"])
        db["notes"].count  # noqa: B018 - touch it
        client = app.test_client()
        client.get("/healthz")
        path = app.config["DB_PATH"]
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                assert private(path + suffix), suffix
        assert os.path.exists(path + "-wal")
        db.close()
    finally:
        os.umask(old)


def test_an_existing_world_readable_database_is_tightened_at_start(tmp_path):
    path = tmp_path / "old.sqlite3"
    create_app({"DB_PATH": str(path), "INSTANCE_PATH": str(tmp_path / "i"), "SECRET_KEY": "x"})
    os.chmod(path, 0o644)
    create_app({"DB_PATH": str(path), "INSTANCE_PATH": str(tmp_path / "i"), "SECRET_KEY": "x"})
    assert private(path)


SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                    "Referrer-Policy")


def test_socket_io_answers_carry_the_security_headers(app):
    response = app.test_client().get("/socket.io/?EIO=4&transport=polling")
    assert response.status_code == 200
    for header in SECURITY_HEADERS:
        assert header in response.headers, header
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_and_errors_carry_them_too(app):
    client = app.test_client()
    for url in ("/static/js/realtime.js", "/no-such-page", "/healthz"):
        response = client.get(url)
        for header in SECURITY_HEADERS:
            assert header in response.headers, (url, header)


@pytest.mark.parametrize("path", ["notes.csv", "notes.json", "report.md", "report.csv",
                                  "report.json"])
def test_downloads_name_their_charset_once(client, demo, path):
    content_type = client.get(f"/f/events/{demo.id}/{path}").headers["Content-Type"]
    assert content_type.lower().count("charset") == 1, content_type


def test_every_text_page_names_its_charset_once(client, demo):
    for url in (f"/f/events/{demo.id}", f"/j/{demo.join_code}", "/healthz", "/login"):
        content_type = client.get(url).headers["Content-Type"]
        assert content_type.lower().count("charset") <= 1, (url, content_type)


def raw_request(port, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(data)
        try:
            return conn.recv(4096)
        except socket.timeout:
            return b""


def test_malformed_requests_leave_no_client_address_in_the_log(tmp_path):
    server = LiveServer(tmp_path)
    server.create_demo()
    server.start()
    try:
        for data in (b"NOT HTTP AT ALL\r\n\r\n", b"GET / HTTP/1.1\r\nno colon here\r\n\r\n",
                     b"GET /" + b"x" * 70000 + b" HTTP/1.1\r\n\r\n",
                     b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"):
            raw_request(server.port, data)
        time.sleep(0.5)  # let the server write its log lines (no message to wait for)
    finally:
        server.stop()
    log = server.process.stderr.read() + server.process.stdout.read()
    assert "127.0.0.1" not in log.replace(f"http://127.0.0.1:{server.port}", ""), log[-2000:]
