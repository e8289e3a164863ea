"""`facilitator bench themes` runs end to end at a tiny size (the real figures are in docs/themes.md)."""
import json

from facilitator.bench import themes as bench
from facilitator.cli import main


def test_bench_at_a_tiny_size(capsys):
    assert main(["bench", "themes", "--sizes", "12", "--no-cli", "--no-steps", "--sets",
                 "en_heldout", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["speed"][0]["notes"] == 12 and report["speed"][0]["themes_lexical_s"] < 5
    assert report["ari"]["lexical only"]["en_heldout"] > 0.4
    assert len(bench.sample(50)) == 50 and bench.sample(50) == bench.sample(50)


def test_seeded_themes_can_be_named_as_on_the_whiteboard():
    """The set's key can be a folded word ("aterkoppling"); a facilitator writes the word."""
    names = bench.whiteboard_names("r5_sv_democracy")
    assert names["aterkoppling"] == "Återkoppling" and names["fortroende"] == "Förtroende"
    labels = ["aterkoppling", "aterkoppling", "övrigt", "fortroende", "fortroende"]
    seeds = bench.seeds_of(labels, 2, 0, other=True, names=names)
    assert {name: sorted(ids) for name, ids in seeds} == {
        "Återkoppling": [0, 1], "Övrigt": [2], "Förtroende": [3, 4]}
    assert [n for n, _ in bench.seeds_of(labels, 2, 0)] == ["aterkoppling", "fortroende"]


def test_the_shuffled_rows_score_the_notes_in_other_orders(capsys):
    assert main(["bench", "themes", "--sizes", "", "--no-cli", "--no-steps", "--sets",
                 "en_heldout", "--shuffled", "--json"]) == 0
    ari = json.loads(capsys.readouterr().out)["ari"]
    shuffled = ari["lexical only, 3 shuffled orders"]["en_heldout"]
    assert 0.4 < shuffled <= 1.0
    assert bench.ari_shuffled("en_heldout", None, dict(bench.LEXICAL), orders=1) == \
        bench.ari_shuffled("en_heldout", None, dict(bench.LEXICAL), orders=1)


def test_checking_the_marked_notes_teaches_the_next_sorting():
    """The simulated facilitator looks at marked notes only, places each in its true theme by
    hand and sorts again: the first figure is the plain "sort the rest", the ARI climbs, and
    looking at nothing changes nothing."""
    from facilitator.bench import checking
    from facilitator.domain.clustering.scores import adjusted_rand_index, theme_of_each
    from facilitator.domain.clustering.sort import sort_rest
    labels, notes = bench.labelled("r3_en_parks")
    seeds = bench.seeds_of(labels, 2, 0)
    lexical = dict(bench.LEXICAL)
    scores = checking.rounds(labels, notes, seeds, vectors=None, params=lexical, locale="en",
                             draw=0, rounds_=2)
    first = sort_rest(notes, seeds, params=lexical, locale="en")
    assert len(scores) == 3
    assert scores[0] == adjusted_rand_index(labels, theme_of_each(first.themes, len(notes)))
    assert first.review and scores[2] > scores[0] + 0.05
    assert checking.rounds(labels, notes, seeds, vectors=None, params=lexical, locale="en",
                           draw=0, check=0, rounds_=1) == [scores[0]] * 2
