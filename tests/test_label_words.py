"""Issue 18 round 3: theme labels name the theme with a noun, and a measure of that.

The measure (scores.label_hits) compares each found theme's label with the words a person
would write on the whiteboard for the true theme most of its notes have (#words lines in
tests/data/themes_*.tsv). The label rules (labels.py, wordclass.py) are general: no topic lists.
"""
from collections import Counter
from pathlib import Path

import pytest

from facilitator.domain.clustering import embedding
from facilitator.domain.clustering.cluster import PARAMS, Theme, find_themes
from facilitator.domain.clustering.labels import MAX_LABEL, label
from facilitator.domain.clustering.reading import read
from facilitator.domain.clustering.scores import (label_hit, label_hits, part_matches,
                                                  read_label_words, read_labelled)
from facilitator.domain.clustering.wordclass import genitive, noun_evidence, noun_likeness

DATA = Path(__file__).parent / "data"
# The newest held-out sets are measured once, by the bench: no test reads them but the format check.
TUNING = sorted(p for p in DATA.glob("themes_*.tsv") if not p.name.startswith("themes_r9_"))
HELD_OUT = sorted(DATA.glob("themes_r9_*.tsv"))


@pytest.fixture
def lexical(monkeypatch):
    monkeypatch.setattr(embedding, "embed", lambda texts: None)


def test_every_true_theme_of_every_set_has_its_whiteboard_words():
    assert (len(TUNING), len(HELD_OUT)) == (46, 5)
    for path in TUNING + HELD_OUT:
        text = path.read_text(encoding="utf-8")
        labels, _ = read_labelled(text)
        words = read_label_words(text)
        wanted = set(labels) - {"övrigt", "other"}
        assert set(words) == wanted, path.name
        assert all(3 <= len(w) <= 8 for w in words.values()), path.name


def test_read_label_words_skips_what_is_not_a_words_line():
    text = ("#words\tbostadskö\tBostadskö, kö,  , kötid\n#words\t\tx\n#words\tempty\t\n"
            "# words\tnot\tthis\nbostadskö\tKön är lång\n")
    assert read_label_words(text) == {"bostadskö": ("bostadskö", "kö", "kötid")}
    assert read_labelled(text) == (["bostadskö"], ["Kön är lång"])


@pytest.mark.parametrize("label, hit", [
    ("Bostadskön", True), ("Kö", True), ("Bostadskön · Kötiden", True),
    ("Parkeringsavgiften", True),         # a compound that starts with the word's stem
    ("Hyran · Höjs", False), ("Höjs", False), ("Kommunen", False), ("", False),
])
def test_a_label_hits_when_its_words_are_the_themes(label, hit):
    words = ("bostadskö", "kö", "kötid", "parkering")
    assert label_hit(label, words) is hit


def test_phrases_match_word_by_word_or_by_their_head():
    assert part_matches("Mental health", "mental health")
    assert part_matches("Health", "mental health")
    assert not part_matches("Mental", "mental health")        # an adjective alone is no name
    assert not part_matches("Digital", "digital tools")
    assert part_matches("Digital tools", "tools")
    assert part_matches("Skolbiblioteket", "bibliotek")         # the word ends the compound
    assert not part_matches("Kö", "kötid")                      # under 4 letters: no compound rule


def test_label_hits_takes_the_majority_theme_and_calls_named_chatter_a_miss():
    truth = ["hyror", "hyror", "kö", "övrigt", "övrigt", "kö"]
    themes = [Theme("Hyrorna", (0, 1, 2)), Theme("Fika", (3, 4, 5)),
              Theme("Övrigt", (), True), Theme("Kö", (5,))]
    words = {"hyror": ("hyror", "hyra"), "kö": ("kö",)}
    assert label_hits(themes, truth, words) == [("Hyrorna", "hyror", True),
                                                ("Fika", "övrigt", False), ("Kö", "kö", True)]


@pytest.mark.parametrize("word", ["dålig", "digitala", "avskaffas", "viktigaste", "rekrytera",
                                  "kollegialt"])
