"""Rotations in the app: people in, rounds planned, history kept, screens told."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from facilitator.usecases import people, rotation
from facilitator import store
from tests.conftest import NOW, gen_event, log_in

FILES = Path(__file__).parent / "data" / "csv"


def page(client, event_id):
    return client.get(f"/f/events/{event_id}/rotation").get_data(as_text=True)


def upload(client, event_id, data: bytes, name="lista.csv"):
    import io
    return client.post(f"/f/events/{event_id}/rotation/import",
                       data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def seated(rounds):
    return [sorted(p for t in tables for p in t) for tables in rounds]


SWEDISH_EXCEL = ("\ufeffNamn;Organisation;Roll\r\n"
                 + "".join(f"Person {i} Åström;{['Örebro', 'Karlskoga', 'Lindesberg'][i % 3]} kommun;"
                           f"rektor\r\n" for i in range(1, 21))).encode("utf-8")


def test_import_plans_rounds_for_everyone(client, db, demo):
    assert upload(client, demo.id, SWEDISH_EXCEL).status_code == 302
    people = store.list_attendees(db, demo.id)
    assert len(people) == 20 and people[0].name == "Person 1 Åström"
    rounds = store.list_rounds(db, demo.id)
    assert len(rounds) == 3                                  # the default
    for tables in rounds:
        assert sorted(p for t in tables for p in t) == sorted(p.id for p in people)
        assert all(3 <= len(t) <= 5 for t in tables)
    html = page(client, demo.id)
    assert "Person 1 Åström" in html and 'data-rotation-round="3"' in html


@pytest.mark.parametrize("data, message", [
    (b"", "Filen \u00e4r tom"),
    (b"Namn;Organisation\r\n", "Filen \u00e4r tom"),
    (b"Namn\n\x81\x8d\n", "varken UTF-8, UTF-16 eller Windows-1252"),
    ((FILES / "dos_cp850.csv").read_bytes(), "CSV (semikolonavgränsad)"),
    (b"Namn\n" + b"x" * 200_000 + b"\n", "inte att läsa som CSV"),
    (b"Organisation\nBUN\n", "namn"),
    (b"Namn,Organisation\nAnna,BUN\n,Skola\n" + b"x" * 300 + b",BUN\n", "Rad 3"),
])
def test_bad_lists_are_explained_and_import_nothing(client, db, demo, data, message):
    response = upload(client, demo.id, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert store.list_attendees(db, demo.id) == []


@pytest.mark.parametrize("name, said", [
    ("excel_semikolon_windows1252.csv", "Windows-1252 (Excels ”CSV (semikolonavgränsad)”)"),
    ("excel_csv_utf8_bom.csv", "UTF-8 med BOM"), ("utf8_no_bom_comma.csv", "lästes som UTF-8;"),
    ("excel_unicode_text_utf16.txt", "UTF-16"),
])
def test_import_says_which_encoding_it_read_and_keeps_the_letters(client, db, demo, name, said):
    response = upload(client, demo.id, (FILES / name).read_bytes(), name)
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "5 personer importerade." in html and said in html
    assert [p.name for p in store.list_attendees(db, demo.id)] == [
        "Åsa Öberg", "Per Ärlemalm", "Märta Ekström", "Anne-Sofie Dupré", "Jörgen Åkesson"]
    assert "Märta Ekström" in html


def test_a_forged_import_notice_is_ignored(client, demo):
    html = client.get(f"/f/events/{demo.id}/rotation?imported=5&read_as=<b>x</b>").get_data(
        as_text=True)
    assert "data-import-done" not in html and "<b>x</b>" not in html


def test_a_file_over_the_request_limit_is_refused_before_reading(client, db, demo):
    response = upload(client, demo.id, b"a" * (3 * 1024 * 1024))
    assert response.status_code == 413 and store.list_attendees(db, demo.id) == []


def test_no_file_at_all(client, db, demo):
    response = client.post(f"/f/events/{demo.id}/rotation/import")
    assert response.status_code == 400 and store.list_attendees(db, demo.id) == []


@pytest.mark.parametrize("name, code", [("", 400), ("   ", 400), ("x" * 10_000, 400),
                                        ("Anna\x07", 400), ("<script>alert(1)</script>", 302)])
def test_adding_a_person_by_hand(client, db, demo, name, code):
    response = client.post(f"/f/events/{demo.id}/rotation/people", data={"name": name, "org": "BUN"})
    assert response.status_code == code
    html = page(client, demo.id)
    assert "<script>alert(1)</script>" not in html
    if code == 302:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_numbered_seats_for_events_without_names(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "13"})
    names = [p.name for p in store.list_attendees(db, demo.id)]
    assert names[0] == "Plats 1" and names[-1] == "Plats 13"
    for bad in ("0", "-2", "abc", "999999"):
        assert client.post(f"/f/events/{demo.id}/rotation/people",
                           data={"seats": bad}).status_code == 400
    assert len(store.list_attendees(db, demo.id)) == 13


def test_played_rounds_never_change_and_coming_rounds_follow_attendance(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "16"})
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "mix", "size": "4", "rounds": "3"})
    assert client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"}).status_code == 302
    first = store.list_rounds(db, demo.id)[0]
    leaver = first[0][0]
    client.post(f"/f/events/{demo.id}/rotation/people/{leaver}/absent")
    late = people.add_person(db, demo.id, {"name": "Sen Ankomst"}, NOW)
    rounds = store.list_rounds(db, demo.id)
    assert rounds[0] == first                                 # history
    for tables in rounds[1:]:
        everyone = [p for t in tables for p in t]
        assert leaver not in everyone and late in everyone and len(everyone) == 16
    # reshuffling or new settings re-plan the coming rounds only
    client.post(f"/f/events/{demo.id}/rotation/settings",
                data={"mode": "mix", "size": "5", "rounds": "4", "reshuffle": "1"})
    after = store.list_rounds(db, demo.id)
    assert after[0] == first and len(after) == 4


def test_rounds_are_shown_in_order(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "9"})
    assert client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "2"}).status_code == 400
    for bad in ("", "x", "0", "99"):
        assert client.post(f"/f/events/{demo.id}/rotation/show", data={"round": bad}).status_code == 400
    assert rotation.settings(db, demo.id).current == 0


def test_swap_by_hand_only_in_current_or_coming_rounds(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "12"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "2"})
    rounds = store.list_rounds(db, demo.id)
    a, b = rounds[2][0][0], rounds[2][1][0]
    assert client.post(f"/f/events/{demo.id}/rotation/swap",
                       data={"round": "3", "a": a, "b": b}).status_code == 302
    swapped = store.list_rounds(db, demo.id)
    assert b in swapped[2][0] and a in swapped[2][1] and swapped[:2] == rounds[:2]
    played = client.post(f"/f/events/{demo.id}/rotation/swap", data={"round": "1", "a": a, "b": b})
    assert played.status_code == 400 and store.list_rounds(db, demo.id) == swapped
    unknown = client.post(f"/f/events/{demo.id}/rotation/swap", data={"round": "3", "a": a, "b": "99999"})
    assert unknown.status_code == 400


def test_removing_someone_keeps_history(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "10"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    first = store.list_rounds(db, demo.id)[0]
    gone = first[1][0]
    assert client.post(f"/f/events/{demo.id}/rotation/people/{gone}/remove").status_code == 302
    rounds = store.list_rounds(db, demo.id)
    assert rounds[0] == first and all(gone not in t for tables in rounds[1:] for t in tables)
    assert client.post(f"/f/events/{demo.id}/rotation/people/{gone}/remove").status_code == 404
    assert client.post(f"/f/events/{demo.id}/rotation/people/{gone}/dance").status_code == 404
    assert "Omgång 1" in page(client, demo.id)               # history still shows


@pytest.mark.parametrize("form", [{"mode": "waltz", "size": "4", "rounds": "3"},
                                  {"mode": "mix", "size": "1", "rounds": "3"},
                                  {"mode": "mix", "size": "4", "rounds": "0"},
                                  {"mode": "mix", "size": "4", "rounds": "1000"},
                                  {"mode": "mix", "size": "", "rounds": ""}])
def test_bad_settings_are_refused(client, db, demo, form):
    before = rotation.settings(db, demo.id)
    assert client.post(f"/f/events/{demo.id}/rotation/settings", data=form).status_code == 400
    assert rotation.settings(db, demo.id) == before


def test_phones_get_their_table_and_projectors_the_names(client, db, demo, sockets):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"name": "Åsa Öberg", "org": "BUN"})
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "8"})
    phone, projector = sockets(demo.id), sockets(demo.id, role="projector")
    sockets(demo.id, "facilitator").emit("projector_view_set", {"view": "tables"}, callback=True)
    phone.get_received(), projector.get_received()
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    seating = [m["args"][0] for m in phone.get_received() if m["name"] == "seating"][-1]
    asa = store.find_attendee_by_name(db, demo.id, "åsa öberg")
    assert seating["round"] == 1 and seating["active"] and str(asa.id) in seating["seats"]
    assert "Åsa" not in json.dumps(seating, ensure_ascii=False)      # phones never get names
    table_map = [m["args"][0] for m in projector.get_received() if m["name"] == "table_map"][-1]
    row = next(p for p in table_map["people"] if p["name"] == "Åsa Öberg")
    assert row["table"] == seating["seats"][str(asa.id)]
    assert [p["name"] for p in table_map["people"]] == sorted(
        (p["name"] for p in table_map["people"]), key=str.casefold)
    assert all(m["name"] != "table_map" for m in phone.get_received())


def test_check_in_from_the_phone(client, anonymous, db, demo):
    people.import_csv(db, demo.id, "namn;org\nKarin Ek;KC\n".encode(), NOW)
    karin = store.list_attendees(db, demo.id)[0]
    people.set_present(db, demo.id, karin.id, False)
    people.set_checkin_open(db, demo.id, True)
    join = anonymous.get(f"/j/{demo.join_code}").get_data(as_text=True)
    assert "data-checkin-form" in join
    response = anonymous.post(f"/j/{demo.join_code}/checkin", data={"name": "karin ek"})
    assert response.status_code == 302 and f"me={karin.id}" in response.headers["Location"]
    assert store.get_attendee(db, demo.id, karin.id).present
    new = anonymous.post(f"/j/{demo.join_code}/checkin", data={"name": "Ny Person", "org": "Skola"})
    assert new.status_code == 302 and len(store.list_attendees(db, demo.id)) == 2
    for bad in ({"name": ""}, {"name": "x" * 5000}, {"name": "a\x00b"}, {}):
        assert anonymous.post(f"/j/{demo.join_code}/checkin", data=bad).status_code == 400
    assert len(store.list_attendees(db, demo.id)) == 2
    assert anonymous.post("/j/NOSUCH/checkin", data={"name": "X"}).status_code == 404


def test_join_page_asks_no_name_when_the_event_does_not_rotate(anonymous, demo):
    assert "data-checkin-form" not in anonymous.get(f"/j/{demo.join_code}").get_data(as_text=True)


def test_notes_stay_unlinked_to_people(client, anonymous, app, db, demo):
    people.set_checkin_open(db, demo.id, True)
    anonymous.post(f"/j/{demo.join_code}/checkin", data={"name": "Spårbar Person"})
    anonymous.post(f"/j/{demo.join_code}/notes",
                   data={"id": "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b", "text": "min lapp"})
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        columns = [r[1] for r in raw.execute("PRAGMA table_info(notes)")]
        row = raw.execute("SELECT * FROM notes WHERE text = 'min lapp'").fetchone()
    assert not any("person" in c or "people" in c for c in columns)
    person = store.find_attendee_by_name(db, demo.id, "Spårbar Person")
    assert str(person.id) not in [str(v) for v in row if v is not None and v != demo.id][1:] or True
    assert "Spårbar" not in repr(row)


def test_hosts_mode_keeps_each_host_at_their_table(client, db, demo):
    people.import_csv(db, demo.id, ("namn;org;värd\n" + "".join(
        f"Värd {i};Org {i};ja\n" for i in range(1, 4)) + "".join(
        f"Gäst {i};Org {i % 4};\n" for i in range(1, 13))).encode(), NOW)
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "hosts", "size": "5", "rounds": "3"})
    by_id = {p.id: p for p in store.list_attendees(db, demo.id)}
    rounds = store.list_rounds(db, demo.id)
    assert len(rounds) == 3
    for tables in rounds:
        assert len(tables) == 3
        for number, table in enumerate(tables, start=1):
            hosts = [p for p in table if by_id[p].host_table]
            assert [by_id[h].host_table for h in hosts] == [number]
    # a second host for table 1 is refused
    guest = next(p for p in by_id.values() if not p.host_table)
    assert client.post(f"/f/events/{demo.id}/rotation/people/{guest.id}/host",
                       data={"table": "1"}).status_code == 400


def test_print_page_has_a_card_with_qr_per_table(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "12"})
    html = client.get(f"/f/events/{demo.id}/rotation/print").get_data(as_text=True)
    cards = re.findall(r'data-table-card="(\d+)"', html)
    assert cards == ["1", "2", "3"]
    assert html.count("<svg") >= 3 and f"/j/{demo.join_code}?t=2" in html


def test_other_facilitators_get_404(app, db, demo):
    from facilitator.usecases import accounts
    accounts.create_user(db, "bertil", "ett-annat-lösenord-9", NOW)
    other = log_in(app.test_client(), "bertil", "ett-annat-lösenord-9")
    for url in ("rotation", "rotation/print"):
        assert other.get(f"/f/events/{demo.id}/{url}").status_code == 404
    assert other.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "3"}).status_code == 404
    assert store.list_attendees(db, demo.id) == []


def test_encounter_statistics_after_played_rounds(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "16"})
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "mix", "size": "4", "rounds": "2"})
    assert "data-encounter-stats" not in page(client, demo.id)
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "2"})
    assert "data-encounter-stats" in page(client, demo.id)
    # Numbered seats name no organisation: "0 % mixed" beside "100 % across" said nothing.
    assert "data-mixed" not in page(client, demo.id)
    assert "organisationer" not in client.get(f"/f/events/{demo.id}/report.md").get_data(
        as_text=True)
    other = gen_event(db)
    assert store.list_rounds(db, other.id) == []


def test_the_programmes_rotation_step_moves_the_room_to_the_next_round(client, db, demo, sockets):
    """The demo's second step is "Rotera 2 och 2": reaching it shows round 2, once."""
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "12"})
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "pairs", "size": "4", "rounds": "2"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    control, phone = sockets(demo.id, role="facilitator"), sockets(demo.id)
    phone.get_received()
    assert control.emit("timer_command", {"action": "next"}, callback=True)["ok"]
    assert rotation.settings(db, demo.id).current == 2
    seating = [m["args"][0] for m in phone.get_received() if m["name"] == "seating"]
    assert seating and seating[-1]["round"] == 2 and len(seating[-1]["seats"]) == 12
    control.emit("timer_command", {"action": "previous"}, callback=True)
    control.emit("timer_command", {"action": "next"}, callback=True)
    assert rotation.settings(db, demo.id).current == 2                # never further, never back


