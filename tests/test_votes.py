"""Dot votes: the facilitator's votes, phones' ballots over real Socket.IO, tallies, bad input."""
from __future__ import annotations

import json
import uuid

import pytest

from facilitator import store
from facilitator.domain.votes import VoteError
from facilitator.usecases import demo_data, programme, reports, themes, timing, votes
from facilitator.usecases.validation import ValidationError

from .conftest import NOW, gen_event

TYPED = {"title": "Vad tar vi oss an?", "source": "manual",
         "options": "Kompetensutveckling\nElevhälsa\nDela data", "dots": "3",
         "results_visible": "1"}


def opened(db, event, **form):
    vote_id = votes.add_vote(db, event.id, {**TYPED, **form})
    return votes.open_vote(db, event.id, vote_id)


def ballot(vote, dots, key=None, seq=1):
    return {"vote_id": vote.id, "key": key or str(uuid.uuid4()), "seq": seq,
            "dots": {str(vote.options[i].id): n for i, n in dots.items()}}


def counts(db, vote):
    return [o["votes"] for o in votes.result(db, votes.get(db, vote.event_id, vote.id))["options"]]


def last(received, name):
    return [m["args"][0] for m in received if m["name"] == name][-1]


def test_phones_place_and_move_dots_until_the_vote_closes(db, demo, sockets):
    vote = opened(db, demo)
    phone = sockets(demo.id)
    key = str(uuid.uuid4())
    assert phone.emit("vote_cast", ballot(vote, {0: 2, 1: 1}, key, seq=1), callback=True) == {
        "ok": True, "stored": True}
    assert counts(db, vote) == [2, 1, 0]
    # Moving a dot: the whole ballot again, newer; the old one is replaced, not added.
    assert phone.emit("vote_cast", ballot(vote, {0: 1, 2: 2}, key, seq=2), callback=True)["stored"]
    assert counts(db, vote) == [1, 0, 2]
    # A resend of the older ballot (the outbox) is acknowledged but changes nothing.
    assert phone.emit("vote_cast", ballot(vote, {0: 2, 1: 1}, key, seq=1), callback=True) == {
        "ok": True, "stored": False}
    assert phone.emit("vote_cast", ballot(vote, {0: 1, 2: 2}, key, seq=2), callback=True) == {
        "ok": True, "stored": False}
    assert counts(db, vote) == [1, 0, 2]
    votes.close_vote(db, demo.id, vote.id)
    late = phone.emit("vote_cast", ballot(vote, {1: 3}, key, seq=3), callback=True)
    assert late["ok"] is False and late["error"] == "closed"
    assert counts(db, vote) == [1, 0, 2]
    assert votes.result(db, votes.get(db, demo.id, vote.id))["phones"] == 1


@pytest.mark.parametrize("dots,code", [
    ({0: 4}, "too_many_dots"),
    ({0: 2, 1: 2}, "too_many_dots"),
    ({0: -1}, "bad_dots"),
    ({0: 1.5}, "bad_dots"),
    ({0: True}, "bad_dots"),
    ({0: "2"}, "bad_dots"),
])
def test_too_many_or_malformed_dots_change_nothing(db, demo, sockets, dots, code):
    vote = opened(db, demo)
    phone = sockets(demo.id)
    key = str(uuid.uuid4())
    phone.emit("vote_cast", ballot(vote, {1: 1}, key), callback=True)
    answer = phone.emit("vote_cast", ballot(vote, dots, key, seq=2), callback=True)
    assert answer["ok"] is False and answer["error"] == code and answer["message"]
    assert counts(db, vote) == [0, 1, 0]


@pytest.mark.parametrize("payload,code", [
    (None, "bad_payload"), ("x", "bad_payload"), ([], "bad_payload"),
    ({"vote_id": 999999, "key": str(uuid.uuid4()), "dots": {}}, "no_vote"),
    ({"vote_id": "drop table", "key": str(uuid.uuid4()), "dots": {}}, "no_vote"),
    ({"seq": -1, "dots": {}}, "bad_seq"), ({"seq": "1", "dots": {}}, "bad_seq"),
    ({"seq": 2**60, "dots": {}}, "bad_seq"),
    ({"seq": 1, "dots": []}, "bad_dots"), ({"seq": 1, "dots": "1"}, "bad_dots"),
    ({"seq": 1, "dots": {str(i): 0 for i in range(100)}}, "bad_dots"),
    ({"seq": 1, "dots": {"999999": 1}}, "unknown_option"),
    ({"seq": 1, "dots": {"abc": 1}}, "unknown_option"),
])
def test_hostile_ballots_get_a_clear_answer(db, demo, sockets, payload, code):
    vote = opened(db, demo)
    if isinstance(payload, dict) and "vote_id" not in payload:
        payload = {"vote_id": vote.id, "key": str(uuid.uuid4()), **payload}
    answer = sockets(demo.id).emit("vote_cast", payload, callback=True)
    assert answer["ok"] is False and answer["error"] == code and answer["message"]
    assert store.count_ballots(db, vote.id) == 0


