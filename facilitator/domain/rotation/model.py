"""Group rotations that maximise new encounters: pure functions, the seed a parameter.

A round is a list of tables, each a list of person ids (table t at index t-1).
History is the rounds already played; they never change. Planning minimises,
in this order of weight: broken keep-apart/keep-together wishes, a mover back
at a table they sat at (hosts mode), repeat encounters (two people at one
table again), and same-organisation pairs at a table.

The model: people, wishes, table sizes, encounter counts. `plan_rounds` (plan.py)
is the one entry point for the app and the CLI; the search itself works on
integer indexes in search.py (mix and hosts) and pairs.py ("rotera 2 och 2").
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Hashable

Round = list[list[Hashable]]

MIN_TABLE = 3
MODES = ("mix", "pairs", "hosts")
MAX_ROUNDS = 250          # pair counts are kept in bytes


class RotationError(ValueError):
    """Input no rotation can satisfy, told in one line."""


@dataclass(frozen=True)
class Person:
    id: Hashable
    org: str = ""
    host: int | None = None     # the 1-based table number a host keeps (hosts mode)


@dataclass(frozen=True)
class Wishes:
    apart: frozenset = frozenset()      # frozensets of two ids
    together: tuple = ()                # (id, id) pairs


def table_sizes(people: int, tables: int | None = None, size: int | None = None) -> list[int]:
    """Balanced table sizes (differing by at most one), no table under three unless fewer people.

    Give either the number of tables or the wished table size K (then ceil(n/K)
    tables, so none exceeds K unless that would leave a table under three).
    """
    if people <= 0:
        return []
    if tables is None:
        tables = max(1, math.ceil(people / max(1, size or 4)))
    tables = max(1, min(tables, people // MIN_TABLE if people >= MIN_TABLE else 1))
    base, extra = divmod(people, tables)
    return [base + 1 if i < extra else base for i in range(tables)]


def met(history: list[Round]) -> Counter:
    """How often each pair (frozenset of two ids) has shared a table."""
    pairs: Counter = Counter()
    for played in history:
        for table in played:
            pairs.update(frozenset(p) for p in combinations(table, 2))
    return pairs


def swap(round: Round, a: Hashable, b: Hashable) -> Round:  # noqa: A002 - the app's word
    """A copy of the round with a and b in each other's seat (a hand-made change)."""
    seats = {p: (t, s) for t, table in enumerate(round) for s, p in enumerate(table)}
    for person in (a, b):
        if person not in seats:
            raise RotationError(f"{person!r} is not seated in this round")
    result = [list(table) for table in round]
    (ta, sa), (tb, sb) = seats[a], seats[b]
    result[ta][sa], result[tb][sb] = b, a
    return result


def encounter_stats(history: list[Round], people: list[Person]) -> dict[str, float]:
    """Who met whom, summed up: distinct people met per participant, repeats, mixing.
    ``organisations`` counts the organisations named; under two the mixing shares say
    nothing (screens and the report leave them out)."""
    seen = met(history)
    orgs = {p.id: p.org for p in people}
    per_person: Counter = Counter()
    for pair in seen:
        for person in pair:
            per_person[person] += 1
    counts = [per_person[p.id] for p in people]
    tables = [t for played in history for t in played if t]
    mixed = sum(1 for t in tables if len({orgs.get(p, "") for p in t}) > 1)
    cross = sum(1 for pair in seen if not _same_org(pair, orgs))
    mean = sum(counts) / max(1, len(people))
    return {"met_per_person": round(mean, 2),
            "mixed_tables_share": round(mixed / max(1, len(tables)), 2),
            "met_min": min(counts, default=0),
            "met_mean": round(mean, 2),
            "repeat_encounters": sum(c - 1 for c in seen.values() if c > 1),
            "cross_org_pair_share": round(cross / max(1, len(seen)), 2),
            "organisations": len({p.org for p in people if p.org})}


def same_org_pairs(history: list[Round], people: list[Person]) -> int:
    """How many times two people of one organisation shared a table (summed over rounds)."""
    orgs = {p.id: p.org for p in people}
    return sum(count for pair, count in met(history).items() if _same_org(pair, orgs))


def _same_org(pair, orgs) -> bool:
    a, b = tuple(pair)
    return bool(orgs.get(a)) and orgs.get(a) == orgs.get(b)


def attendance(ids: list[Hashable], rounds: int, join: dict[int, list] | None = None,
               leave: dict[int, list] | None = None) -> list[set]:
    """Who is present in each round (0-based) from 1-based join/leave round numbers.

    A person under join r is absent before round r; under leave r, absent from round r on.
    """
    known = set(ids)
    first = {p: 1 for p in ids}
    last = {p: rounds for p in ids}
    for label, table, target in (("join", join or {}, first), ("leave", leave or {}, last)):
        for number, listed in table.items():
            if not isinstance(number, int) or not 1 <= number <= rounds:
                raise RotationError(f"{label} round {number!r} is not 1..{rounds}")
            for person in listed:
                if person not in known:
                    raise RotationError(f"unknown id {person!r} under {label} {number}")
                target[person] = number if label == "join" else number - 1
    return [{p for p in ids if first[p] <= r + 1 <= last[p]} for r in range(rounds)]


def validate(people: list[Person], rounds: int, mode: str, table_size: int | None,
             tables: int | None, present: list | None, wishes: Wishes) -> None:
    """RotationError for input no plan can satisfy (plan_rounds' checks)."""
    if mode not in MODES:
        raise RotationError(f"unknown mode {mode!r} (mix, pairs or hosts)")
    if not isinstance(rounds, int) or not 0 <= rounds <= MAX_ROUNDS:
        raise RotationError(f"rounds must be 0..{MAX_ROUNDS}")
    if table_size is not None and table_size < 2:
        raise RotationError("table size must be at least 2")
    if tables is not None and tables < 1:
        raise RotationError("the number of tables must be at least 1")
    ids = [p.id for p in people]
    known = set()
    for person in ids:
        if person in known:
            raise RotationError(f"duplicate id {person!r}")
        known.add(person)
    if present is not None:
        if len(present) < rounds:
            raise RotationError(f"attendance for {len(present)} rounds, {rounds} planned")
        for number, here in enumerate(present[:rounds], start=1):
            unknown = [p for p in here if p not in known]
            if unknown:
                raise RotationError(f"unknown id {unknown[0]!r} present in round {number}")
    for pair in [*wishes.apart, *wishes.together]:
        if any(p not in known for p in pair):
            raise RotationError(f"a wish names an unknown id: {tuple(pair)!r}")
    if mode == "hosts":
        _validate_hosts(people)


def _validate_hosts(people: list[Person]) -> None:
    numbers = [p.host for p in people if p.host is not None]
    if not numbers:
        raise RotationError("hosts mode needs at least one host (a table number in 'host')")
    if len(set(numbers)) < len(numbers):
        twice = next(n for n in numbers if numbers.count(n) > 1)
        raise RotationError(f"two hosts for table {twice}")
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        raise RotationError(f"host table numbers must be 1..{len(numbers)} (one per host)")