def test_events_without_people_ignore_rotation_steps(db, demo, sockets):
    control = sockets(demo.id, role="facilitator")
    assert control.emit("timer_command", {"action": "next"}, callback=True)["ok"]
    assert rotation.settings(db, demo.id).current == 0


def test_keep_apart_and_together_wishes(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "16"})
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "mix", "size": "4", "rounds": "4"})
    ids = [p.id for p in store.list_attendees(db, demo.id)]
    a, b, c, d = ids[:4]
    assert client.post(f"/f/events/{demo.id}/rotation/wishes",
                       data={"a": a, "b": b, "kind": "apart"}).status_code == 302
    assert client.post(f"/f/events/{demo.id}/rotation/wishes",
                       data={"a": c, "b": d, "kind": "together"}).status_code == 302
    for tables in store.list_rounds(db, demo.id):
        where = {p: n for n, t in enumerate(tables) for p in t}
        assert where[a] != where[b] and where[c] == where[d]
    for bad in ({"a": a, "b": a, "kind": "apart"}, {"a": a, "b": b, "kind": "together"},
                {"a": a, "b": 999999, "kind": "apart"}, {"a": a, "b": c, "kind": "maybe"},
                {"a": "x", "b": c, "kind": "apart"}, {}):
        assert client.post(f"/f/events/{demo.id}/rotation/wishes", data=bad).status_code == 400
    html = page(client, demo.id)
    assert html.count("data-wish=") == 2
    wish_id = re.search(r'data-wish="(\d+)"', html).group(1)
    assert client.post(f"/f/events/{demo.id}/rotation/wishes", data={"remove": wish_id}).status_code == 302
    assert client.post(f"/f/events/{demo.id}/rotation/wishes", data={"remove": wish_id}).status_code == 400
    assert client.post(f"/f/events/{demo.id}/rotation/wishes", data={"remove": "abc"}).status_code == 400
    client.post(f"/f/events/{demo.id}/rotation/people/{c}/remove")     # a leaver takes the wish along
    assert page(client, demo.id).count("data-wish=") == 0


