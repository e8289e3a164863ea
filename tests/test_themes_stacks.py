"""Issue 16: on the themes page, copies of one note (the same text from six phones) are one
entry with the others' ids, as on the wall (domain/duplicates.stack_items); a theme's size
still counts every copy, and moving the entry moves them all."""
from facilitator import store
from facilitator.usecases import notes

from .conftest import NOW, note_payload
from .test_themes import event_with_notes

COPIES = ["En dörr in för familjerna", "en dörr in för familjerna!", "En dörr in för familjerna",
          "EN DÖRR IN FÖR FAMILJERNA", "En  dörr in för familjerna.", "En dörr in för familjerna"]


def board(client, event, action=None, **body):
    if action is None:
        return client.get(f"/f/events/{event.id}/themes.json?q=all").get_json()
    return client.post(f"/f/events/{event.id}/themes/{action}", json={"q": "all", **body}).get_json()


def with_copies(db, user):
    event = event_with_notes(db, user)
    question = store.list_questions(db, event.id)[0]
    for text in COPIES:
        notes.submit_note(db, event.id, note_payload(text, question_id=question.id), NOW)
    return event


def entries(found, text="dörr in"):
    return [n for n in found if text in n["text"].lower()]


def test_unsorted_copies_are_one_entry(client, db, user):
    event = with_copies(db, user)
    unsorted = board(client, event)["unsorted"]
    stacked = entries(unsorted)
    assert len(stacked) == 1 and len(stacked[0]["copies"]) == 5
    assert stacked[0]["text"] == COPIES[0]               # the first one written
    assert all(n["copies"] == [] for n in unsorted if n not in stacked)
    ids = {stacked[0]["id"], *stacked[0]["copies"]}
    assert ids == {n.id for n in store.list_notes(db, event.id) if "dörr" in n.text.lower()}


def test_a_theme_counts_every_copy_and_a_move_takes_them_all(client, db, user):
    event = with_copies(db, user)
    found = board(client, event, "find")
    home = next(t for t in found["themes"] if entries(t["notes"]))
    entry = entries(home["notes"])[0]
    assert len(entries(home["notes"])) == 1 and len(entry["copies"]) == 5
    assert home["size"] == len(home["notes"]) + 5
    target = next(t for t in found["themes"] if t["id"] != home["id"])
    moved = board(client, event, "move", note_ids=[entry["id"], *entry["copies"]],
                  theme_id=target["id"])
    there = next(t for t in moved["themes"] if t["id"] == target["id"])
    assert len(entries(there["notes"])) == 1 and there["size"] == target["size"] + 6