def test_fresh_random_keys_from_one_phone_add_no_dots(db, demo, sockets):
    """The stuffing attack: one phone sends ballot after ballot, each with a new random key
    (and a higher seq). The server keys ballots by the phone's signed key, so the phone
    still has one ballot: its last one."""
    vote = opened(db, demo)
    phone = sockets(demo.id)
    for i in range(60):
        answer = phone.emit("vote_cast", ballot(vote, {i % 3: 3}, str(uuid.uuid4()), seq=i + 1),
                            callback=True)
        assert answer == {"ok": True, "stored": True}
    assert sum(counts(db, vote)) == 3 and counts(db, vote) == [0, 0, 3]   # 59 % 3 == 2
    assert store.count_ballots(db, vote.id) == 1
    assert votes.result(db, votes.get(db, demo.id, vote.id))["phones"] == 1


@pytest.mark.parametrize("key", ["not-a-uuid", None, "k" * 100_000, 7, {"a": 1}])
def test_the_payload_key_is_ignored_whatever_it_holds(db, demo, sockets, key):
    vote = opened(db, demo)
    payload = {**ballot(vote, {0: 1}), "key": key}
    assert sockets(demo.id).emit("vote_cast", payload, callback=True) == {"ok": True, "stored": True}
    assert counts(db, vote) == [1, 0, 0]


def test_a_connection_without_a_phone_key_cannot_vote(db, demo, sockets):
    vote = opened(db, demo)
    script = sockets(demo.id, claim=False)
    for _ in range(5):
        answer = script.emit("vote_cast", ballot(vote, {0: 3}), callback=True)
        assert answer["ok"] is False and answer["error"] == "no_phone_key" and answer["message"]
    assert store.count_ballots(db, vote.id) == 0


def test_one_phone_on_two_connections_has_one_ballot(db, demo, sockets):
    """A reload or a second tab shows the same phone key: the newer ballot replaces the older."""
    vote = opened(db, demo)
    first = sockets(demo.id)
    second = sockets(demo.id, phone_key=first.phone_key)
    assert second.phone_key == first.phone_key
    assert first.emit("vote_cast", ballot(vote, {0: 3}, seq=1), callback=True)["stored"]
    assert second.emit("vote_cast", ballot(vote, {1: 2}, seq=2), callback=True)["stored"]
    assert counts(db, vote) == [0, 2, 0] and store.count_ballots(db, vote.id) == 1


def test_a_bad_key_without_a_phone_is_refused(db, demo):
    """The rules' own path (demo data, no phone): the key must be a UUID."""
    vote = opened(db, demo)
    with pytest.raises(VoteError) as caught:
        votes.cast(db, demo.id, ballot(vote, {0: 1}, key="not-a-uuid"))
    assert caught.value.code == "bad_key"
    assert store.count_ballots(db, vote.id) == 0


def test_an_option_of_another_vote_is_unknown(db, demo, sockets):
    first, second = opened(db, demo), opened(db, demo, title="Andra")
    answer = sockets(demo.id).emit("vote_cast", {"vote_id": first.id, "key": str(uuid.uuid4()),
                                                 "seq": 1, "dots": {str(second.options[0].id): 1}},
                                   callback=True)
    assert answer["error"] == "unknown_option"


def test_at_most_m_dots_on_one_option(db, demo, sockets):
    vote = opened(db, demo, dots="5", max_per_option="2")
    phone = sockets(demo.id)
    assert phone.emit("vote_cast", ballot(vote, {0: 3}), callback=True)["error"] == "too_many_on_option"
    assert phone.emit("vote_cast", ballot(vote, {0: 2, 1: 2, 2: 1}), callback=True)["ok"]
    assert counts(db, vote) == [2, 2, 1]


def test_a_vote_of_another_event_is_unknown(db, demo, sockets, rng):
    other = gen_event(db, rng)
    vote = opened(db, other)
    answer = sockets(demo.id).emit("vote_cast", ballot(vote, {0: 1}), callback=True)
    assert answer["error"] == "no_vote"
    assert store.count_ballots(db, vote.id) == 0


def test_a_draft_takes_no_dots(db, demo, sockets):
    vote = votes.get(db, demo.id, votes.add_vote(db, demo.id, TYPED))
    assert sockets(demo.id).emit("vote_cast", ballot(vote, {0: 1}), callback=True)["error"] == "closed"


