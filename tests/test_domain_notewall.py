"""The projector's note wall: stacks, featured first, newest first, whole words."""
from facilitator.domain.notewall import CARD_MAX_CHARS, shorten, wall_cards
from facilitator.models import Note


def note(i, text, starred=False):
    return Note(f"id{i}", "ev", text, f"2026-12-01T10:{i:02d}:00Z", starred=starred)


def test_copies_are_one_card_with_a_count_and_a_new_copy_brings_it_forward():
    notes = [note(0, "Mer tid för samtal"), note(1, "Bättre fika"), note(2, "mer tid för samtal!")]
    cards = wall_cards(notes)
    assert [(c.text, c.count) for c in cards] == [("Mer tid för samtal", 2), ("Bättre fika", 1)]
    assert cards[0].id == "id0" and cards[0].ids == ("id0", "id2")


def test_featured_cards_come_first_then_newest_first():
    notes = [note(0, "Äldst"), note(1, "Framlyft", starred=True), note(2, "Nyast")]
    assert [c.text for c in wall_cards(notes)] == ["Framlyft", "Nyast", "Äldst"]


def test_a_starred_copy_features_the_whole_stack():
    notes = [note(0, "En dörr in för familjer"), note(1, "Annat"),
             note(2, "En dörr in för familjer", starred=True)]
    assert wall_cards(notes)[0].starred and wall_cards(notes)[0].count == 2


def test_long_notes_are_cut_at_a_word():
    text = "samverkan " * 100
    short = shorten(text)
    assert len(short) <= CARD_MAX_CHARS + 2 and short.endswith(" …")
    assert all(word == "samverkan" for word in short[:-2].split())
    assert shorten("  kort  ") == "kort"
    assert shorten("x" * 500).startswith("x" * CARD_MAX_CHARS)   # one huge word: still bounded


def test_no_notes_no_cards():
    assert wall_cards([]) == []
