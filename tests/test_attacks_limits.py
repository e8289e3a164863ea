"""Issue 24, items 3 and 4: guessing join codes, and rate limits behind a proxy.

Join codes could be tried ~21,000 a minute (the join, check-in, note and privacy pages each
answer differently for a real code, and nothing counted the misses); behind the documented
proxy every phone and facilitator was 127.0.0.1, so 12 bad log-ins locked out everyone and
the limits were per process.
"""
import os
import random
import shutil
import uuid

import pytest

from facilitator import create_app
from facilitator.db import connect
from facilitator.domain import codes
from facilitator.usecases import accounts

from .conftest import NOW, PASSWORD, gen_event


def client_from(app, environ):
    """A test client whose requests come from another address or through a proxy."""
    client = app.test_client()
    client.environ_base.update(environ)
    return client


def make_app(tmp_path, name="a", **config):
    return create_app({"DB_PATH": str(tmp_path / f"{name}.sqlite3"),
                       "INSTANCE_PATH": str(tmp_path / f"i-{name}"), "SECRET_KEY": "limits",
                       "TESTING": True, "WTF_CSRF_ENABLED": False, **config})


@pytest.fixture
def limited(tmp_path):
    """An app with its rate limits on (CSRF off: the forms' own tests cover it)."""
    return make_app(tmp_path)


@pytest.fixture
def real_event(limited):
    db = connect(limited.config["DB_PATH"])
    yield gen_event(db)
    db.close()


def wrong_codes(n, seed=7):
    rng = random.Random(seed)
    return [codes.new_join_code(rng) for _ in range(n)]


def guess(client, code, how):
    if how == "join":
        return client.get(f"/j/{code}")
    if how == "typed":
        return client.get(f"/j/?code={code}")
    if how == "privacy":
        return client.get(f"/j/privacy?event={code}")
    if how == "checkin":
        return client.post(f"/j/{code}/checkin", data={"name": "Gissare"})
    return client.post(f"/j/{code}/notes", data={"id": str(uuid.uuid4()), "text": "hej"})


WAYS = ("join", "typed", "privacy", "checkin", "notes")


def test_wrong_join_codes_from_one_address_are_limited_across_every_page(limited, real_event):
    attacker = limited.test_client()
    answers = [guess(attacker, code, WAYS[i % len(WAYS)]).status_code
               for i, code in enumerate(wrong_codes(80))]
    assert 429 in answers, "no limit on wrong codes"
    first_refused = answers.index(429)
    assert first_refused <= 60 and set(answers[first_refused:]) == {429}
    # once refused, a real code is refused alike: the 429 says nothing about the code
    assert attacker.get(f"/j/{real_event.join_code}").status_code == 429
    assert client_from(limited, {"REMOTE_ADDR": "10.0.0.9"}).get(
        f"/j/{real_event.join_code}").status_code == 200          # other addresses unaffected


def test_a_phone_that_joined_keeps_working_when_its_address_is_refused(limited, real_event):
    """A venue shares one address: phones that are in keep their page, notes and privacy page."""
    phone = limited.test_client()
    assert phone.get(f"/j/{real_event.join_code}").status_code == 200
    attacker = limited.test_client()
    for code in wrong_codes(70):
        guess(attacker, code, "join")
    assert attacker.get(f"/j/{wrong_codes(1, 99)[0]}").status_code == 429
    assert phone.get(f"/j/{real_event.join_code}").status_code == 200
    assert phone.get(f"/j/privacy?event={real_event.join_code}").status_code == 200
    assert phone.post(f"/j/{real_event.join_code}/notes",
                      data={"id": str(uuid.uuid4()), "text": "Fortfarande här"}).status_code == 302


def test_unknown_codes_get_one_answer_whatever_the_page(limited):
    client = limited.test_client()
    one, other = wrong_codes(2)
    for how in ("join", "checkin", "notes"):
        a, b = guess(client, one, how), guess(client, other, how)
        assert a.status_code == b.status_code == 404
        assert a.get_data() == b.get_data()
    assert guess(client, one, "privacy").get_data() == client.get("/j/privacy").get_data()


def test_one_code_is_limited_however_many_addresses_hammer_it(limited, real_event):
    answers = [client_from(limited, {"REMOTE_ADDR": f"10.1.{i // 250}.{i % 250}"})
               .post(f"/j/{real_event.join_code}/checkin", data={"name": f"Person {i}"}).status_code
               for i in range(620)]
    assert 429 in answers


def test_new_join_codes_have_room_for_an_event_s_lifetime():
    rng = random.Random(3)
    code = codes.new_join_code(rng)
    assert len(code) >= 8 and set(code) <= set(codes.JOIN_ALPHABET)
    assert len(codes.JOIN_ALPHABET) ** len(code) >= 8 * 10 ** 11


def test_an_old_six_letter_code_still_joins(limited):
    db = connect(limited.config["DB_PATH"])
    event = gen_event(db)
    db.execute("UPDATE events SET join_code = 'ABC234' WHERE id = ?", [event.id])
    db.conn.commit()
    db.close()
    client = limited.test_client()
    assert client.get("/j/ABC234").status_code == 200
    assert client.get("/j/abc-234").status_code == 200
    assert client.get("/j/?code=abc 234").status_code == 302


# ---- item 4: behind a proxy ----------------------------------------------------------------

def fail_logins(client, username, times):
    return [client.post("/login", data={"username": username, "password": "fel"}).status_code
            for _ in range(times)]


@pytest.fixture
def with_anna(limited):
    db = connect(limited.config["DB_PATH"])
    accounts.create_user(db, "anna", PASSWORD, NOW)
    db.close()
    return limited


