"""plan_rounds' work: ids to indexes, the round sizes of each mode, the search, ids back."""
from __future__ import annotations

import random

from .catalogue import golfer_rounds
from .model import MIN_TABLE, Person, Round, RotationError, Wishes, table_sizes, validate
from .designs import design_rounds, host_rounds
from .pairs import pairs_round
from .search import ANNEAL_MOVES, W_REPEAT, W_REVISIT, Plan, Room, greedy_round

ANNEAL_MAX_SEATS = 2_000   # people x planned rounds up to which the annealing runs
GREEDY_TRIES, GREEDY_SEATS = 20, 1_000   # greedy rounds to choose from: 20 for 50 people
ANNEAL_PER_SEAT = 1000     # annealing moves per seat to plan (up to ANNEAL_MOVES)


def plan(people: list[Person], rounds: int, mode: str, table_size: int | None,
         tables: int | None, seed: int, history: list, present: list,
         wishes: Wishes) -> list[list[list]]:
    rng = random.Random(seed)
    ids = [p.id for p in people]
    index = {pid: i for i, pid in enumerate(ids)}
    org_numbers: dict[str, int] = {}
    orgs = [org_numbers.setdefault(p.org, len(org_numbers)) if p.org else -1 for p in people]
    room = Room(len(ids), orgs,
                apart=[tuple(index[p] for p in pair) for pair in sorted(wishes.apart, key=repr)],
                together=[(index[a], index[b]) for a, b in wishes.together])
    past = [[[index[p] for p in table if p in index] for table in played] for played in history]
    for played in past:
        room.add(played)
    here = [list(range(len(ids))) if wanted is None else
            [i for i, pid in enumerate(ids) if pid in wanted] for wanted in present[:rounds]]
    todo = here[len(history):]
    if mode == "hosts":
        planned = _hosts(room, people, past, todo, rng)
    elif mode == "pairs":
        planned = _pairs(room, past, todo, table_size, tables, rng)
    else:
        sizes = [table_sizes(len(p), tables, table_size) for p in todo]
        planned = _mix(room, todo, sizes, rng)
    return [[[ids[i] for i in table] for table in played] for played in planned]


def _neighbours(room: Room) -> list[set[int]]:
    return [{b for b, count in enumerate(row) if count} if any(row) else set() for row in room.M]


def _seat(room: Room, neighbours: list[set[int]], tables: list[list[int]]) -> None:
    room.add(tables)
    for table in tables:
        for p in table:
            neighbours[p].update(table)
            neighbours[p].discard(p)


def _search(plan: Plan) -> None:
    plan.descend()
    seats = sum(len(where) for where in plan.pos)
    if seats <= ANNEAL_MAX_SEATS and not _repeats_certain(plan) and any(
            plan.conflicted(r, hard_only=True) for r in range(len(plan.rounds))):
        plan.anneal(min(ANNEAL_MOVES, ANNEAL_PER_SEAT * seats))
        plan.descend()


