"""Stacking identical and near-identical notes: a pure rule, tested with plain tables."""
import pytest

from facilitator.domain.duplicates import counts, normalise, stack


def members(texts):
    return [list(s.members) for s in stack(texts)]


def test_exact_copies_stack_ignoring_case_spacing_and_punctuation():
    texts = ["Mer tid för samtal!", "mer tid  för samtal", "MER TID FÖR SAMTAL.", "Annat"]
    assert members(texts) == [[0, 1, 2], [3]]
    assert counts(texts) == [3, 3, 3, 1]


def test_near_identical_longer_notes_stack_but_different_ones_do_not():
    texts = ["Vi behöver en gemensam ingång för familjer",
             "Vi behöver en gemensam ingång för familjerna",
             "Vi behöver mer tid för uppföljning av barnen"]
    assert members(texts) == [[0, 1], [2]]


def test_short_notes_stack_only_when_equal():
    assert members(["Ja", "Nej", "ja", "Jaa"]) == [[0, 2], [1], [3]]


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "---"])
def test_empty_and_symbol_only_texts_stack_with_each_other_not_with_words(text):
    assert members([text, "Bra fika", text]) == [[0, 2], [1]]


def test_swedish_letters_are_kept():
    assert normalise("Ökad Tillgänglighet, Åtgärder!") == "ökad tillgänglighet åtgärder"
    assert members(["Öka", "Oka"]) == [[0], [1]]


def test_order_of_stacks_follows_first_appearance():
    texts = ["b-not", "a-not", "B-NOT"]
    assert [s.first for s in stack(texts)] == [0, 1]


def test_many_notes_stay_fast_enough_to_be_correct():
    texts = [f"Anteckning nummer {i} om samverkan" for i in range(600)] * 2
    groups = stack(texts)
    assert sum(g.count for g in groups) == 1200
    assert all(g.count >= 2 for g in groups)


def _stack_by_comparing_every_head(texts):
    """The rule stated plainly (every earlier head compared): the reference for the fast one."""
    from facilitator.domain.duplicates import NEAR_MIN_CHARS, NEAR_SIMILARITY, _similar, _trigrams

    by_key, groups, heads = {}, [], []
    for index, text in enumerate(texts):
        key = normalise(text)
        group = by_key.get(key)
        if group is None and len(key) >= NEAR_MIN_CHARS:
            grams = _trigrams(key)
            group = next((g for g, other in heads if _similar(grams, other) >= NEAR_SIMILARITY),
                         None)
            if group is None:
                heads.append((len(groups), grams))
        if group is None:
            group = len(groups)
            groups.append([])
        by_key.setdefault(key, group)
        groups[group].append(index)
    return groups


def test_prefix_filtering_gives_what_comparing_every_head_gives():
    import random

    rng = random.Random(3)
    words = "mer tid för samtal samverkan skola barnen elevhälsa fika bussen går sällan".split()
    texts = []
    for _ in range(800):
        note = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        if texts and rng.random() < 0.3:           # a near copy: one letter changed
            base = rng.choice(texts)
            k = rng.randrange(len(base)) if base else 0
            note = base[:k] + rng.choice("aeiouåäö ") + base[k + 1:]
        texts.append(note)
    assert members(texts) == _stack_by_comparing_every_head(texts)
