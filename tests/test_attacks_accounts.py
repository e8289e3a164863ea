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


def test_cli_refuses_a_common_password(tmp_path):
    from .test_security import run_cli
    result = run_cli(tmp_path, "create-user", "erik", "--password", "password123",
                     "--db", str(tmp_path / "c.sqlite3"))
    assert result.returncode == 2 and "common" in result.stderr
