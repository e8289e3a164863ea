"""Rotation planning as tables of inputs and outputs (pure domain, seeded)."""
import time

import pytest

from facilitator.domain.rotation import (Person, Wishes, cost, encounter_stats, met, plan_hosts,
                                         plan_mix, plan_pairs, table_sizes)


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
    return [Person(i, f"kommun {i % orgs}", host=i < hosts) for i in range(n)]


def test_mix_meets_new_people_every_round():
    room, history = people(16), []
    for round_no in range(3):
        history.append(plan_mix(room, table_sizes(16, 4), history, seed=round_no))
    assert max(met(history).values()) == 1                    # nobody meets anyone twice
    assert sorted(p for t in history[-1] for p in t) == list(range(16))


def test_mix_spreads_organisations_and_is_deterministic():
    room = people(20, orgs=5)
    plan = plan_mix(room, table_sizes(20, 5), [], seed=7)
    assert plan == plan_mix(room, table_sizes(20, 5), [], seed=7)
    assert all(len({p % 5 for p in table}) == 4 for table in plan)   # four kommuner at each table


def test_keep_apart_and_keep_together():
    room = people(12)
    wishes = Wishes(apart=frozenset({frozenset((0, 1))}), together=((2, 3),))
    for seed in range(5):
        plan = plan_mix(room, table_sizes(12, 3), [], seed, wishes)
        where = {p: i for i, t in enumerate(plan) for p in t}
        assert where[0] != where[1] and where[2] == where[3]


def test_hosts_stay_and_others_never_return_to_a_table():
    room, history = people(20, hosts=4), []
    for round_no in range(3):
        history.append(plan_hosts(room, table_sizes(20, 4), history, seed=round_no))
    for played in history:
        assert [sorted(t)[0] for t in played] == [0, 1, 2, 3]       # each host keeps its table
    for person in range(4, 20):
        tables = [i for played in history for i, t in enumerate(played) if person in t]
        assert len(set(tables)) == 3


def test_pairs_move_together_and_split_up_their_table():
    room = people(20)
    first = plan_mix(room, table_sizes(20, 4), [], seed=1)
    second = plan_pairs(first, room, [], seed=2)
    assert sorted(p for t in second for p in t) == list(range(20))
    for i, table in enumerate(first):
        landing = [j for j, t in enumerate(second) for p in table if p in t]
        assert i not in landing                                  # nobody stays at their table
        assert max(landing.count(j) for j in landing) <= 3        # at most one pair (or trio) per table


def test_stats():
    history = [[[0, 1, 2], [3, 4, 5]]]
    stats = encounter_stats(history, [Person(i, "a" if i < 3 else "b") for i in range(6)])
    assert stats == {"met_per_person": 2.0, "mixed_tables_share": 0.0}


def test_a_large_room_plans_quickly_enough_to_be_interactive():
    room, history = people(300, orgs=30), []
    started = time.perf_counter()
    for round_no in range(2):
        history.append(plan_mix(room, table_sizes(300, size=5), history, seed=round_no))
    print(f"\n300 people, 2 rounds: {time.perf_counter() - started:.2f} s, "
          f"repeats {sum(c - 1 for c in met(history).values() if c > 1)}")
    assert sum(c - 1 for c in met(history).values() if c > 1) <= 5
