"""Övrigt: small talk and logistics one-offs, decided relative to the notes (clustering/chatter.py).

The notes here are written for the tests, not taken from the labelled sets."""
import json
import os
import subprocess
import sys

import pytest

from facilitator.domain.clustering import chatter, embedding
from facilitator.domain.clustering.cluster import find_themes
from facilitator.domain.clustering.sort import sort_rest

SMALL_TALK_SV = [
    "Wifi-lösenordet?", "Mikrofonen hörs inte här bak", "Var ligger toaletterna?",
    "Tack för en givande eftermiddag", "Kan ni mejla ut bilderna efteråt?",
    "När kommer minnesanteckningarna?", "Gott kaffe!", "Hej från bord 7", "Var är hissen?",
    "Blir det en träff till i vår?", "Trevligt att ses igen",
]
SMALL_TALK_EN = [
    "The wifi keeps dropping", "Can't hear at the back", "Where are the toilets?",
    "Thanks for a great afternoon", "Will the slides be shared?", "Lovely cake!",
    "Hello from table 2", "When will the minutes be sent out?", "Is there another meeting?",
    "Thank you for organising this",
]
TOPIC = [
    "Bussen går bara en gång i timmen efter kl 18", "Tätare turer i rusningstid",
    "Fler avgångar på kvällen och helgen", "Inga bussar alls på söndag förmiddag",
    "Biljetterna är för dyra för en barnfamilj", "Periodkortet kostar mer än bensinen",
    "Billigare biljetter för pensionärer", "Enkelbiljetten kostar för mycket",
    "The library should open on Sundays", "More computers for homework at the library",
]
PARKING = [
    "Parkeringen vid torget är för dyr", "Gratis parkering första timmen skulle locka kunder",
    "Det finns för få parkeringsplatser i centrum", "Parkeringsavgiften driver bort handlarna",
    "Parkeringshus vid stationen", "parkeringen är för dyr!!",
]


@pytest.fixture
def lexical(monkeypatch):
    monkeypatch.setattr(embedding, "embed", lambda texts: None)


def talk_of(notes, given=()):
    return [talk for talk, _ in chatter.judge(notes, given)]


def test_small_talk_recognised_in_swedish_and_english():
    notes = SMALL_TALK_SV + SMALL_TALK_EN + TOPIC
    talk = talk_of(notes)
    missed = [n for n, t in zip(notes, talk) if not t and n not in TOPIC]
    assert not missed
    assert not any(t for n, t in zip(notes, talk) if n in TOPIC)


def test_a_logistics_word_many_notes_use_is_the_topic_not_small_talk():
    alone = talk_of(TOPIC + ["Parkeringen är full"])
    assert alone[-1]                                   # one parking remark: small talk
    with_theme = talk_of(TOPIC + PARKING + ["Parkeringen är full"])
    assert not any(with_theme[len(TOPIC):])            # six notes on parking: a topic


def test_a_logistics_word_in_the_facilitators_theme_name_is_a_topic():
    notes = TOPIC + ["Toaletterna är smutsiga", "Fler toaletter"]
    assert talk_of(notes)[-2]
    assert not any(talk_of(notes, given=["Toaletter"])[-2:])


def test_longer_notes_and_the_subject_are_never_small_talk():
    notes = ["Tack vare fritids kan jag jobba heltid men personalen räcker inte till för alla "
             "barnen som går där varje eftermiddag", "Maten i skolan är viktig för barnens hälsa",
             "Kaffe", "", "   ", "🙂🙂", "x" * 20000, "Tack! " * 2000]
    talk = talk_of(notes)
    assert talk[:2] == [False, False] and talk[2]
    assert len(talk) == len(notes)


def test_find_themes_sends_small_talk_and_a_logistics_one_off_to_övrigt(lexical):
    chat = ["Tack för idag", "wifi funkar inte", "Where is the toilet?", "Bra fika!",
            "Parkeringen vid kommunhuset är för liten"]
    notes = TOPIC[:8] + chat
    themes = find_themes(notes)
    other = next(t for t in themes if t.other)
    assert set(range(8, len(notes))) <= set(other.notes)
    assert not set(other.notes) & set(range(8))


def test_find_themes_keeps_a_real_theme_that_uses_a_logistics_word(lexical):
    notes = TOPIC[:8] + PARKING + ["Tack för idag", "Gott kaffe!"]
    themes = find_themes(notes)
    other = {i for t in themes if t.other for i in t.notes}
    assert {len(notes) - 2, len(notes) - 1} <= other
    assert not other & set(range(8, 8 + len(PARKING)))


def test_sort_rest_puts_small_talk_in_övrigt_and_a_named_logistics_theme_keeps_its_notes(lexical):
    notes = TOPIC[:8] + ["Toaletterna i parken är alltid låsta", "Fler toaletter vid lekplatsen",
                         "Toaletter i parken saknas", "Tack för idag", "wifi funkar inte"]
    result = sort_rest(notes, [("Turer", (0, 1)), ("Pris", (4, 5)), ("Toaletter", (8,))])
    themes = {t.label: set(t.notes) for t in result.themes}
    assert {9, 10} <= themes["Toaletter"]
    assert {11, 12} <= themes["Övrigt"]


def test_lexical_path_without_vectors_from_the_cli(tmp_path):
    """A plain install (FACILITATOR_EMBEDDING=off: no vectors) still sends small talk to
    Övrigt and keeps the topic's notes in themes."""
    notes = TOPIC[:8] + PARKING + ["Tack för idag", "wifi funkar inte", "Var är hissen?"]
    path = tmp_path / "notes.txt"
    path.write_text("\n".join(notes), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "facilitator", "cluster", str(path), "--json"],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "FACILITATOR_EMBEDDING": "off"})
    assert result.returncode == 0, result.stderr
    themes = json.loads(result.stdout)["themes"]
    other = {i for t in themes if t["other"] for i in t["notes"]}
    n = len(notes)
    assert {n - 3, n - 2, n - 1} <= other
    assert not other & set(range(8 + len(PARKING)))


def test_the_resource_reads_and_every_pattern_compiles():
    lex = chatter.lexicon()
    assert "wifi" in lex.event and "tack" in lex.kind and "bra" in lex.neutral
    assert len(lex.patterns) >= 10