def test_screens_learn_of_votes_and_live_bars(app, db, demo, sockets):
    facilitator = sockets(demo.id, "facilitator")
    projector, phone = sockets(demo.id, "projector"), sockets(demo.id)
    vote = opened(db, demo)
    with app.app_context():
        app.extensions["screens"].votes(demo.id)
    assert last(phone.get_received(), "votes")["votes"][0]["options"][0]["label"] == "Kompetensutveckling"
    projector.get_received()
    facilitator.get_received()
    phone.emit("vote_cast", ballot(vote, {0: 3}), callback=True)
    shown = [r for r in last(projector.get_received(), "vote_results")["results"]
             if r["id"] == vote.id][0]
    assert [o["votes"] for o in shown["options"]] == [3, 0, 0] and shown["phones"] == 1
    mine = [r for r in last(facilitator.get_received(), "vote_results")["results"]
            if r["id"] == vote.id][0]
    assert mine["dots"] == 3
    assert not [m for m in phone.get_received() if m["name"] == "vote_results"]


def test_hidden_results_reach_the_projector_only_when_closed(db, demo):
    vote = opened(db, demo, results_visible="")
    votes.cast(db, demo.id, ballot(vote, {0: 3}))
    shown = votes.shown_results(db, demo.id)
    live = [s for s in shown if s["id"] == vote.id][0]
    assert live["phones"] == 1 and live["dots"] is None
    assert {o["votes"] for o in live["options"]} == {None}
    full = [r for r in votes.results(db, demo.id) if r["id"] == vote.id][0]
    assert full["options"][0]["votes"] == 3   # the control page sees them
    votes.close_vote(db, demo.id, vote.id)
    closed = [s for s in votes.shown_results(db, demo.id) if s["id"] == vote.id][0]
    assert closed["options"][0]["votes"] == 3 and closed["options"][0]["share"] == 1.0


@pytest.mark.parametrize("form,field", [
    ({"title": ""}, "title"), ({"title": "x" * 201}, "title"), ({"source": "dice"}, "source"),
    ({"options": "bara en"}, "options"), ({"options": "a\nA"}, "options"),
    ({"options": "\n".join(str(i) for i in range(31))}, "options"),
    ({"options": "a\n" + "b" * 201}, "options"),
    ({"dots": "0"}, "dots"), ({"dots": "21"}, "dots"), ({"dots": "tre"}, "dots"),
    ({"max_per_option": "-1"}, "max_per_option"), ({"step_id": "x"}, "step_id"),
    ({"step_id": "999999"}, "step_id"), ({"source": "themes", "question": "999999"}, "question"),
])
def test_bad_vote_forms(db, demo, form, field):
    with pytest.raises(ValidationError) as caught:
        votes.add_vote(db, demo.id, {**TYPED, **form})
    assert field in caught.value.errors
    assert len(votes.votes(db, demo.id)) == 1   # only the demo's own vote


def test_a_vote_on_themes_keeps_its_options_when_the_themes_change(db, demo, sockets, rng):
    demo_data.seed_demo_notes(db, demo.id, 60, rng, NOW)
    question = store.list_questions(db, demo.id)[0].id
    themes.find(db, demo, question, NOW)
    vote = opened(db, demo, source="themes", question=str(question), options="")
    labels = [o.label for o in vote.options]
    assert len(labels) >= 2 and all(labels)
    sockets(demo.id).emit("vote_cast", ballot(vote, {0: 2, 1: 1}), callback=True)
    theme = themes.themes_of(db, demo.id, question)[0]
    themes.rename(db, demo, question, theme.id, "Ett nytt namn", NOW)
    still = votes.get(db, demo.id, vote.id)
    assert [o.label for o in still.options] == labels
    assert votes.source_changed(db, still)
    assert counts(db, vote)[:2] == [2, 1]
    # Dots still go to the options the room saw; nothing lost, nothing counted twice.
    assert sockets(demo.id).emit("vote_cast", ballot(vote, {0: 1}), callback=True)["ok"]
    assert counts(db, vote)[:2] == [3, 1]


def test_votes_hold_nothing_that_joins_them_to_a_phone(db, demo, sockets):
    """A ballot row holds neither the key the payload sent nor the phone's own key; the
    phone's ballots in two votes have keys that share nothing."""
    first, second = opened(db, demo), opened(db, demo, title="Andra")
    phone = sockets(demo.id)
    key = str(uuid.uuid4())
    for vote in (first, second):
        assert phone.emit("vote_cast", ballot(vote, {0: 1}, key), callback=True)["stored"]
    rows = [list(db["vote_ballots"].rows_where("vote_id = ?", [v.id]))[0] for v in (first, second)]
    for row in rows:
        assert key not in json.dumps(row) and phone.phone_key not in json.dumps(row)
        assert str(uuid.UUID(row["ballot_key"])) == row["ballot_key"]
        assert set(row) == {"vote_id", "ballot_key", "event_id", "seq", "dots"}
    assert rows[0]["ballot_key"] != rows[1]["ballot_key"]


