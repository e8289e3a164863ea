"""Issue 18 round 5: each note read twice for the sentence vectors, the note itself and its
content words, and the two combined unless the thesaurus knows most of the notes."""
from array import array
from pathlib import Path

import numpy as np
import pytest

from facilitator import store
from facilitator.domain.clustering import embedding, similarity
from facilitator.domain.clustering.cluster import PARAMS, find_themes
from facilitator.domain.clustering.reading import content_text
from facilitator.domain.clustering.scores import read_labelled, theme_of_each
from facilitator.usecases import note_vectors

from .test_themes import TEXTS, event  # noqa: F401  (the fixture)

DATA = Path(__file__).parent / "data"
model = pytest.mark.skipif(embedding.backend() != "e5", reason="the optional model is not installed")


def test_the_content_reading_keeps_what_the_note_is_about():
    # Greetings, stop words, "fler" (how much) and emoji out; a compound as its parts.
    assert content_text("Hej! Vi behöver fler cykelvägar till skolan :)") == "cykel vägar skolan"
    text = content_text("Tack! Det är bra att SKA och elevhälsan samverkar 2024.")
    assert text.split()[:3] == ["ska", "elev", "hälsan"]     # the acronym stays, a stop word or not
    assert not {"tack", "det", "bra", "2024"} & set(text.split())
    assert content_text("the wifi is down") == "wifi"          # the day's words stay
    assert content_text("Thanks, hello :)") == ""
    assert content_text("") == "" and content_text("!!! ???") == "" and content_text("\x00") == ""
    huge = content_text("cykel " * 10_000)           # a bounded read, as the note's own
    assert set(huge.split()) == {"cykel"} and len(huge) < 6_000


def pair(own, content):
    own, content = np.asarray(own, float), np.asarray(content, float)
    return np.concatenate([own / np.linalg.norm(own), content / np.linalg.norm(content)])


def test_two_readings_combine_unless_the_thesaurus_knows_the_notes():
    rows = np.array([pair([1, 0, 0], [0, 1, 0]), pair([0, 0, 1], [0, 0, 1])])
    p = {"content_below": 0.5}
    assert np.allclose(similarity.readings(rows, 0.49, p),
                       [[2 ** -0.5, 2 ** -0.5, 0], [0, 0, 1]])
    assert np.allclose(similarity.readings(rows, 0.5, p), [[1, 0, 0], [0, 0, 1]])
    single = np.array([[0.6, 0.8, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0]])   # not two unit halves
    assert similarity.readings(single, 0.0, p) is single
    assert similarity.is_pair(pair([1, 2], [3, 4])) and not similarity.is_pair(np.array([1.0]))
    assert not similarity.is_pair(np.array([0.6, 0.8, 0.0, 0.0]))


@model
def test_pairs_are_the_note_then_its_content_words():
    texts = ["Hej! Vi behöver fler cykelvägar till skolan", "Tack :)"]
    rows = embedding.pairs(texts)
    d = embedding.dimension()
    assert [len(r) for r in rows] == [2 * d, 2 * d]
    assert np.allclose(rows[0][:d], embedding.embed([texts[0]])[0])
    assert np.allclose(rows[0][d:], embedding.embed([content_text(texts[0])])[0])
    assert np.allclose(rows[1][d:], rows[1][:d])          # nothing left: the note itself
    assert embedding.pairs([]) == []


@model
@pytest.mark.parametrize("name", ["tune_sv_transport", "r3_en_parks"])
def test_the_app_and_the_command_line_read_the_notes_alike(name):
    """Stored pairs (the app) and vectors computed inside find_themes (the CLI, the bench)
    give the same themes; the single vectors of before give others on these topics."""
    _, notes = read_labelled((DATA / f"themes_{name}.tsv").read_text(encoding="utf-8"))
    inside = theme_of_each(find_themes(notes), len(notes))
    assert theme_of_each(find_themes(notes, vectors=embedding.pairs(notes)), len(notes)) == inside
    assert theme_of_each(find_themes(notes, vectors=embedding.embed(notes)), len(notes)) != inside


@model
def test_where_the_thesaurus_knows_most_notes_the_note_alone_is_read():
    _, notes = read_labelled((DATA / "themes_sv_dev.tsv").read_text(encoding="utf-8"))
    single = theme_of_each(find_themes(notes, vectors=embedding.embed(notes)), len(notes))
    assert theme_of_each(find_themes(notes, vectors=embedding.pairs(notes)), len(notes)) == single
    p = {"content_below": 1.01}                         # the gate off: the content reading joins
    assert theme_of_each(find_themes(notes, vectors=embedding.pairs(notes), params=p),
                         len(notes)) != single
    assert PARAMS["content_below"] == 0.5


@model
def test_the_background_loop_stores_both_readings_and_reads_old_vectors_anew(app, db, event):
    from facilitator import serving
    assert note_vectors.model_name().endswith("+content")
    notes_now = [r[1] for r in store.notes_without_vectors(db, note_vectors.model_name(), 100)]
    with db.atomic():       # vectors a version before round 5 stored: one reading each
        store.save_vectors(db, event.id, f"e5-{embedding.dimension()}",
                           {n: array("f", [1.0] * embedding.dimension()).tobytes()
                            for n in notes_now})
    assert len(notes_now) == len(TEXTS) and serving.embed_pending_once(app) == len(TEXTS)
    stored = store.get_vectors(db, event.id, note_vectors.model_name())
    assert len(stored) == len(TEXTS)
    for blob in stored.values():
        row = np.array(array("f", blob), dtype=float)
        assert len(row) == 2 * embedding.dimension() and similarity.is_pair(row)


@model
def test_a_call_with_more_new_texts_than_the_cache_holds_returns_every_vector(monkeypatch):
    # seen when the theme bench read 37 sets in one process: a text cached before the call
    # was evicted by the call's own new texts, and the call failed with KeyError
    monkeypatch.setattr(embedding, "CACHE_SIZE", 4)
    first = embedding.embed(["hej"])[0]
    texts = ["hej"] + [f"Vi behöver fler cykelvägar, förslag {i}" for i in range(8)] + ["hej"]
    rows = embedding.embed(texts)
    assert len(rows) == 10 and np.allclose(rows[0], first) and np.allclose(rows[-1], first)
    assert len(embedding._CACHE) == 4 and texts[-2] in embedding._CACHE    # the newest kept
    assert np.allclose(rows[3], embedding.embed([texts[3]])[0])
