"""Rotation planning as tables of inputs and outputs (pure domain, seeded)."""
import time

import pytest

from facilitator.domain.rotation import (Person, RotationError, Wishes, attendance,
                                               encounter_stats, met, plan_rounds, same_org_pairs,
                                               swap, table_sizes)
from facilitator.domain.rotation.designs import design_rounds, host_rounds


@pytest.mark.parametrize("people, tables, size, expected", [
    (20, 4, None, [5, 5, 5, 5]), (22, 4, None, [6, 6, 5, 5]), (10, None, 4, [4, 3, 3]),
    (7, 3, None, [4, 3]), (2, 3, None, [2]), (0, 3, None, []), (9, None, 5, [5, 4]),
])
def test_table_sizes_are_balanced_and_never_under_three(people, tables, size, expected):
    sizes = table_sizes(people, tables, size)
    assert sizes == expected
    assert sum(sizes) == people and (not sizes or max(sizes) - min(sizes) <= 1)
    assert people < 3 or min(sizes) >= 3


def people(n, orgs=4, hosts=0):
    return [Person(i, f"kommun {i % orgs}", host=i + 1 if i < hosts else None) for i in range(n)]


def repeats(rounds):
    return sum(c - 1 for c in met(rounds).values() if c > 1)


@pytest.mark.parametrize("n, size, count", [(16, 4, 5), (9, 3, 4), (25, 5, 6), (20, 4, 5),
                                            (32, 4, 9), (40, 5, 8), (12, 3, 4)])
def test_mix_has_no_repeat_encounter_while_a_design_allows_it(n, size, count):
    plan = plan_rounds(people(n), count, table_size=size, seed=3)
    assert repeats(plan) == 0
    assert all(sorted(p for t in played for p in t) == list(range(n)) for played in plan)


def test_the_affine_plane_of_order_four_meets_everyone_exactly_once():
    rounds = design_rounds(4, 4, 5)
    assert len(rounds) == 5 and set(met(rounds).values()) == {1} and len(met(rounds)) == 120
    assert design_rounds(4, 6, 3) is None            # 6 is not a prime power


@pytest.mark.parametrize("q", [3, 4, 5, 7, 8, 16])
def test_every_design_is_resolvable_and_repeat_free(q):
    for k in range(1, q):
        rounds = host_rounds(k, q, q + 3)
        assert len(rounds) == q and max(met(rounds).values(), default=1) == 1
        for point in range(k * q):
            assert sorted(i for played in rounds for i, t in enumerate(played)
                          if point in t) == list(range(q))          # every table once
    for k in range(2, q + 1):
        rounds = design_rounds(k, q, q + 1)
        assert len(rounds) == q + (q % k == 0)
        for played in rounds:
            assert sorted(p for t in played for p in t) == list(range(k * q))
            assert {len(t) for t in played} == {k}
        assert max(met(rounds).values()) == 1


def test_mix_without_a_design_still_avoids_repeats():
    plan = plan_rounds(people(30), 4, table_size=5, seed=1)    # 30 = 5 x 6: no design
    assert repeats(plan) == 0


def test_mix_spreads_organisations_and_is_deterministic():
    room = people(20, orgs=5)
    plan = plan_rounds(room, 1, tables=5, seed=7)
    assert plan == plan_rounds(room, 1, tables=5, seed=7)
    assert plan != plan_rounds(room, 1, tables=5, seed=8)
    assert all(len({p % 5 for p in table}) == 4 for table in plan[0])   # four kommuner a table


def test_string_ids_and_history_stay_as_given():
    room = [Person(name, org) for name, org in (("Åsa", "Örebro"), ("Per", "Laxå"),
                                                ("Li", "Nora"), ("Bo", "Örebro"), ("Ann", "Nora"),
                                                ("Eva", "Kumla"))]
    played = [[["Åsa", "Bo", "Li"], ["Per", "Ann", "Eva"]]]
    plan = plan_rounds(room, 3, table_size=3, history=played)
    assert plan[:1] == played and len(plan) == 3
    assert plan_rounds(room, 1, history=played) == played


def test_keep_apart_and_keep_together():
    room = people(12)
    wishes = Wishes(apart=frozenset({frozenset((0, 1))}), together=((2, 3),))
    for seed in range(5):
        plan = plan_rounds(room, 2, table_size=3, seed=seed, wishes=wishes)
        for played in plan:
            where = {p: i for i, t in enumerate(played) for p in t}
            assert where[0] != where[1] and where[2] == where[3]


def test_hosts_stay_first_and_others_never_return_to_a_table():
    room = [Person(i, host={0: 2, 1: 4, 2: 1, 3: 3}.get(i)) for i in range(20)]
    plan = plan_rounds(room, 4, mode="hosts", seed=1)
    for played in plan:
        assert [t[0] for t in played] == [2, 0, 3, 1]            # table h lists its host first
    for person in range(4, 20):
        tables = [i for played in plan for i, t in enumerate(played) if person in t]
        assert len(set(tables)) == 4