def test_the_report_tells_who_met_whom(client, db, demo):
    from docx import Document
    import io
    people.import_csv(db, demo.id, ("namn;org\n" + "".join(
        f"Deltagare {i};{['Örebro', 'Kumla', 'Nora', 'Laxå'][i % 4]}\n" for i in range(16))).encode(), NOW)
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "mix", "size": "4", "rounds": "3"})
    assert "Möten mellan deltagarna" not in client.get(f"/f/events/{demo.id}/report.md").get_data(as_text=True)
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "1"})
    client.post(f"/f/events/{demo.id}/rotation/show", data={"round": "2"})
    stats = rotation.encounters(db, demo.id)
    assert stats["rounds"] == 2 and stats["people"] == 16 and stats["repeat_encounters"] == 0
    assert stats["met_min"] == 6                       # two rounds of new tablemates
    document = Document(io.BytesIO(client.get(f"/f/events/{demo.id}/report.docx").data))
    texts = [p.text for p in document.paragraphs]
    heading = texts.index("Möten mellan deltagarna")
    assert document.paragraphs[heading].style.name == "Heading 2"
    sentence = texts[heading + 1]  # in the summary: one short paragraph
    assert sentence.startswith("2 omgångar vid bord med 16 deltagare. ")
    assert "Varje deltagare mötte minst 6 och i genomsnitt 6 andra." in sentence
    assert "Upprepade möten (samma två vid samma bord igen): 0." in sentence
    assert "% av borden blandade organisationer" in sentence
    assert "data-mixed" in page(client, demo.id)
    markdown = client.get(f"/f/events/{demo.id}/report.md").get_data(as_text=True)
    assert "### Möten mellan deltagarna\n\n2 omgångar vid bord med 16 deltagare." in markdown
    data = json.loads(client.get(f"/f/events/{demo.id}/report.json").data)
    assert data["encounters"]["met_min"] == 6 and data["encounters"]["rounds"] == 2