def test_a_vote_step_opens_its_vote_and_shows_it(db, demo):
    step_id = programme.add_step(db, demo.id, {"kind": "vote", "title": "Prioritera",
                                               "instruction": "", "duration_s": 300})
    vote_id = votes.add_vote(db, demo.id, {**TYPED, "step_id": str(step_id)})
    assert votes.get(db, demo.id, vote_id).status == "draft"
    timing.timer_command(db, demo.id, "goto", 0, step_id=step_id)
    assert votes.get(db, demo.id, vote_id).status == "open"
    assert store.get_event(db, demo.id).projector_view == "vote"


def test_the_demo_carries_a_closed_vote_and_the_report_shows_it(db, demo):
    data = json.loads(reports.report_json(db, demo.id))
    (vote,) = data["votes"]
    assert vote["title"] == votes.DEMO_TITLE and vote["phones"] == 9
    assert vote["dots_per_phone"] == 3
    assert sum(o["votes"] for o in vote["options"]) == 27
    assert {"label", "votes"} <= set(vote["options"][0])
    markdown = reports.report_markdown(db, demo.id)
    assert "| Samordnad elevhälsa | 10 |" in markdown


def test_votes_page_adds_opens_and_closes(client, db, demo):
    page = client.get(f"/f/events/{demo.id}/votes")
    assert page.status_code == 200 and votes.DEMO_TITLE in page.get_data(as_text=True)
    bad = client.post(f"/f/events/{demo.id}/votes", data={**TYPED, "options": "bara en"})
    assert bad.status_code == 400 and "bara en" in bad.get_data(as_text=True)
    assert client.post(f"/f/events/{demo.id}/votes", data=TYPED).status_code == 302
    vote = votes.votes(db, demo.id)[-1]
    assert client.post(f"/f/events/{demo.id}/votes/{vote.id}/open").status_code == 302
    assert votes.get(db, demo.id, vote.id).status == "open"
    assert client.post(f"/f/events/{demo.id}/votes/{vote.id}/close").status_code == 302
    assert votes.get(db, demo.id, vote.id).status == "closed"
    assert client.post(f"/f/events/{demo.id}/votes/{vote.id}/explode").status_code == 404
    assert client.post(f"/f/events/{demo.id}/votes/999999/open").status_code == 404


def test_a_themes_vote_without_themes_stays_shut_with_a_message(client, db, demo):
    client.post(f"/f/events/{demo.id}/votes", data={**TYPED, "source": "themes", "options": ""})
    vote = votes.votes(db, demo.id)[-1]
    shut = client.post(f"/f/events/{demo.id}/votes/{vote.id}/open")
    assert shut.status_code == 400 and "data-vote-problem" in shut.get_data(as_text=True)
    assert votes.get(db, demo.id, vote.id).status == "draft"


def test_another_facilitator_cannot_reach_the_votes_page(app, demo, db):
    from facilitator.usecases import accounts
    from .conftest import log_in
    accounts.create_user(db, "bertil", "ett-annat-lösenord-9", NOW)
    other = log_in(app.test_client(), "bertil", "ett-annat-lösenord-9")
    assert other.get(f"/f/events/{demo.id}/votes").status_code in (403, 404)
    assert other.post(f"/f/events/{demo.id}/votes", data=TYPED).status_code in (403, 404)


def test_the_docx_summary_has_the_vote_as_a_table(db, demo):
    import io

    import docx
    document = docx.Document(io.BytesIO(reports.report_docx(db, demo.id, NOW)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert f"Prioritering: {votes.DEMO_TITLE}" in headings
    # In the summary: after "Sammanfattning", before the next chapter.
    summary = headings.index("Sammanfattning")
    chapter_after = next(i for i, p in enumerate(headings) if i > summary and p in (
        "Så arbetade vi", "Utvärdering") or (i > summary and p.startswith("Fråga ")))
    assert summary < headings.index(f"Prioritering: {votes.DEMO_TITLE}") < chapter_after
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "Alternativ"]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Alternativ", "Prickar", "Andel"]
    assert rows[1] == ["Samordnad elevhälsa", "10", "37 %"]      # most dots first
    assert len(rows) == 1 + len(votes.DEMO_OPTIONS)


def test_the_report_csv_carries_one_row_per_option(db, demo):
    import csv
    import io
    rows = [r for r in csv.DictReader(io.StringIO(reports.report_csv(db, demo.id).lstrip("\ufeff")))
            if r["Del"] == "Prioritering"]
    assert sorted(r["Tema"] for r in rows) == sorted(votes.DEMO_OPTIONS)
    assert {r["Fråga"] for r in rows} == {votes.DEMO_TITLE}
    assert sum(int(r["Antal"]) for r in rows) == 27
