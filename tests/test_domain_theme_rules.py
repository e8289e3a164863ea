"""The theme board's edit rules, pure: plain boards in, boards (or a ThemeError) out."""
import pytest

from facilitator.domain import themes as rules
from facilitator.domain.themes import Member, Theme, ThemeError


def board():
    return (Theme(1, "Samverkan", (Member("a"), Member("b", pinned=True))),
            Theme(2, "Elevhälsa", (Member("c"), Member("d"))),
            Theme(3, "Övrigt", (Member("e"),), other=True))


VISIBLE = {"a", "b", "c", "d", "e", "f"}


def shape(b):
    return [(t.id, t.label, t.note_ids, t.other, t.manual) for t in b]


def test_rename_marks_manual_and_cleans_spaces():
    after = rules.rename(board(), 2, "  Elevhälsa   och EHT ")
    assert shape(after)[1] == (2, "Elevhälsa och EHT", ("c", "d"), False, True)
    assert board()[1].label == "Elevhälsa"          # frozen: the old board is untouched


def test_merge_into_the_first_in_display_order():
    after = rules.merge(board(), [2, 1])
    assert shape(after) == [(1, "Samverkan", ("a", "b", "c", "d"), False, True),
                            (3, "Övrigt", ("e",), True, False)]
    assert after[0].members[1].pinned


def test_split_puts_the_notes_by_hand_in_a_new_theme_right_after():
    after = rules.split(board(), 1, ["b"], "Utbrutet")
    assert shape(after)[:2] == [(1, "Samverkan", ("a",), False, True),
                                (None, "Utbrutet", ("b",), False, True)]
    assert after[1].members[0] == Member("b", pinned=True, by_hand=True)


def test_create_from_any_notes_even_unsorted_ones():
    after = rules.create(board(), ["c", "f"], "Ny", VISIBLE)
    new = next(t for t in after if t.label == "Ny")
    assert new.note_ids == ("c", "f") and all(m.by_hand for m in new.members)
    assert after[-1].other and "c" not in after[1].note_ids


def test_move_marks_by_hand_clears_review_and_drops_empty_themes():
    start = (Theme(1, "A", (Member("a", review=True),)), Theme(2, "B", (Member("c"),)))
    after = rules.move(start, ["a", "f"], 2, VISIBLE)
    assert shape(after) == [(2, "B", ("c", "a", "f"), False, True)]
    assert after[0].members[1] == Member("a", by_hand=True)


def test_delete_sends_notes_to_övrigt_which_is_made_when_missing():
    after = rules.delete(board(), 1, "Övrigt")
    assert shape(after) == [(2, "Elevhälsa", ("c", "d"), False, False),
                            (3, "Övrigt", ("e", "a", "b"), True, True)]
    after = rules.delete(board()[:2], 2, "Other")
    assert shape(after)[-1] == (None, "Other", ("c", "d"), True, True)
    with pytest.raises(ThemeError) as info:
        rules.delete(board(), 3, "Övrigt")
    assert info.value.code == "is_other"


def test_pin_and_unpin():
    after = rules.pin(board(), "c", True)
    assert after[1].members[0].pinned and not board()[1].members[0].pinned
    assert not rules.pin(after, "c", False)[1].members[0].pinned


@pytest.mark.parametrize("rule, code", [
    (lambda b: rules.rename(b, 9, "X"), "no_theme"),
    (lambda b: rules.rename(b, True, "X"), "no_theme"),
    (lambda b: rules.rename(b, "1", "X"), "no_theme"),
    (lambda b: rules.rename(b, 1, ""), "empty_label"),
    (lambda b: rules.rename(b, 1, "x" * 121), "label_too_long"),
    (lambda b: rules.rename(b, 1, "a\u202eb"), "bad_label"),
    (lambda b: rules.merge(b, [1]), "bad_themes"),
    (lambda b: rules.merge(b, [1, 1]), "bad_themes"),
    (lambda b: rules.merge(b, "1,2"), "bad_themes"),
    (lambda b: rules.split(b, 1, ["c"], "X"), "bad_notes"),
    (lambda b: rules.split(b, 1, [], "X"), "bad_notes"),
    (lambda b: rules.move(b, ["zzz"], 1, VISIBLE), "bad_notes"),
    (lambda b: rules.move(b, ["a"] * 5001, 1, VISIBLE), "bad_notes"),
    (lambda b: rules.create(b, [], "X", VISIBLE), "bad_notes"),
    (lambda b: rules.pin(b, "a", "yes"), "bad_flags"),
    (lambda b: rules.pin(b, "zzz", True), "no_note"),
])
def test_bad_changes_are_refused(rule, code):
    with pytest.raises(ThemeError) as info:
        rule(board())
    assert info.value.code == code


