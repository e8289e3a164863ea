"""Issue 24, item 8: attacks on facilitator accounts, each written before its fix.

Invites made any number of co-facilitators, a co-facilitator could delete the event, a
copied session cookie outlived log-out, the socket token named no user and lived a day,
`next=/%09/evil.example` left the site, and any 10-character password was taken.
"""
import random
import re

import pytest

from facilitator.usecases import accounts, events
from facilitator.usecases.validation import ValidationError

from .conftest import NOW, PASSWORD, facilitator_token, log_in


def invite_path(client, event_id, **form):
    page = client.post(f"/f/events/{event_id}/invite", data=form).get_data(as_text=True)
    return re.search(r"data-invite-link>([^<]+)<", page).group(1).split("venue.example:5000", 1)[1]


def join_by_invite(app, path, username):
    newcomer = app.test_client()
    response = newcomer.post(path, data={"username": username, "password": PASSWORD,
                                         "password2": PASSWORD})
    return newcomer, response


def test_an_invite_link_makes_one_co_facilitator_by_default(app, client, demo):
    path = invite_path(client, demo.id)
    cecilia, first = join_by_invite(app, path, "cecilia")
    assert first.status_code == 302 and cecilia.get(f"/f/events/{demo.id}").status_code == 200
    _david, second = join_by_invite(app, path, "david")
    assert second.status_code == 404                       # the link is spent


def test_an_invite_for_several_people_stops_at_its_count(app, client, demo):
    path = invite_path(client, demo.id, uses="2")
    assert join_by_invite(app, path, "cecilia")[1].status_code == 302
    assert join_by_invite(app, path, "david")[1].status_code == 302
    assert join_by_invite(app, path, "erik")[1].status_code == 404


@pytest.mark.parametrize("uses", ["0", "-1", "abc", "1000"])
def test_bad_invite_counts_are_refused(client, demo, uses):
    assert client.post(f"/f/events/{demo.id}/invite", data={"uses": uses}).status_code == 400


def test_an_invite_expires(app, db, demo):
    token = accounts.create_invite(db, demo.id, random.Random(1), now_ms=0)
    assert app.test_client().get(f"/f/invite/{token}").status_code == 404


def test_the_owner_sees_the_members_and_revokes_one(app, client, db, demo):
    cecilia, _ = join_by_invite(app, invite_path(client, demo.id), "cecilia")
    token = facilitator_token(cecilia, demo.id)
    socketio = app.extensions["socketio"]
    sio = socketio.test_client(app, auth={"event": demo.id, "role": "facilitator",
                                          "token": token}, flask_test_client=cecilia)
    assert sio.is_connected()
    page = client.get(f"/f/events/{demo.id}").get_data(as_text=True)
    member = re.search(r'data-member="(\d+)"[^>]*>\s*<span[^>]*>cecilia<', page)
    assert member, "the member list names cecilia"
    assert 'data-member-role="owner"' in page
    revoked = client.post(f"/f/events/{demo.id}/members/{member.group(1)}/revoke")
    assert revoked.status_code == 302
    assert cecilia.get(f"/f/events/{demo.id}").status_code == 404
    assert not sio.is_connected()                          # her open control page is cut off
    again = socketio.test_client(app, auth={"event": demo.id, "role": "facilitator",
                                            "token": token}, flask_test_client=cecilia)
    assert not again.is_connected()                        # and her token no longer works


def test_a_co_facilitator_cannot_delete_revoke_or_invite(app, client, db, demo, user):
    cecilia, _ = join_by_invite(app, invite_path(client, demo.id), "cecilia")
    page = cecilia.get(f"/f/events/{demo.id}").get_data(as_text=True)
    assert "/delete" not in page and 'data-action="invite-create"' not in page
    assert cecilia.post(f"/f/events/{demo.id}/delete", data={"confirm": "yes"}).status_code == 403
    assert cecilia.post(f"/f/events/{demo.id}/members/{user.id}/revoke").status_code == 403
    assert cecilia.post(f"/f/events/{demo.id}/invite").status_code == 403
    # a retention of one day would have the hourly purge delete the event for her
    assert cecilia.post(f"/f/events/{demo.id}/retention",
                        data={"retention_days": "1"}).status_code == 403
    assert events.get_event(db, demo.id) is not None
    assert client.get(f"/f/events/{demo.id}").status_code == 200


def test_the_owner_cannot_revoke_herself(client, demo, user):
    assert client.post(f"/f/events/{demo.id}/members/{user.id}/revoke").status_code == 400
    assert client.get(f"/f/events/{demo.id}").status_code == 200


def test_a_copied_session_cookie_stops_working_at_log_out(app, client, demo):
    cookie = client.get_cookie("session")
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    assert thief.get("/f/").status_code == 200             # the copy works while logged in
    client.post("/logout")
    assert client.get("/f/").status_code == 302
    assert thief.get("/f/").status_code == 302             # and not after log-out


