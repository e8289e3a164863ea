"""The word table every install ships (wordtable.py): a plain install's note vectors.

Real table file, real lookups; the e5 model is not needed (the table was built with it once,
scripts/build_word_table.py)."""
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from facilitator.domain.clustering import embedding, wordtable
from facilitator.domain.clustering.cluster import find_themes


def cos(a, b):
    return float(np.dot(a, b))


def test_the_table_ships_and_reads():
    t = wordtable.table()
    assert t is not None and len(t.index) > 30000 and t.dim == 384
    for word in ("skola", "bussen", "library", "parking"):
        assert abs(np.linalg.norm(t.row(word)) - 1.0) < 0.02, word


def test_synonyms_that_share_no_letters_come_near():
    """Raw e5 vectors all lie within a narrow cone (cosines ~0.9); the nearest still tells."""
    bus, transit, coffee, rent = wordtable.embed([
        "bussen går för sällan", "kollektivtrafiken är dålig", "gott fika i pausen",
        "hyrorna är för höga"])
    assert cos(bus, transit) > max(cos(bus, coffee), cos(bus, rent))
    library, books, parking, flood = wordtable.embed([
        "the library should open on sundays", "more books for children",
        "parking fees are high", "flooding in the basement"])
    assert cos(library, books) > max(cos(library, parking), cos(library, flood))


def test_a_word_the_table_lacks_is_read_as_its_parts_or_stem():
    t = wordtable.table()
    for word, parts in (("parkeringsavgifterna", ("parkering", "avgifterna")),
                        ("fritidsgårdsbussen", ("fritidsgård", "bussen"))):
        assert word not in t.index and wordtable.known_parts(word, t) == parts
    assert wordtable.known_parts("xqzvw", t) == ()
    assert wordtable.known_parts("skol-bibliotek", t)


@pytest.mark.parametrize("text", ["", "???", "🎉🎉", "\x00\x00", "a" * 100_000, "ok", "12 34",
                                  "x" * 5 + " " + "bibliotek " * 2000, "<script>alert(1)</script>",
                                  "Ελληνικά кириллица 中文"])
def test_any_input_gets_a_finite_unit_or_zero_row(text):
    (row,) = wordtable.embed([text])
    assert len(row) == 384 and all(math.isfinite(x) for x in row)
    norm = math.sqrt(sum(x * x for x in row))
    assert norm == 0.0 or abs(norm - 1.0) < 1e-6


def test_a_missing_or_broken_table_is_none(tmp_path):
    assert wordtable.load(tmp_path / "missing.npz") is None
    (tmp_path / "broken.npz").write_bytes(b"PK\x03\x04 not a zip at all")
    assert wordtable.load(tmp_path / "broken.npz") is None
    np.savez(tmp_path / "short.npz", words=np.frombuffer(b"a\nb", dtype=np.uint8),
             vectors=np.zeros((3, 4), dtype=np.int8), scale=np.ones(3, np.float32),
             freq=np.ones(3, np.float32))
    assert wordtable.load(tmp_path / "short.npz") is None       # 2 words, 3 rows
    np.savez(tmp_path / "ok.npz", words=np.frombuffer(b"a\nb", dtype=np.uint8),
             vectors=np.ones((2, 4), dtype=np.int8), scale=np.ones(2, np.float32),
             freq=np.ones(2, np.float32))
    assert wordtable.load(tmp_path / "ok.npz").dim == 4


DATA = Path(__file__).parent / "data"


def test_the_map_ships_fits_the_table_and_was_fitted_on_tuning_sets_only():
    matrix = wordtable.word_map()
    assert matrix is not None and matrix.shape == (384, 384) and matrix.dtype == np.float32
    with np.load(Path(wordtable.__file__).parents[2] / "data" / "words" / "e5-map.npz") as data:
        fitted_on = bytes(data["sets"]).decode("utf-8").split("\n")
    tuning = {p.name[len("themes_"):-4] for p in DATA.glob("themes_*.tsv")}
    assert len(fitted_on) == 36 and set(fitted_on) <= tuning
    held_out = ("r7_", "r8_", "r9_")
    assert not [name for name in fitted_on if name.startswith(held_out)]     # held out: a test


def test_a_missing_broken_or_misfitting_map_leaves_the_means_as_they_are(tmp_path):
    assert wordtable.load_map(tmp_path / "missing.npz", 384) is None
    (tmp_path / "broken.npz").write_bytes(b"PK\x03\x04 no zip")
    assert wordtable.load_map(tmp_path / "broken.npz", 384) is None
    np.savez(tmp_path / "small.npz", map=np.eye(4, dtype=np.float32))
    assert wordtable.load_map(tmp_path / "small.npz", 384) is None
    assert wordtable.load_map(tmp_path / "small.npz", 4).shape == (4, 4)
    bad = np.eye(4, dtype=np.float32)
    bad[0, 0] = np.nan
    np.savez(tmp_path / "nan.npz", map=bad)
    assert wordtable.load_map(tmp_path / "nan.npz", 4) is None
    np.savez(tmp_path / "other.npz", matrix=np.eye(4))
    assert wordtable.load_map(tmp_path / "other.npz", 4) is None