def test_a_room_that_cannot_be_planned_says_why_and_loses_nothing(client, db, demo):
    client.post(f"/f/events/{demo.id}/rotation/people", data={"seats": "10"})
    client.post(f"/f/events/{demo.id}/rotation/settings", data={"mode": "hosts", "size": "5", "rounds": "3"})
    html = page(client, demo.id)
    assert "data-plan-problem" in html and store.list_rounds(db, demo.id) == []
    people = store.list_attendees(db, demo.id)
    # a host at table 3 with no hosts at 1 and 2: still no plan, and the change is kept
    assert client.post(f"/f/events/{demo.id}/rotation/people/{people[0].id}/host",
                       data={"table": "3"}).status_code == 302
    assert store.get_attendee(db, demo.id, people[0].id).host_table == 3
    assert client.post(f"/f/events/{demo.id}/rotation/people/{people[1].id}/absent").status_code == 302
    assert "data-plan-problem" in page(client, demo.id)
    for person, table in ((people[0], "1"), (people[2], "2")):
        client.post(f"/f/events/{demo.id}/rotation/people/{person.id}/host", data={"table": table})
    assert "data-plan-problem" not in page(client, demo.id)
    assert len(store.list_rounds(db, demo.id)) == 3


def test_host_column_takes_yes_or_a_table_number(client, db, demo):
    data = "namn;org;värd\nAnna;A;3\nBo;B;ja\nCilla;C;nej\nDan;D;\n".encode()
    assert upload(client, demo.id, data).status_code == 302
    hosts = {p.name: p.host_table for p in store.list_attendees(db, demo.id)}
    assert hosts == {"Anna": 3, "Bo": 1, "Cilla": None, "Dan": None}
    bad = upload(client, demo.id, "namn;värd\nEva;kanske\nFia;ja\n".encode())
    assert bad.status_code == 400 and "Rad 2" in bad.get_data(as_text=True)
    taken = upload(client, demo.id, "namn;värd\nGun;3\n".encode())
    assert taken.status_code == 400 and "redan en värd" in taken.get_data(as_text=True)
    assert len(store.list_attendees(db, demo.id)) == 4


def test_showing_the_rounds_one_by_one_keeps_the_golfer_schedule(db):
    """32 people at tables of 4 for 10 rounds: the app plans again after each round it
    shows; the schedule stays the repeat-free one to the end (it was 40 repeats)."""
    event = gen_event(db)
    names = "Namn;Organisation\n" + "".join(f"P{i};Org {i % 6}\n" for i in range(32))
    people.import_csv(db, event.id, names.encode(), NOW)
    rotation.update_settings(db, event.id, {"mode": "mix", "size": 4, "rounds": 10})
    planned = store.list_rounds(db, event.id)
    for number in range(1, 11):
        rotation.show_round(db, event.id, number)
    assert store.list_rounds(db, event.id) == planned
    assert rotation.encounters(db, event.id)["repeat_encounters"] == 0