def test_the_socket_token_names_the_user_and_dies_with_the_log_in(app, client, demo, sockets,
                                                                   user):
    from facilitator import auth
    token = facilitator_token(client, demo.id)
    claims = auth.read_facilitator_token(app.config["SECRET_KEY"], token, demo.id)
    assert claims and claims["user"] == user.id and claims["login"]
    live = sockets(demo.id, "facilitator", token=token)
    assert live.is_connected()
    client.post("/logout")
    assert not live.is_connected()                         # logged out: the page's socket closes
    later = sockets(demo.id, "facilitator", token=token)
    assert not later.is_connected()


def test_commands_are_refused_once_the_log_in_is_gone(app, client, db, demo, sockets):
    """Even on a socket this process did not close (another process's), commands stop."""
    live = sockets(demo.id, "facilitator")
    handlers_sessions = next(iter(app.extensions["facilitator_handlers"].sessions.values()))
    accounts.end_login(db, handlers_sessions["login"])
    answer = live.emit("box_set", {"open": False}, callback=True)
    assert answer["ok"] is False and answer["error"] == "forbidden"


def test_a_token_for_one_event_does_not_open_another(app, client, db, demo, sockets, user):
    from .conftest import gen_event
    other = gen_event(db, owner=user)
    token = facilitator_token(client, demo.id)
    assert not sockets(other.id, "facilitator", token=token).is_connected()


def test_the_page_can_fetch_a_fresh_socket_token(app, client, demo, anonymous):
    fresh = client.get(f"/f/events/{demo.id}/socket-token")
    assert fresh.status_code == 200 and fresh.headers["Cache-Control"] == "no-store"
    from facilitator import auth
    assert auth.read_facilitator_token(app.config["SECRET_KEY"], fresh.get_json()["token"], demo.id)
    assert anonymous.get(f"/f/events/{demo.id}/socket-token").status_code == 302


def test_the_socket_token_is_short_lived():
    from facilitator import auth
    assert auth.TOKEN_MAX_AGE_S <= 3600


@pytest.mark.parametrize("target", ["/\t/evil.example", "/%09/evil.example", "/\n/evil.example",
                                    "/\r\n/evil.example", " //evil.example", "/\x00/evil.example",
                                    "https:evil.example", "/ /evil.example", "\t//evil.example"])
def test_log_in_never_redirects_off_site(app, user, target):
    response = app.test_client().post("/login", data={"username": "anna", "password": PASSWORD,
                                                      "next": target})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/f/" or (location.startswith("/") and not location.startswith("//")
                                 and "evil" not in location), location


def test_log_in_keeps_a_real_next_path(app, user):
    response = app.test_client().post("/login", data={"username": "anna", "password": PASSWORD,
                                                      "next": "/f/events/abc?x=1"})
    assert response.headers["Location"] == "/f/events/abc?x=1"


@pytest.mark.parametrize("password", ["1234567890", "password123", "Password1234", "qwertyuiop",
                                      "lösenord123", "Sommar2025!", "aaaaaaaaaaaa",
                                      "abcabcabcabc", "0987654321", "iloveyou123",
                                      "anna-anna-anna"])
def test_common_passwords_are_refused(db, password):
    with pytest.raises(ValidationError) as info:
        accounts.create_user(db, "anna", password, NOW)
    assert info.value.errors == {"password": "common_password"}


def test_a_good_password_is_taken(db):
    assert accounts.create_user(db, "anna", "tre gröna äpplen i Örebro", NOW).username == "anna"


def test_the_invite_form_says_why_a_password_is_refused(app, client, demo):
    _newcomer, response = join_by_invite(app, invite_path(client, demo.id), "cecilia")
    assert response.status_code == 302
    newcomer = app.test_client()
    bad = newcomer.post(invite_path(client, demo.id),
                        data={"username": "david", "password": "password123",
                              "password2": "password123"})
    assert bad.status_code == 400 and "för vanligt" in bad.get_data(as_text=True)


def test_cli_refuses_a_common_password(tmp_path):
    from .test_security import run_cli
    result = run_cli(tmp_path, "create-user", "erik", "--password", "password123",
                     "--db", str(tmp_path / "c.sqlite3"))
    assert result.returncode == 2 and "common" in result.stderr


def test_log_in_sessions_are_deleted_with_their_user_s_log_out_only(app, db, user):
    first, second = log_in(app.test_client()), log_in(app.test_client())
    first.post("/logout")
    assert first.get("/f/").status_code == 302 and second.get("/f/").status_code == 200


def test_the_periodic_check_closes_pages_logged_out_on_another_process(app, client, db, demo,
                                                                        sockets):
    """A log-out served by another process: this one finds the page's log-in gone and closes it."""
    live = sockets(demo.id, "facilitator")
    handlers = app.extensions["facilitator_handlers"]
    assert handlers.recheck_facilitators() == 0 and live.is_connected()
    me = next(iter(handlers.sessions.values()))
    accounts.end_login(db, me["login"])                    # as the other process would
    assert handlers.recheck_facilitators() == 1
    assert not live.is_connected()