def test_bad_log_ins_do_not_lock_out_other_facilitators_behind_one_address(with_anna):
    """Behind a proxy without TRUSTED_PROXIES every browser is 127.0.0.1."""
    attacker = with_anna.test_client()
    assert fail_logins(attacker, "gissning", 12)[-1] == 429
    anna = with_anna.test_client()
    assert anna.post("/login", data={"username": "anna",
                                     "password": PASSWORD}).status_code == 302


def test_guessing_one_account_is_still_limited(with_anna):
    attacker = with_anna.test_client()
    answers = fail_logins(attacker, "anna", 12)
    assert answers[:10] == [401] * 10 and answers[-1] == 429


def test_behind_trusted_proxies_the_limits_key_on_the_forwarded_address(tmp_path):
    app = make_app(tmp_path, "p", TRUSTED_PROXIES=1)
    attacker = client_from(app, {"HTTP_X_FORWARDED_FOR": "203.0.113.9"})
    assert "429" in str(fail_logins(attacker, "anna", 12))
    other = client_from(app, {"HTTP_X_FORWARDED_FOR": "198.51.100.7"})
    assert other.post("/login", data={"username": "anna", "password": "fel"}).status_code == 401


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(limited):
    answers = [client_from(limited, {"HTTP_X_FORWARDED_FOR": f"203.0.113.{i}"})
               .post("/login", data={"username": "anna", "password": "fel"}).status_code
               for i in range(12)]
    assert answers[-1] == 429


def test_trusted_proxies_is_read_from_the_environment(monkeypatch):
    from facilitator import config
    monkeypatch.setenv("FACILITATOR_TRUSTED_PROXIES", "2")
    assert config.from_environment()["TRUSTED_PROXIES"] == "2"


@pytest.mark.parametrize("value", ["-1", "x", "11"])
def test_a_bad_trusted_proxies_value_stops_the_start(tmp_path, value):
    with pytest.raises(ValueError):
        make_app(tmp_path, "bad", TRUSTED_PROXIES=value)


def test_a_venue_s_join_burst_from_one_address_is_served(limited, real_event):
    """700 phones behind one public address load the join page within a minute."""
    answers = {limited.test_client().get(f"/j/{real_event.join_code}").status_code
               for _ in range(700)}
    assert answers == {200}


def test_the_limits_share_redis_when_the_message_queue_is_redis():
    from facilitator import limits
    assert limits.storage_uri({"MESSAGE_QUEUE": "redis://10.0.0.5:6379/0",
                               "RATELIMIT_STORAGE": ""}) == "redis://10.0.0.5:6379/0"
    assert limits.storage_uri({"MESSAGE_QUEUE": "", "RATELIMIT_STORAGE": ""}) == "memory://"
    assert limits.storage_uri({"MESSAGE_QUEUE": "redis://q", "RATELIMIT_STORAGE":
                               "redis://other:6379/1"}) == "redis://other:6379/1"


@pytest.mark.skipif(shutil.which("redis-server") is None and os.environ.get("CI") != "true",
                    reason="redis-server not installed")
def test_two_processes_share_one_limit_through_redis(tmp_path):
    from .test_scale_out import Redis
    redis = Redis(tmp_path).start()
    try:
        first = make_app(tmp_path, "one", RATELIMIT_STORAGE=redis.url)
        second = make_app(tmp_path, "two", DB_PATH=first.config["DB_PATH"],
                          RATELIMIT_STORAGE=redis.url)
        assert fail_logins(first.test_client(), "anna", 6) == [401] * 6
        assert fail_logins(second.test_client(), "anna", 5)[-1] == 429
    finally:
        redis.stop()


def _phone(app, event_id, key=None):
    """A phone's socket on one process (a test client of that app), holding its phone key."""
    sio = app.extensions["socketio"].test_client(app, auth={"event": event_id,
                                                            "role": "participant"})
    sio.phone_key = sio.emit("phone_key", {"key": key}, callback=True)["key"]
    return sio


@pytest.mark.skipif(shutil.which("redis-server") is None and os.environ.get("CI") != "true",
                    reason="redis-server not installed")
def test_a_phone_spread_over_two_processes_meets_one_note_limit(tmp_path):
    """Socket.IO keeps a connection on one process; a script opens one per process with the
    same phone key (or none) and used to get each process's allowance."""
    from .test_scale_out import Redis
    redis = Redis(tmp_path).start()
    try:
        first = make_app(tmp_path, "one", RATELIMIT_STORAGE=redis.url)
        second = make_app(tmp_path, "two", DB_PATH=first.config["DB_PATH"],
                          RATELIMIT_STORAGE=redis.url)
        event = gen_event(connect(first.config["DB_PATH"]))
        one = _phone(first, event.id)
        two = _phone(second, event.id, key=one.phone_key)
        assert two.phone_key == one.phone_key
        acks = [sio.emit("note_submit", {"id": str(uuid.uuid4()), "text": f"lapp {i}"},
                         callback=True) for i in range(30) for sio in (one, two)]
        assert sum(a["ok"] for a in acks) == first.config["NOTE_LIMIT_PER_MINUTE"] == 30
        assert {a["error"] for a in acks if not a["ok"]} == {"rate_limited"}
    finally:
        redis.stop()


def test_the_phone_limits_count_in_memory_without_shared_storage(tmp_path):
    from facilitator.windows import Windows
    app = make_app(tmp_path)
    assert isinstance(app.extensions["facilitator_handlers"].windows, Windows)
    assert isinstance(app.extensions["facilitator_checkins"], Windows)


def test_a_shared_storage_that_is_down_counts_in_this_process(tmp_path):
    from facilitator.windows import SharedWindows
    windows = SharedWindows("redis://127.0.0.1:1/0")     # nothing listens on port 1
    assert [windows.allow(("note", "p"), 3, 0) for _ in range(5)] == [True] * 3 + [False] * 2