def test_undo_stack_is_bounded_and_pops_in_order():
    history = ()
    for k in range(rules.UNDO_DEPTH + 5):
        history = rules.push_undo(history, (Theme(k, str(k)),))
    assert len(history) == rules.UNDO_DEPTH
    last, history = rules.pop_undo(history)
    assert last[0].id == rules.UNDO_DEPTH + 4
    with pytest.raises(ThemeError):
        rules.pop_undo(())


def test_json_round_trip_and_old_snapshots():
    b = rules.tidy(rules.split(board(), 1, ["b"], "Utbrutet"))
    assert rules.from_json(rules.to_json(b)) == b
    old = [{"id": 1, "label": "A", "other": False, "manual": True, "notes": [["a", True]]}]
    assert rules.from_json(old) == (Theme(1, "A", (Member("a", True),), False, True),)


def test_tidy_drops_empty_themes_and_second_places_and_puts_övrigt_last():
    messy = (Theme(3, "Övrigt", (Member("e"),), other=True), Theme(1, "A", ()),
             Theme(2, "B", (Member("a"), Member("a"), Member("e"))))
    assert shape(rules.tidy(messy)) == [(2, "B", ("a",), False, False),
                                        (3, "Övrigt", ("e",), True, False)]


def test_hand_placed_notes_teach_sorting_and_kept_themes_lend_three():
    b = (Theme(1, "A", (Member("a"), Member("b", by_hand=True)), manual=True),
         Theme(2, "B", tuple(Member(x) for x in "cdef"), manual=True),
         Theme(3, "C", (Member("g"),)),
         Theme(4, "Övrigt", (Member("h", by_hand=True), Member("i")), other=True))
    assert [(t.id, ids) for t, ids in rules.hand_placed(b)] == [
        (1, ("b",)), (2, ("c", "d", "e")), (4, ("h",))]


def test_confirm_keeps_the_note_where_it_is_by_hand_and_clears_review():
    start = (Theme(1, "A", (Member("a", review=True), Member("b", review=True, pinned=True))),
             Theme(2, "Övrigt", (Member("c", review=True),), other=True))
    after = rules.confirm(start, ["b", "c"], VISIBLE)
    assert shape(after) == [(1, "A", ("a", "b"), False, True), (2, "Övrigt", ("c",), True, True)]
    assert after[0].members == (Member("a", review=True),
                                Member("b", pinned=True, by_hand=True))
    assert after[1].members == (Member("c", by_hand=True),)
    # What "sort the rest" learns from next: the confirmed notes, as if placed there by hand.
    assert [(t.id, hand) for t, hand in rules.hand_placed(after)] == [(1, ("b",)), (2, ("c",))]


@pytest.mark.parametrize("note_ids, code", [
    (None, "bad_notes"), ([], "bad_notes"), ("a", "bad_notes"), (["x"] * 6000, "bad_notes"),
    (["f"], "no_note"), (["a", "nope"], "no_note"), ([None], "no_note"), ([["a"]], "no_note"),
    (["a", ["x"]], "no_note"), (["a", 7], "no_note"), (["a", "hidden"], "no_note"),
])
def test_confirm_refuses_what_is_in_no_theme_and_changes_nothing(note_ids, code):
    with pytest.raises(ThemeError) as refused:
        rules.confirm(board(), note_ids, VISIBLE)
    assert refused.value.code == code
