"""The facilitator's phone as a remote, and the event's parts as navigation."""
import re

import pytest


def test_the_remote_needs_the_same_log_in(anonymous, demo):
    response = anonymous.get(f"/f/events/{demo.id}/remote")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_remote_has_the_timer_and_the_steps(client, demo):
    page = client.get(f"/f/events/{demo.id}/remote").get_data(as_text=True)
    for hook in ("timer-start", "timer-pause", "timer-extend", "timer-shorten", "timer-reset",
                 "step-next", "step-previous"):
        assert f'data-action="{hook}"' in page
    assert len(re.findall(r'data-action="step-goto" data-step-id="\d+"', page)) == 3
    assert 'data-token="' in page and "Starta" in page


def test_someone_elses_remote_is_not_found(client, db, rng):
    from .conftest import gen_event
    other = gen_event(db, rng)
    assert client.get(f"/f/events/{other.id}/remote").status_code == 404


@pytest.mark.parametrize("path", ["", "/programme", "/evaluation", "/rotation", "/themes"])
def test_every_page_of_an_event_has_its_parts_as_navigation(client, demo, path):
    page = client.get(f"/f/events/{demo.id}{path}").get_data(as_text=True)
    for part in ("control", "programme", "evaluation", "rotation", "themes", "summary", "remote"):
        assert f'data-nav="{part}"' in page, part
    assert page.count('aria-current="page"') == 1