def _best_greedy(room: Room, people, sizes, seated, visits, neighbours, rng):
    """The cheapest of a few greedy rounds (several only in small rooms, where it pays)."""
    best, best_cost = None, None
    for _ in range(max(1, min(GREEDY_TRIES, GREEDY_SEATS // max(1, len(people))))):
        tables = greedy_round(room, people, sizes, seated, visits, neighbours, rng)
        cost = _round_cost(room, tables, visits)
        if best_cost is None or cost < best_cost:
            best, best_cost = tables, cost
    return best


def _round_cost(room: Room, tables, visits) -> int:
    M, total = room.M, 0
    for t, table in enumerate(tables):
        for i, a in enumerate(table):
            for b in table[i + 1:]:
                total += (W_REPEAT if M[a][b] else 0) + room.weight(a, b)
            if visits and visits[a][t]:
                total += W_REVISIT
    return total


def _repeats_certain(plan: Plan) -> bool:
    """True when someone must meet more people than there are to meet (a counting bound):
    then annealing cannot reach zero and is not worth its time."""
    everyone = set().union(*plan.pos)
    for p in everyone:
        seats = sum(min(map(len, tables)) - 1 for tables, where in zip(plan.rounds, plan.pos)
                    if p in where)
        if seats > len(everyone) - 1:
            return True
    return False


def _mix(room: Room, todo: list[list[int]], sizes: list[list[int]],
         rng: random.Random) -> list[list[list[int]]]:
    neighbours = _neighbours(room)
    start = _design_start(room, todo, sizes, neighbours, rng)
    planned = []
    for r, people in enumerate(todo):
        tables = start[r] if r < len(start) else _best_greedy(
            room, people, sizes[r], {}, None, neighbours, rng)
        _seat(room, neighbours, tables)
        planned.append(tables)
    plan = Plan(room, planned, [set() for _ in planned], None, rng)
    _search(plan)
    return [[sorted(table) for table in tables] for tables in plan.rounds]


def _design_start(room: Room, todo, sizes, neighbours, rng) -> list[list[list[int]]]:
    """Repeat-free rounds from a design when the rooms fit one (else none): a transversal
    design over GF(q) or a stored social golfer schedule, whichever has more rounds."""
    if not todo or any(p != todo[0] for p in todo) or len(set(sizes[0])) != 1:
        return []
    people, k, q = todo[0], sizes[0][0], len(sizes[0])
    here = set(people)
    if any(neighbours[p] & here for p in people):
        return []
    rounds = max((design_rounds(k, q, len(todo)) or [], golfer_rounds(k, q, len(todo)) or []),
                 key=len)
    if not rounds:
        return []
    point = _by_organisation(room, people, rng)
    return [[[point[i] for i in table] for table in tables] for tables in rounds]


def _by_organisation(room: Room, people: list[int], rng) -> list[int]:
    """People in design-point order, one organisation after another: the points of one
    column never meet in the line rounds, so colleagues filling a column never meet there."""
    groups: dict[int, list[int]] = {}
    for p in people:
        groups.setdefault(room.org[p] if room.org[p] >= 0 else -2 - p, []).append(p)
    ordered = list(groups.values())
    rng.shuffle(ordered)
    ordered.sort(key=len, reverse=True)
    return [p for group in ordered for p in group]


def _hosts(room: Room, people: list[Person], past, todo, rng) -> list[list[list[int]]]:
    host_at = {p.host - 1: i for i, p in enumerate(people) if p.host is not None}
    count = len(host_at)
    visits = [[0] * count for _ in people]
    for played in past:
        for t, table in enumerate(played[:count]):
            for p in table:
                visits[p][t] += 1
    neighbours = _neighbours(room)
    start = _host_design_start(room, host_at, visits, todo, neighbours, rng)
    planned, fixed = [], []
    for number, here in enumerate(todo, start=1):
        if len(here) < MIN_TABLE * count:
            raise RotationError(f"{len(here)} people are too few for {count} host tables "
                                f"(at least {MIN_TABLE} a table)")
        base, extra = divmod(len(here), count)
        shift = (number - 1) * extra      # the bigger tables take turns: nobody has to revisit
        sizes = [base + 1 if (t - shift) % count < extra else base for t in range(count)]
        present = set(here)
        seated = {h: t for t, h in host_at.items() if h in present}
        if number <= len(start):
            tables = start[number - 1]
        else:
            tables = _best_greedy(room, here, sizes, seated, visits, neighbours, rng)
        _seat(room, neighbours, tables)
        for t, table in enumerate(tables):
            for p in table:
                visits[p][t] += 1
        planned.append(tables)
        fixed.append(set(seated))
    plan = Plan(room, planned, fixed, visits, rng)
    _search(plan)
    hosts = set(host_at.values())
    return [[sorted(table, key=lambda p: (p not in hosts, p)) for table in tables]
            for tables in plan.rounds]


def _host_design_start(room: Room, host_at: dict[int, int], visits, todo, neighbours,
                       rng) -> list[list[list[int]]]:
    """Rounds with no repeat and no revisit when the movers fill a design (see host_rounds)."""
    count, hosts = len(host_at), set(host_at.values())
    if not todo or any(p != todo[0] for p in todo) or not hosts <= set(todo[0]):
        return []
    movers = [p for p in todo[0] if p not in hosts]
    k = len(movers) // count
    if k * count != len(movers) or any(neighbours[p] for p in todo[0]) or any(map(any, visits)):
        return []
    rounds = host_rounds(k, count, len(todo))
    if rounds is None:
        return []
    point = _by_organisation(room, movers, rng)
    return [[[host_at[t], *(point[i] for i in table)] for t, table in enumerate(tables)]
            for tables in rounds]


def _pairs(room: Room, past, todo, table_size, tables, rng) -> list[list[list[int]]]:
    neighbours = _neighbours(room)
    previous = past[-1] if past else None
    planned = []
    for here in todo:
        sizes = table_sizes(len(here), tables, table_size)
        if previous is None:
            result = _mix(room, [here], [sizes], rng)[0]
            room.add(result, -1)             # _mix seated it; seat it once, below
        else:
            result = pairs_round(room, previous, here, sizes, neighbours, rng)
        _seat(room, neighbours, result)
        planned.append(result)
        previous = result
    return planned


def plan_rounds(people: list[Person], rounds: int, *, mode: str = "mix",
                table_size: int | None = None, tables: int | None = None, seed: int = 0,
                history: list[Round] = (), present: list[set] | None = None,
                wishes: Wishes = Wishes()) -> list[Round]:
    """All rounds: `history` unchanged, then planned rounds up to `rounds` in total.

    present[r] is who is present in round r (0-based over all rounds, None =
    everyone). The same input and seed give the same plan.
    """
    validate(people, rounds, mode, table_size, tables, present, wishes)
    history = [[list(table) for table in played] for played in history]
    if rounds <= len(history):
        return history
    if present is None:
        present = [None] * rounds
    args = (people, rounds, mode, table_size, tables, seed)
    again = _same_plan_again(*args, history, present, wishes)
    return history + (again if again is not None else plan(*args, history, present, wishes))


def _same_plan_again(people, rounds, mode, table_size, tables, seed, history, present,
                     wishes) -> list[Round] | None:
    """The rest of the plan this room gets with everyone present and no history, each round
    without the people absent from it, when a design fits, the rounds played are its
    start and leaving the absent out keeps the table sizes the planner would choose (else
    None; hosts mode: only when nobody is absent). The app plans again after every round
    it shows, and people come late or leave: a design survives both."""
    everyone = {p.id for p in people}
    here = [everyone if wanted is None else set(wanted) for wanted in present[:rounds]]
    here[:len(history)] = [{p for table in played for p in table} for played in history]
    union = set().union(*here)
    constant = all(h == union for h in here)
    if mode == "pairs" or (mode == "hosts" and not constant) or (constant and not history):
        return None                       # with neither, plan() starts from the design
    if not _design_fits(people, union, rounds, mode, table_size, tables):
        return None
    fresh = plan(people, rounds, mode, table_size, tables, seed, [], [union] * rounds, wishes)
    gapped = [[[p for p in table if p in h] for table in played]
              for played, h in zip(fresh, here)]
    if any(_tables(a) != _tables(b) for a, b in zip(gapped, history)):
        return None
    for played, h in zip(gapped[len(history):], here[len(history):]):
        if not constant and sorted(map(len, played)) != sorted(table_sizes(len(h), tables,
                                                                           table_size)):
            return None
    return gapped[len(history):]


def _design_fits(people: list[Person], here: set, rounds: int, mode: str,
                 table_size: int | None, tables: int | None) -> bool:
    """Whether planning this room with no history starts from a design (a cheap check)."""
    if mode == "hosts":
        hosts = sum(1 for p in people if p.host is not None and p.id in here)
        movers = len(here) - hosts
        return (hosts > 0 and movers % hosts == 0
                and host_rounds(movers // hosts, hosts, 1) is not None)
    sizes = table_sizes(len(here), tables, table_size)
    if mode != "mix" or len(set(sizes)) != 1:
        return False
    k, q = sizes[0], len(sizes)
    return bool(design_rounds(k, q, rounds) or golfer_rounds(k, q, rounds))


def _tables(played: Round) -> list[list]:
    return [sorted(table, key=repr) for table in played]
