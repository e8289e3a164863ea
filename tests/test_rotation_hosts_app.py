"""World Café in the app: a host's phone is told to stay, and the table limit is kept or
the page says why not."""
from __future__ import annotations

import re

from facilitator import store
from facilitator.usecases import people, rotation
from tests.conftest import NOW


def world_cafe(client, db, event_id, hosts=3, guests=12, size=5):
    people.import_csv(db, event_id, ("namn;org;värd\n" + "".join(
        f"Värd {i};Org {i};ja\n" for i in range(1, hosts + 1)) + "".join(
        f"Gäst {i};Org {i % 4};\n" for i in range(1, guests + 1))).encode(), NOW)
    client.post(f"/f/events/{event_id}/rotation/settings",
                data={"mode": "hosts", "size": str(size), "rounds": "3"})
    return {p.name: p for p in store.list_attendees(db, event_id)}


def test_the_seating_names_the_hosts_at_their_own_table_each_round(client, db, demo):
    by_name = world_cafe(client, db, demo.id)
    assert rotation.seat_payload(db, demo.id)["hosts"] == []          # before round 1
    for number in (1, 2, 3):
        rotation.show_round(db, demo.id, number)
        payload = rotation.seat_payload(db, demo.id)
        hosts = {str(by_name[f"Värd {i}"].id) for i in (1, 2, 3)}
        assert set(payload["hosts"]) == hosts
        for i in (1, 2, 3):
            assert payload["seats"][str(by_name[f"Värd {i}"].id)] == by_name[f"Värd {i}"].host_table
        assert not any(str(by_name[f"Gäst {i}"].id) in payload["hosts"] for i in range(1, 13))


def test_no_hosts_in_the_seating_outside_world_cafe_mode(client, db, demo):
    world_cafe(client, db, demo.id)
    client.post(f"/f/events/{demo.id}/rotation/settings",
                data={"mode": "mix", "size": "5", "rounds": "3"})
    rotation.show_round(db, demo.id, 1)
    assert rotation.seat_payload(db, demo.id)["hosts"] == []


def test_the_phone_page_carries_the_host_message_in_swedish_and_english(client, db, demo):
    world_cafe(client, db, demo.id)
    html = client.get(f"/j/{demo.join_code}").get_data(as_text=True)
    assert 'data-msg-host="Du är värd: stanna vid bord {n}"' in html
    html = client.get(f"/j/{demo.join_code}?lang=en").get_data(as_text=True)
    assert 'data-msg-host="You are the host: stay at table {n}"' in html


def test_a_host_table_over_the_limit_is_explained_with_the_hosts_it_takes(client, db, demo):
    world_cafe(client, db, demo.id, hosts=4, guests=22, size=5)     # 26 people, 4 tables
    html = client.get(f"/f/events/{demo.id}/rotation").get_data(as_text=True)
    notice = re.search(r'<div class="notice warn" role="status" data-host-limit="(\d+)">(.*?)</div>',
                       html, re.S)
    assert notice and notice.group(1) == "7"
    text = " ".join(notice.group(2).split())
    assert "26 personer vid 4 bord med bordsvärd" in text and "7 personer" in text and "5" in text
    assert "Utse 2 bordsvärdar till" in text                               # ceil(26 / 5) = 6 tables
    assert max(len(t) for t in store.list_rounds(db, demo.id)[0]) == 7


def test_no_notice_when_the_host_tables_keep_the_limit(client, db, demo):
    world_cafe(client, db, demo.id, hosts=4, guests=16, size=5)     # 20 people, 4 tables of 5
    html = client.get(f"/f/events/{demo.id}/rotation").get_data(as_text=True)
    assert "data-host-limit" not in html
    assert max(len(t) for t in store.list_rounds(db, demo.id)[0]) == 5
    assert rotation.host_limit(store.get_rotation_settings(db, demo.id),
                               store.list_attendees(db, demo.id)) is None


def test_one_more_host_lifts_the_notice(client, db, demo):
    world_cafe(client, db, demo.id, hosts=4, guests=17, size=5)     # 21 people, 4 tables
    html = client.get(f"/f/events/{demo.id}/rotation").get_data(as_text=True)
    assert 'data-host-limit="6"' in html and "Utse 1 bordsvärd till" in html
    guest = store.find_attendee_by_name(db, demo.id, "Gäst 1")
    client.post(f"/f/events/{demo.id}/rotation/people/{guest.id}/host", data={"table": "5"})
    html = client.get(f"/f/events/{demo.id}/rotation").get_data(as_text=True)
    assert "data-host-limit" not in html
    assert len(store.list_rounds(db, demo.id)[0]) == 5


def test_table_cards_are_tents_with_the_number_on_both_faces(client, db, demo):
    world_cafe(client, db, demo.id)
    html = client.get(f"/f/events/{demo.id}/rotation/print").get_data(as_text=True)
    cards = re.findall(r'<section class="table-print-card table-tent" data-table-card="(\d+)"(.*?)</section>',
                       html, re.S)
    assert [no for no, _ in cards] == ["1", "2", "3"]
    for no, card in cards:
        back, front = card.split('class="tent-fold"')
        assert f"Bord {no}" in back and f"Bord {no}" in front      # readable from both sides
        assert "tent-back" in back and "<svg" in front and "Vik här" in front
        assert "Värd 1" in back or "Värd 2" in back or "Värd 3" in back   # who sits here
