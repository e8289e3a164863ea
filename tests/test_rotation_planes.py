"""32 people at tables of 4 for 10 rounds with no repeat (social golfer 8-4-10): the two
labelled affine planes of labelled.py, and plan_rounds using them."""
from itertools import combinations

import pytest

from facilitator.domain.rotation import Person, attendance, encounter_stats, plan_rounds, same_org_pairs
from facilitator.domain.rotation.labelled import SPREADS, _solve, planes_rounds


def _pairs(rounds):
    return [frozenset(pair) for tables in rounds for table in tables
            for pair in combinations(table, 2)]


def test_the_spreads_are_two_spreads_of_gf2_4_with_no_subspace_in_common():
    for spread in SPREADS:
        assert sorted(v for subspace in spread for v in subspace) == list(range(1, 16))
        for a, b, c in spread:
            assert a ^ b == c                          # closed under addition: a subspace
    assert not {frozenset(s) for s in SPREADS[0]} & {frozenset(s) for s in SPREADS[1]}


def test_ten_rounds_of_eight_tables_of_four_everyone_once_a_round():
    rounds = planes_rounds()
    assert len(rounds) == 10
    for tables in rounds:
        assert [len(table) for table in tables] == [4] * 8
        assert sorted(p for table in tables for p in table) == list(range(32))


def test_every_pair_meets_at_most_once_and_only_the_two_copies_of_a_point_never():
    pairs = _pairs(planes_rounds())
    assert len(pairs) == len(set(pairs)) == 32 * 31 // 2 - 16
    never = {frozenset(p) for p in combinations(range(32), 2)} - set(pairs)
    assert never == {frozenset((2 * x, 2 * x + 1)) for x in range(16)}


def test_fewer_rounds_are_the_first_ones():
    assert planes_rounds(4) == planes_rounds()[:4]


def test_an_inconsistent_label_system_is_refused():
    with pytest.raises(ValueError, match="no solution"):
        _solve([(0b11, 1), (0b01, 0), (0b10, 0)])
    assert _solve([(0b11, 1), (0b01, 0)]) == {0: 0, 1: 1}


def test_plan_rounds_gives_the_construction_with_no_repeat():
    """The planner uses it: 0 repeats, and the 16 pairs that never meet are a matching."""
    room = [Person(i) for i in range(32)]
    plan = plan_rounds(room, 10, table_size=4, seed=7)
    assert encounter_stats(plan, room)["repeat_encounters"] == 0
    assert all(sorted(map(len, tables)) == [4] * 8 for tables in plan)
    never = {frozenset(p) for p in combinations(range(32), 2)} - set(_pairs(plan))
    assert len(never) == 16 and len(set().union(*never)) == 32


def test_colleagues_in_organisations_of_two_never_share_a_table():
    room = [Person(i, org=f"org {i // 2}") for i in range(32)]
    plan = plan_rounds(room, 10, table_size=4, seed=1)
    assert encounter_stats(plan, room)["repeat_encounters"] == 0
    assert same_org_pairs(plan, room) == 0


def _valid(plan, present):
    for here, tables in zip(present, plan):
        assert sorted(p for t in tables for p in t) == sorted(here)
        assert max(map(len, tables)) - min(map(len, tables)) <= 1 and min(map(len, tables)) >= 3


def test_someone_coming_late_or_leaving_keeps_the_design_with_an_empty_seat():
    ids = list(range(32))
    room = [Person(i) for i in ids]
    whole = plan_rounds(room, 10, table_size=4)
    apart = next(p for p in ids[1:] if not any({0, p} <= set(t) for r in whole[7:] for t in r))
    present = attendance(ids, 10, join={3: [31]}, leave={6: [0], 8: [apart]})
    plan = plan_rounds(room, 10, table_size=4, present=present)
    _valid(plan, present)
    assert encounter_stats(plan, room)["repeat_encounters"] == 0
    assert plan == [[[p for p in t if p in here] for t in r] for r, here in zip(whole, present)]


def test_a_table_left_with_two_is_planned_anew_by_the_search():
    ids = list(range(32))
    whole = plan_rounds([Person(i) for i in ids], 10, table_size=4)
    pair = whole[5][0][:2]                          # two who sit together in round 6
    present = attendance(ids, 10, leave={6: pair})
    plan = plan_rounds([Person(i) for i in ids], 10, table_size=4, present=present)
    _valid(plan, present)
    assert plan[5] != [[p for p in t if p not in pair] for t in whole[5]]


@pytest.mark.parametrize("people,size,rounds", [(32, 4, 10), (36, 4, 11), (16, 4, 5), (35, 5, 7)])
def test_a_design_goes_on_after_the_rounds_shown_so_far(people, size, rounds):
    """The app plans again with the rounds shown as history after every round it shows:
    the rest of the design follows, so the whole event stays repeat-free."""
    room = [Person(f"p{i}", f"org {i % 7}") for i in range(people)]
    whole = plan_rounds(room, rounds, table_size=size, seed=4)
    for shown in range(1, rounds):
        again = plan_rounds(room, rounds, table_size=size, seed=4, history=whole[:shown])
        assert again == whole
    assert encounter_stats(whole, room)["repeat_encounters"] == 0


def test_a_world_cafe_design_goes_on_after_the_rounds_shown():
    room = [Person(i, host=i + 1 if i < 8 else None) for i in range(40)]
    whole = plan_rounds(room, 8, mode="hosts", seed=2)
    assert plan_rounds(room, 8, mode="hosts", seed=2, history=whole[:3]) == whole
    assert encounter_stats(whole, room)["repeat_encounters"] == 0


def test_a_round_changed_by_hand_plans_the_rest_anew():
    from facilitator.domain.rotation import swap
    room = [Person(i) for i in range(32)]
    whole = plan_rounds(room, 10, table_size=4)
    swapped = [swap(whole[0], whole[0][0][0], whole[0][1][0])]
    again = plan_rounds(room, 10, table_size=4, history=swapped)
    assert again[0] == swapped[0] and again[1:] != whole[1:]


def test_someone_away_after_the_rounds_shown_leaves_a_seat_and_comes_back_to_it():
    room = [Person(i) for i in range(32)]
    whole = plan_rounds(room, 10, table_size=4)
    present = attendance(list(range(32)), 10, leave={4: [5]})
    after = plan_rounds(room, 10, table_size=4, history=whole[:3], present=present)
    assert after[:3] == whole[:3]
    assert after[3:] == [[[p for p in t if p != 5] for t in r] for r in whole[3:]]
    back = [set(range(32))] * 3 + [set(range(32)) - {5}] * 2 + [set(range(32))] * 5
    again = plan_rounds(room, 10, table_size=4, history=after[:5], present=back)
    assert again[5:] == whole[5:]
    assert encounter_stats(again, room)["repeat_encounters"] == 0
