"""Deleting a step can be undone; drag-and-drop reordering saves the order without a reload."""
import re

import pytest

from facilitator import store
from facilitator.usecases import programme


def titles(db, event):
    return [s.title for s in store.list_steps(db, event.id)]


def test_a_deleted_step_comes_back_at_its_place(db, demo):
    before = store.list_steps(db, demo.id)
    removed = programme.delete_step(db, demo.id, before[1].id)
    assert titles(db, demo) == [before[0].title, before[2].title]
    programme.restore_step(db, demo.id, removed)
    after = store.list_steps(db, demo.id)
    assert [(s.title, s.kind, s.duration_s, s.instruction) for s in after] == [
        (s.title, s.kind, s.duration_s, s.instruction) for s in before]


def test_reorder_takes_every_step_once(db, demo):
    ids = [s.id for s in store.list_steps(db, demo.id)]
    programme.reorder_steps(db, demo.id, list(reversed(ids)))
    assert [s.id for s in store.list_steps(db, demo.id)] == list(reversed(ids))


@pytest.mark.parametrize("bad", [None, [], "1,2,3", {"ids": 1}, [1, 1, 1], [True, False, True],
                                 ["1", "2", "3"], list(range(10_000)), [10**30, 2, 3]])
def test_a_bad_order_is_refused_and_changes_nothing(db, demo, bad):
    before = titles(db, demo)
    with pytest.raises(programme.ProgrammeRefused):
        programme.reorder_steps(db, demo.id, bad)
    assert titles(db, demo) == before


def test_delete_then_undo_through_the_pages(client, db, demo):
    step = store.list_steps(db, demo.id)[1]
    response = client.post(f"/f/events/{demo.id}/programme/steps/{step.id}/delete")
    assert response.status_code == 302 and "undo=" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Ångra" in page and step.title in page
    token = re.search(r'name="undo" value="([^"]+)"', page).group(1)
    client.post(f"/f/events/{demo.id}/programme/steps/restore", data={"undo": token})
    assert titles(db, demo)[1] == step.title


@pytest.mark.parametrize("token", ["", "forged", "x" * 5000])
def test_a_forged_or_missing_undo_token_restores_nothing(client, db, demo, token):
    before = titles(db, demo)
    response = client.post(f"/f/events/{demo.id}/programme/steps/restore", data={"undo": token})
    assert response.status_code == 400 and titles(db, demo) == before


def test_an_undo_token_of_another_event_does_nothing_here(client, db, demo, user, rng):
    from .conftest import gen_event
    other = gen_event(db, rng, owner=user)
    step = store.list_steps(db, demo.id)[0]
    location = client.post(f"/f/events/{demo.id}/programme/steps/{step.id}/delete").headers["Location"]
    token = re.search(r"undo=([^&]+)", location).group(1)
    assert client.post(f"/f/events/{other.id}/programme/steps/restore",
                       data={"undo": token}).status_code == 400


def test_the_order_endpoint_saves_and_refuses_with_a_message(client, db, demo):
    ids = [s.id for s in store.list_steps(db, demo.id)]
    url = f"/f/events/{demo.id}/programme/order"
    assert client.post(url, json={"ids": ids[::-1]}).get_json() == {"ok": True}
    assert [s.id for s in store.list_steps(db, demo.id)] == ids[::-1]
    refused = client.post(url, json={"ids": ids[:1]})
    assert refused.status_code == 409 and refused.get_json()["message"]
    assert client.post(url, data="not json").status_code == 409
