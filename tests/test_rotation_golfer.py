"""Social golfer schedules: the stored designs are repeat-free, plan_rounds reaches zero
repeats with them, and the search that found them still finds one."""
import time
from itertools import combinations

import pytest

from facilitator.domain.rotation import Person, encounter_stats, plan_rounds, same_org_pairs
from facilitator.domain.rotation.catalogue import CATALOGUE, golfer_rounds
from facilitator.domain.rotation.cyclic import develop, find_base, pair_orbits, repeat_free
from facilitator.domain.rotation.labelled import find_labelled_base

# (people, table size, rounds): the most rounds known possible, each reached with 0 repeats.
ZERO = [(9, 3, 4), (12, 3, 4), (15, 3, 7), (18, 3, 8), (21, 3, 10), (24, 3, 11), (27, 3, 13),
        (30, 3, 14), (33, 3, 16), (36, 3, 17), (39, 3, 19), (16, 4, 5), (20, 4, 5), (24, 4, 7), (28, 4, 9),
        (32, 4, 10), (36, 4, 11), (40, 4, 13), (25, 5, 6), (35, 5, 7), (40, 5, 8),
        # fewer rounds than the counting bound (7), the most known to us:
        (30, 5, 6),
        # beyond 40 people: 12 tables of 4 (no field of order 12), the counting bound
        (48, 4, 15)]


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_stored_design_is_repeat_free_for_all_its_rounds(key):
    k, g = key
    m, c, f, base, *shifts = CATALOGUE[key]
    rounds = golfer_rounds(k, g, 999)
    assert len(rounds) == (shifts[0] if shifts else m) * len(base)
    assert repeat_free(rounds, k * g)
    assert all(len(table) == k for tables in rounds for table in tables)


@pytest.mark.parametrize("people,size,rounds", ZERO)
def test_plan_rounds_reaches_zero_repeats_at_the_known_maximum(people, size, rounds):
    room = [Person(f"p{i}", f"org {i % max(1, people // 5)}") for i in range(people)]
    started = time.perf_counter()
    plan = plan_rounds(room, rounds, table_size=size, seed=3)
    assert time.perf_counter() - started < 10          # generous: the bench measures speed
    assert encounter_stats(plan, room)["repeat_encounters"] == 0
    assert all(len(t) == size for tables in plan for t in tables)


@pytest.mark.parametrize("k,g,weeks", [(3, 11, 16), (4, 10, 13)])
def test_a_one_rotational_schedule_meets_everyone_exactly_once(k, g, weeks):
    """KTS(33) and a resolvable (40, 4, 1) design: every pair meets in exactly one round."""
    rounds = golfer_rounds(k, g, 999)
    pairs = {frozenset((a, b)) for tables in rounds for t in tables for a in t for b in t if a != b}
    n = k * g
    assert len(rounds) == weeks and len(pairs) == n * (n - 1) // 2


def test_fewer_rounds_are_a_prefix_of_the_design_and_still_repeat_free():
    room = [Person(i) for i in range(21)]
    assert encounter_stats(plan_rounds(room, 4, table_size=3), room)["repeat_encounters"] == 0


def test_the_design_is_not_used_when_someone_is_away_but_the_plan_stays_valid():
    room = [Person(i) for i in range(15)]
    present = [set(range(15))] * 3 + [set(range(14))] * 4
    plan = plan_rounds(room, 7, table_size=3, present=present)
    assert [sorted(p for t in r for p in t) for r in plan] == [sorted(s) for s in present]


def test_the_search_finds_the_kirkman_schoolgirls_again():
    """Kirkman's 15 schoolgirls: Z_7 x {0, 1} plus one fixed point, one base round."""
    base = find_base(3, 7, 2, 1, 1, seed=5)
    assert base is not None and repeat_free(develop(base, 7, 2, 1), 15)


@pytest.mark.parametrize("k,m", [(4, 7), (4, 11), (3, 11)])
def test_the_labelled_search_finds_a_resolvable_gdd_whose_copies_never_meet(k, m):
    """LRB(k, k-1, m+1) over Z_m + inf: m rounds for (k-1)(m+1) people, and the k-1 copies
    of a point (x, x+m, ... and the fixed points) are exactly the people who never meet."""
    base = find_labelled_base(k, m, seed=1)
    n = (k - 1) * (m + 1)
    rounds = develop(base, m, k - 1, k - 1)
    assert len(rounds) == m and repeat_free(rounds, n)
    met = {frozenset(p) for tables in rounds for t in tables for p in combinations(t, 2)}
    groups = [[x + i * m for i in range(k - 1)] for x in range(m)] + [list(range(n - k + 1, n))]
    never = {frozenset(p) for group in groups for p in combinations(group, 2)}
    assert met | never == {frozenset(p) for p in combinations(range(n), 2)} and not met & never


def test_the_labelled_search_gives_none_where_there_is_no_design():
    assert find_labelled_base(3, 5) is None     # 12 people at tables of 3: no NKTS(12) exists
    assert find_labelled_base(4, 8) is None     # 9 points do not split into blocks of 4


def test_colleagues_in_organisations_of_three_never_meet_in_36_at_tables_of_4():
    room = [Person(i, org=f"org {i // 3}") for i in range(36)]
    plan = plan_rounds(room, 11, table_size=4, seed=2)
    assert encounter_stats(plan, room)["repeat_encounters"] == 0
    assert same_org_pairs(plan, room) == 0


def test_pairs_at_half_the_cycle_and_two_fixed_points_never_meet():
    orbit = pair_orbits(8, 2, 2)
    assert orbit[0][4] == -1 and orbit[8][12] == -1 and orbit[16][17] == -1
    assert orbit[0][1] == orbit[1][2] == orbit[7][0]             # one orbit: distance 1
    assert orbit[0][9] == orbit[7][8] != orbit[0][10]             # mixed: (i, j, y - x)


def test_a_search_that_cannot_succeed_gives_up_with_none():
    assert find_base(4, 3, 2, 0, 1) is None                        # 6 people, tables of 4
    assert find_base(3, 2, 2, 2, 1, nodes=1000, restarts=2) is None   # 6 at 3: one round only


@pytest.mark.parametrize("tables,seats,least", [(3, 4, 6), (3, 5, 12), (4, 5, 12), (5, 5, 0),
                                                (7, 4, 0), (9, 5, 0)])
def test_a_full_world_cafe_with_as_many_rounds_as_tables_reaches_the_fewest_repeats(
        tables, seats, least):
    """Every mover visits every table once; the repeats are the fewest possible (for 3 and
    4 tables the optimum found by exhaustive search over the movers' table orders)."""
    room = [Person(i, host=i + 1 if i < tables else None) for i in range(tables * seats)]
    plan = plan_rounds(room, tables, mode="hosts")
    assert encounter_stats(plan, room)["repeat_encounters"] == least
    for p in range(tables, tables * seats):
        assert sorted(t for r in plan for t, table in enumerate(r) if p in table) == list(range(tables))
