"""Accounts, authorisation, CSRF, rate limits, headers, invites and retention."""
import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from facilitator.usecases import accounts, events
from facilitator import create_app, store
from facilitator.usecases.validation import ValidationError

from .conftest import NOW, PASSWORD, gen_event, log_in, projector_url


def test_control_pages_need_a_login_and_screens_do_not(app, anonymous, demo):
    for url in ("/f/", f"/f/events/{demo.id}", f"/f/events/{demo.id}/report.docx",
                f"/f/events/{demo.id}/notes.json", f"/f/events/{demo.id}/programme"):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/login?next=" in response.headers["Location"], url
    assert anonymous.post("/f/events", data={"name": "x"}).status_code == 302
    for url in (projector_url(app, demo.id), f"/j/{demo.join_code}", "/healthz", "/j/privacy"):
        assert anonymous.get(url).status_code == 200, url
    assert anonymous.get(f"/p/{demo.id}").status_code == 403      # the projector needs its key


def test_another_facilitator_cannot_see_or_touch_the_event(app, db, demo):
    accounts.create_user(db, "bertil", PASSWORD, NOW)
    bertil = log_in(app.test_client(), "bertil")
    assert demo.name not in bertil.get("/f/").get_data(as_text=True)
    for url in (f"/f/events/{demo.id}", f"/f/events/{demo.id}/notes.csv",
                f"/f/events/{demo.id}/edit", f"/f/events/{demo.id}/programme"):
        assert bertil.get(url).status_code == 404, url
    assert bertil.post(f"/f/events/{demo.id}/delete", data={"confirm": "yes"}).status_code == 404
    assert events.get_event(db, demo.id) is not None


def test_login_failures_say_little_and_redirects_stay_home(app, user):
    client = app.test_client()
    wrong = client.post("/login", data={"username": "anna", "password": "fel"})
    unknown = client.post("/login", data={"username": "nobody", "password": "fel"})
    assert wrong.status_code == unknown.status_code == 401
    assert "Fel användarnamn eller lösenord." in wrong.get_data(as_text=True)
    for target, expected in (("//evil.example/x", "/f/"), ("https://evil.example", "/f/"),
                             ("/f/events/abc", "/f/events/abc"), ("/\\evil", "/f/")):
        ok = app.test_client().post("/login", data={"username": "anna", "password": PASSWORD,
                                                    "next": target})
        assert ok.headers["Location"] == expected


@pytest.mark.parametrize("username, password, error", [
    ("", PASSWORD, "bad_username"), ("ab", PASSWORD, "bad_username"),
    ("Anna Andersson", PASSWORD, "bad_username"), ("x" * 65, PASSWORD, "bad_username"),
    ("<script>", PASSWORD, "bad_username"), ("anna2", "kort", "weak_password"),
    ("anna3", "x" * 300, "weak_password"), ("anna", PASSWORD, "taken"),
])
def test_bad_accounts(db, user, username, password, error):
    with pytest.raises(ValidationError) as info:
        accounts.create_user(db, username, password, NOW)
    assert error in info.value.errors.values()


def test_passwords_are_hashed(app, user):
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        stored = raw.execute("SELECT password_hash FROM users WHERE username = 'anna'").fetchone()[0]
    assert PASSWORD not in stored and stored.startswith(("scrypt:", "pbkdf2:"))


@pytest.fixture
def strict_app(tmp_path):
    return create_app({"DB_PATH": str(tmp_path / "s.sqlite3"), "INSTANCE_PATH": str(tmp_path / "i"),
                       "SECRET_KEY": "strict", "TESTING": True})