def test_a_note_is_its_words_mean_through_the_map():
    texts = ["Bussen går för sällan", "the library should open on sundays", "", "xqzvw"]
    raw = np.asarray(wordtable.embed(texts, mapped=False))
    mapped = np.asarray(wordtable.embed(texts))
    expected = raw[:2] @ wordtable.word_map()
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert np.allclose(mapped[:2], expected, atol=1e-6)
    assert not np.allclose(mapped[:2], raw[:2], atol=0.05)
    assert not mapped[2:].any() and not raw[2:].any()         # nothing known: still zero


@pytest.mark.skipif(embedding.backend() != "e5", reason="compares with the optional model")
def test_on_held_out_notes_the_map_brings_the_means_nearer_the_models_reading():
    """r7's notes were never seen by the fit: how alike two notes are, by the mapped means,
    follows how alike the model finds them better than by the plain means."""
    from facilitator.domain.clustering.scores import read_labelled
    texts = [note for p in sorted(DATA.glob("themes_r7_*.tsv"))
             for note in read_labelled(p.read_text(encoding="utf-8"))[1][:40]]
    cleaned = [embedding._clean(t) for t in texts]
    pairs = np.asarray(embedding.pairs(texts))
    d = pairs.shape[1] // 2
    model = pairs[:, :d] + pairs[:, d:]

    def likeness(rows):
        rows = np.asarray(rows) - np.mean(rows, axis=0)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        return (rows @ rows.T)[np.triu_indices(len(rows), 1)]

    truth = likeness(model)
    plain = np.corrcoef(likeness(wordtable.embed(cleaned, mapped=False)), truth)[0, 1]
    mapped = np.corrcoef(likeness(wordtable.embed(cleaned)), truth)[0, 1]
    assert len(texts) == 200 and mapped > plain + 0.04        # measured 0.73 -> 0.81


def backend_in_subprocess(mode: str) -> str:
    code = ("from facilitator.domain.clustering import embedding;"
            "print(embedding.backend(), embedding.dimension())")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "FACILITATOR_EMBEDDING": mode}, timeout=120,
                          check=True).stdout.split()


def test_facilitator_embedding_chooses_the_reading():
    assert backend_in_subprocess("words") == ["words", "384"]
    assert backend_in_subprocess("off") == ["None", "None"]


@pytest.fixture
def words(monkeypatch):
    monkeypatch.setenv("FACILITATOR_EMBEDDING", "words")
    embedding.backend.cache_clear()
    yield
    embedding.backend.cache_clear()


NOTES = ["Bussen går för sällan", "Kollektivtrafiken måste bli bättre", "Fler avgångar på kvällen",
         "Tågen är alltid sena", "Biblioteket borde ha öppet på söndagar", "Fler böcker för barn",
         "Läsning för unga", "Bokbussen till byarna", "bra fika!", "Hej!"]


def test_find_themes_with_the_word_table(words):
    vectors = embedding.pairs(NOTES)
    assert embedding.backend() == "words" and len(vectors) == len(NOTES) and len(vectors[0]) == 384
    themes = find_themes(NOTES, vectors=vectors)
    assert sorted(i for t in themes for i in t.notes) == list(range(len(NOTES)))
    assert themes[-1].other and {8, 9} <= set(themes[-1].notes)


def test_the_background_loop_stores_word_vectors_under_their_own_name(words, app, db):
    from facilitator import serving, store
    from facilitator.usecases import note_vectors, notes
    from .conftest import NOW, gen_event, note_payload
    from .test_themes import TEXTS
    event = gen_event(db)
    for text in TEXTS:
        notes.submit_note(db, event.id, note_payload(text), NOW)
    assert note_vectors.model_name() == "words-e5-384+map"
    assert serving.embed_pending_once(app) == len(TEXTS)
    stored = store.get_vectors(db, event.id, "words-e5-384+map")
    assert len(stored) == len(TEXTS)
    assert all(len(v) == 384 * 4 for v in stored.values())


def test_find_themes_in_the_app_reads_every_note_with_the_table_at_once(words, app, db):
    """The model is slow, so "Find themes" computes at most 20 missing vectors itself; the
    table is quick: every note gets its vector in the same run."""
    from facilitator import store
    from facilitator.usecases import notes, themes
    from .conftest import NOW, gen_event, note_payload
    event = gen_event(db)
    texts = [f"{NOTES[i % 8]} ({i})" for i in range(30)]
    for text in texts:
        notes.submit_note(db, event.id, note_payload(text), NOW)
    themes.find(db, event, None, NOW)
    assert len(store.get_vectors(db, event.id, "words-e5-384+map")) == 30