def test_swedish_verbs_and_adjectives_read_as_such(word):
    assert noun_likeness(word, Counter({word: 1})) < 1


def test_an_adjective_the_notes_inflect_is_no_noun_but_a_noun_they_inflect_is():
    assert noun_likeness("digital", Counter({"digital": 3, "digitala": 2, "digitalt": 1})) < 1
    assert noun_likeness("digitalt", Counter({"digital": 3, "digitalt": 1})) < 1
    assert noun_likeness("personal", Counter({"personal": 2, "personalen": 1})) == 1
    # the ending rule: a verb's -a is no adjective's (the lexicon then decides "hjälp": a
    # noun when the notes write it as one, tests/test_wordclass_lexicon.py)
    assert noun_likeness("hjälp", Counter({"hjälp": 2, "hjälpa": 1}), lexicon=False) == 1
    assert noun_likeness("hjälp", Counter({"hjälp": 2, "hjälpa": 1, "hjälpen": 1})) == 1


@pytest.mark.parametrize("word", ["closed", "crashing", "youngest", "accessible", "mental"])
def test_english_verbs_and_adjectives_read_as_such(word):
    assert noun_likeness(word, Counter({word: 1}), english=True) < 1


def test_a_word_the_notes_write_after_an_article_is_a_noun():
    evidence = noun_evidence(["We need a booking.", "The booking in the app is slow",
                              "a digital mailbox", "Min mamma är ensam", "en dålig väg"])
    assert {"booking", "mamma"} <= evidence
    assert not {"digital", "dålig", "mailbox"} & evidence
    assert noun_likeness("booking", Counter({"booking": 2}), True, evidence) == 1
    assert noun_likeness("booking", Counter({"booking": 2}), True) < 1


def test_genitives():
    assert genitive("bostadsbolagets") and genitive("ungdomarnas")
    assert not genitive("kompetens") and not genitive("konferens")


def test_labels_are_nouns_of_the_theme_never_a_bare_verb_adjective_or_genitive(lexical):
    notes = ["Hyran höjs igen i år", "Hyran höjs för mycket", "Hyran höjs efter renoveringen",
             "Hyran höjs men inget blir bättre",
             "Bostadsbolagets mark ligger oanvänd", "Bostadsbolagets mark borde bebyggas",
             "Bostadsbolagets tomter och mark står tomma",
             "Belysningen är dålig i trapphuset", "Dålig belysning på gården",
             "Belysningen dålig vid cykelstället", "bra fika!"]
    labels = [t.label for t in find_themes(notes) if not t.other]
    words = {w.lower() for label in labels for w in label.split(" · ")}
    assert labels and not words & {"höjs", "dålig", "bostadsbolagets"}, labels
    assert "hyran" in words, labels


def test_a_second_word_only_when_half_the_notes_write_it():
    texts = ["Apoteket har stängt i byn", "Apoteket stängt, receptet fanns inte",
             "Receptet fanns inte på apoteket", "Apoteket har korta öppettider",
             "Apoteket borde ha öppet på lördagar", "Ombud för apoteket i affären"]
    notes = [read(t, "sv", PARAMS) for t in texts]
    assert label(list(range(6)), notes, set(), 6, texts=texts) == "Apoteket"
    notes = notes[:3]
    assert label([0, 1, 2], notes, set(), 3, texts=texts) == "Apoteket · Receptet"
    assert label([0, 1, 2], notes, {"apoteket · receptet"}, 3, texts=texts) == "Apoteket"


@pytest.mark.parametrize("name", [p.name[len("themes_"):-4] for p in TUNING])
def test_labels_of_every_tuning_set_are_unique_short_and_deterministic(name, lexical):
    _, notes = read_labelled((DATA / f"themes_{name}.tsv").read_text(encoding="utf-8"))
    first = find_themes(notes, locale="en" if "en_" in name else "sv")
    labels = [t.label for t in first]
    assert len({label.lower() for label in labels}) == len(labels)
    assert all(0 < len(label) <= MAX_LABEL for label in labels)
    assert labels == [t.label for t in find_themes(notes, locale="en" if "en_" in name else "sv")]