def csrf_from(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_every_form_needs_its_csrf_token(strict_app):
    from facilitator.db import connect
    db = connect(strict_app.config["DB_PATH"])
    accounts.create_user(db, "anna", PASSWORD, NOW)
    client = strict_app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    assert client.post("/login", data={"username": "anna", "password": PASSWORD}).status_code == 400
    assert client.post("/login", data={"username": "anna", "password": PASSWORD,
                                       "csrf_token": csrf_from(login_page)}).status_code == 302
    home = client.get("/f/").get_data(as_text=True)
    assert client.post("/f/events", data={"name": "Utan token"}).status_code == 400
    made = client.post("/f/events", data={"name": "Med token", "csrf_token": csrf_from(home)})
    assert made.status_code == 302
    event = store.list_events(db)[0]
    join = client.get(f"/j/{event.join_code}").get_data(as_text=True)
    assert client.post(f"/j/{event.join_code}/notes", data={"id": "x", "text": "hej"}).status_code == 400
    assert 'name="csrf_token"' in join
    db.close()


def test_login_is_rate_limited(strict_app):
    strict_app.config["WTF_CSRF_ENABLED"] = False
    client = strict_app.test_client()
    codes = [client.post("/login", data={"username": "x", "password": "y"}).status_code
             for _ in range(12)]
    assert codes[:10] == [401] * 10 and codes[-1] == 429


def test_security_headers(strict_app):
    response = strict_app.test_client().get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_no_inline_scripts_in_any_page(app, client, demo):
    for url in ("/f/", f"/f/events/{demo.id}", f"/f/events/{demo.id}/programme",
                projector_url(app, demo.id),
                f"/j/{demo.join_code}", "/login", "/j/privacy"):
        page = client.get(url).get_data(as_text=True)
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in tag or 'type="application/json"' in tag, (url, tag)
        assert " onclick=" not in page and " onload=" not in page and "javascript:" not in page


def test_secure_cookies_behind_https(tmp_path):
    app = create_app({"DB_PATH": str(tmp_path / "h.sqlite3"), "INSTANCE_PATH": str(tmp_path / "i"),
                      "SECRET_KEY": "x", "PUBLIC_URL": "https://dialog.region.example"})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_invite_makes_a_co_facilitator(app, client, db, demo):
    page = client.post(f"/f/events/{demo.id}/invite").get_data(as_text=True)
    link = re.search(r"data-invite-link>([^<]+)<", page).group(1)
    path = link.split("venue.example:5000", 1)[1]
    newcomer = app.test_client()
    assert newcomer.get(path).status_code == 200
    bad = newcomer.post(path, data={"username": "cecilia", "password": PASSWORD, "password2": "x"})
    assert bad.status_code == 400 and "Lösenorden är olika." in bad.get_data(as_text=True)
    joined = newcomer.post(path, data={"username": "cecilia", "password": PASSWORD,
                                       "password2": PASSWORD})
    assert joined.headers["Location"].endswith(f"/f/events/{demo.id}")
    assert newcomer.get(f"/f/events/{demo.id}").status_code == 200


def test_unknown_and_expired_invites(app, db, demo):
    token = accounts.create_invite(db, demo.id, __import__("random").Random(1), now_ms=0)
    assert app.test_client().get(f"/f/invite/{token}").status_code == 404   # expired in 1970
    assert app.test_client().get("/f/invite/" + "z" * 32).status_code == 404


def test_retention_deletes_old_events_and_every_row(app, client, db, demo):
    old = gen_event(db, date="2026-01-10")
    accounts.set_retention(db, old.id, 30)
    client.post(f"/j/{old.join_code}/notes", data={"id": "8d0b7a2e-43c5-4a4a-9a43-2f0f6b1f7c99",
                                                   "text": "gammal lapp"})
    assert accounts.purge_expired(db, date(2026, 2, 8)) == []
    assert accounts.purge_expired(db, date(2026, 2, 10)) == [old.id]
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            dump = repr(raw.execute(f"SELECT * FROM [{table}]").fetchall())
            assert old.id not in dump and "gammal lapp" not in dump, table
    assert events.get_event(db, demo.id) is not None


@pytest.mark.parametrize("days", ["0", "-3", "abc", "", "99999"])
def test_bad_retention(client, demo, days):
    assert client.post(f"/f/events/{demo.id}/retention", data={"retention_days": days}).status_code == 400


def run_cli(tmp_path, *args, **kwargs):
    env = {**os.environ, "FACILITATOR_INSTANCE_PATH": str(tmp_path / "instance")}
    return subprocess.run([sys.executable, "-m", "facilitator", *args], capture_output=True,
                          text=True, env=env, timeout=60, **kwargs)


def test_cli_create_user_and_demo_login(tmp_path):
    db = str(tmp_path / "c.sqlite3")
    assert run_cli(tmp_path, "create-user", "dorota", "--password", PASSWORD, "--db", db).returncode == 0
    again = run_cli(tmp_path, "create-user", "dorota", "--password", PASSWORD, "--db", db)
    weak = run_cli(tmp_path, "create-user", "erik", "--password", "kort", "--db", db)
    assert again.returncode == weak.returncode == 2
    assert "taken" in again.stderr and "10 to 256" in weak.stderr
    first = json.loads(run_cli(tmp_path, "demo", "--db", db, "--json").stdout)
    second = json.loads(run_cli(tmp_path, "demo", "--db", db, "--json").stdout)
    assert first["login"] == second["login"] and first["login"]["username"] == "demo"
    app = create_app({"DB_PATH": db, "INSTANCE_PATH": str(tmp_path / "instance"),
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    client = log_in(app.test_client(), "demo", first["login"]["password"])
    assert client.get(f"/f/events/{first['event_id']}").status_code == 200


def test_cli_purge(tmp_path):
    result = run_cli(tmp_path, "purge", "--db", str(tmp_path / "p.sqlite3"))
    assert result.returncode == 0 and "deleted 0 event(s)" in result.stdout


def test_deleting_an_event_leaves_nothing_in_any_table(app, client, db, demo):
    """Every kind of row an event can have, then delete, then scan the whole file."""
    import io as _io
    from facilitator.usecases import notes
    from PIL import Image
    out = _io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="PNG")
    events.set_logo(db, demo.id, out.getvalue())
    notes.submit_note(db, demo.id, {"id": "8d0b7a2e-43c5-4a4a-9a43-2f0f6b1f7c42", "text": "unik lapptext"}, NOW)
    client.post(f"/f/events/{demo.id}/invite")
    client.post(f"/f/events/{demo.id}/rotation/people", data={"name": "Unikanamnet Persson"})
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "8"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    client.post(f"/f/events/{demo.id}/delete", data={"confirm": "yes"})
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            dump = repr(raw.execute(f"SELECT * FROM [{table}]").fetchall())
            assert demo.id not in dump and "unik lapptext" not in dump and "skolchef" not in dump, table
            assert "Unikanamnet" not in dump, table
        assert raw.execute("SELECT COUNT(*) FROM eval_answers").fetchone()[0] == 0
        assert raw.execute("SELECT COUNT(*) FROM rotation_rounds").fetchone()[0] == 0


def test_session_serializer_is_made_once_per_key_and_a_new_key_logs_everyone_out(app, user):
    """Made once (each Socket.IO event opens the session); a changed key is honoured at once."""
    browser = log_in(app.test_client())
    interface = app.session_interface
    assert interface.get_signing_serializer(app) is interface.get_signing_serializer(app)
    assert browser.get("/f/").status_code == 200
    app.secret_key = "a-new-secret"
    assert browser.get("/f/").status_code == 302              # the old cookie no longer signs
    app.config["SECRET_KEY_FALLBACKS"] = ["test-secret"]
    assert browser.get("/f/").status_code == 200              # unless the old key is a fallback