@pytest.mark.parametrize("n, hosts, count", [(40, 8, 5), (40, 8, 8), (25, 5, 5), (9, 3, 3)])
def test_hosts_mode_without_repeats_or_revisits_when_the_room_allows(n, hosts, count):
    plan = plan_rounds(people(n, hosts=hosts), count, mode="hosts", seed=1)
    assert repeats(plan) == 0
    assert all([t[0] for t in played] == list(range(hosts)) for played in plan)
    for person in range(hosts, n):
        tables = [i for played in plan for i, t in enumerate(played) if person in t]
        assert len(set(tables)) == count


@pytest.mark.parametrize("n, hosts", [(17, 4), (23, 7)])
def test_the_bigger_host_tables_take_turns_so_nobody_revisits(n, hosts):
    plan = plan_rounds(people(n, hosts=hosts), hosts, mode="hosts", seed=2)
    for person in range(hosts, n):
        tables = [i for played in plan for i, t in enumerate(played) if person in t]
        assert len(set(tables)) == hosts


def test_pairs_move_together_to_new_tables_and_split_up_their_table():
    room = people(20)
    plan = plan_rounds(room, 3, mode="pairs", table_size=4, seed=2)
    for before, after in zip(plan, plan[1:]):
        assert sorted(p for t in after for p in t) == list(range(20))
        where = {p: i for i, t in enumerate(after) for p in t}
        for i, table in enumerate(before):
            landing = [where[p] for p in table]
            assert i not in landing                                # nobody stays at their table
            assert sorted(landing.count(j) for j in set(landing)) == [2, 2]   # two pairs, apart


def test_pairs_with_a_leaver_and_a_late_joiner():
    room = people(13)
    present = [set(range(12)), set(range(12)) - {5}, set(range(13)) - {5}]
    plan = plan_rounds(room, 3, mode="pairs", table_size=4, present=present, seed=4)
    assert [sorted(p for t in r for p in t) for r in plan] == [sorted(s) for s in present]
    sizes = sorted(len(t) for t in plan[2])
    assert sizes[-1] - sizes[0] <= 1


def test_stats():
    history = [[[0, 1, 2], [3, 4, 5]], [[0, 1, 3], [2, 4, 5]]]
    room = [Person(i, "a" if i < 3 else "b") for i in range(6)]
    assert encounter_stats(history, room) == {
        "met_per_person": 3.33, "mixed_tables_share": 0.5, "met_min": 3, "met_mean": 3.33,
        "repeat_encounters": 2, "cross_org_pair_share": 0.4, "organisations": 2}
    assert same_org_pairs(history, room) == 8


def test_stats_count_only_named_organisations():
    room = [Person(i, "" if i < 5 else "Kommun A") for i in range(6)]
    assert encounter_stats([[[0, 1, 2], [3, 4, 5]]], room)["organisations"] == 1


def test_swap_exchanges_two_seats_and_nothing_else():
    played = [["a", "b"], ["c", "d", "e"]]
    assert swap(played, "a", "e") == [["e", "b"], ["c", "d", "a"]]
    assert played == [["a", "b"], ["c", "d", "e"]]
    with pytest.raises(RotationError, match="not seated"):
        swap(played, "a", "x")


def test_attendance_from_join_and_leave_rounds():
    here = attendance(["a", "b", "c"], 3, join={2: ["b"]}, leave={3: ["c"]})
    assert here == [{"a", "c"}, {"a", "b", "c"}, {"a", "b"}]
    with pytest.raises(RotationError, match="unknown id 'x'"):
        attendance(["a"], 2, join={1: ["x"]})
    with pytest.raises(RotationError, match="not 1..2"):
        attendance(["a"], 2, leave={3: ["a"]})


@pytest.mark.parametrize("kwargs, message", [
    ({"mode": "round"}, "unknown mode"), ({"table_size": 1}, "at least 2"),
    ({"mode": "hosts"}, "needs at least one host"), ({"rounds": -1}, "rounds must be"),
    ({"present": [set()]}, "attendance for 1 rounds"), ({"present": [{99}, {0}]}, "unknown id 99"),
    ({"wishes": Wishes(together=((0, 99),))}, "unknown id"), ({"tables": 0}, "at least 1"),
])
def test_impossible_input_is_refused_in_one_line(kwargs, message):
    args = {"rounds": 2, **kwargs}
    with pytest.raises(RotationError, match=message) as info:
        plan_rounds(people(9), **args)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("room, message", [
    ([Person(1), Person(1)], "duplicate id 1"),
    ([Person(1, host=1), Person(2, host=1), Person(3)], "two hosts for table 1"),
    ([Person(1, host=2), *[Person(i) for i in range(2, 8)]], "must be 1..1"),
    ([Person(1, host=1), Person(2, host=2), *[Person(i) for i in range(3, 6)]], "too few"),
])
def test_impossible_rooms(room, message):
    with pytest.raises(RotationError, match=message):
        plan_rounds(room, 2, mode="hosts")


def test_a_large_room_plans_quickly_enough_to_be_interactive():
    room = people(400, orgs=80)
    started = time.perf_counter()
    plan = plan_rounds(room, 10, table_size=5, seed=1)
    seconds = time.perf_counter() - started
    print(f"\n400 people, 10 rounds: {seconds:.2f} s, repeats {repeats(plan)}")
    assert repeats(plan) == 0 and same_org_pairs(plan, room) == 0
    assert seconds < 3        # about 0.2 s on a laptop core; slack for a busy CI machine
