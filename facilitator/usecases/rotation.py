"""Use cases of group rotations: settings, the rounds, what each screen is told.

Who is on the list (imports, check-in, presence, wishes) is people.py; every
change there re-plans through ``replan`` here.

Rounds up to and including the current one are history and never change;
every change of attendance or settings re-plans only the rounds after it.
People are kept apart from notes: nothing here reads or writes a note.
"""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from .. import store
from ..domain import rotation as plan
from ..models import Attendee, RotationSettings
from .validation import ValidationError, whole_number

MODES = ("mix", "pairs", "hosts")
MAX_ROUNDS = 20
MAX_TABLE_SIZE = 12
MAX_TABLES = 500
# Table colours, each with a name so nobody has to tell colours apart to find a
# table. The CSS classes tc-1 ... tc-12 (static/css/app.css) paint them.
COLOURS = ("red", "blue", "green", "orange", "purple", "teal", "pink", "brown", "yellow",
           "grey", "navy", "olive")


def colour(table_no: int) -> tuple[int, str]:
    """(CSS class number, name key) of a table's colour; table numbers are 1-based."""
    index = (table_no - 1) % len(COLOURS)
    return index + 1, COLOURS[index]


# ---- settings and rounds ------------------------------------------------------------


def settings(db: Database, event_id: str) -> RotationSettings:
    return store.get_rotation_settings(db, event_id)


def update_settings(db: Database, event_id: str, form: dict[str, Any],
                    new_seed: int | None = None) -> RotationSettings:
    """Mode, table size or count, and rounds; the coming rounds are planned again."""
    errors: dict[str, str] = {}
    mode = str(form.get("mode") or "mix")
    if mode not in MODES:
        errors["mode"] = "bad_mode"
    values = {}
    for key, low, high in (("size", 2, MAX_TABLE_SIZE), ("tables", 0, MAX_TABLES),
                           ("rounds", 1, MAX_ROUNDS)):
        try:
            values[key] = whole_number(form.get(key) or (0 if key == "tables" else None), low, high, key)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        old = store.get_rotation_settings(db, event_id)
        new = RotationSettings(mode=mode, size=values["size"], tables=values["tables"],
                               rounds=max(values["rounds"], old.current),
                               seed=new_seed if new_seed is not None else old.seed,
                               current=old.current)
        store.set_rotation_settings(db, event_id, new)
        replan(db, event_id)
    return new


def show_round(db: Database, event_id: str, round_no: Any) -> int:
    """The room moves to round ``round_no`` (the next one, or back to one shown before).
    Everything up to the furthest round shown is history from then on."""
    with db.atomic():
        current = store.get_rotation_settings(db, event_id)
        rounds = store.list_rounds(db, event_id)
        number = whole_number(round_no, 1, max(1, len(rounds)), "round")
        if not rounds:
            raise ValidationError({"round": "no_rounds"})
        if number > current.current + 1:
            raise ValidationError({"round": "not_next"})
        if number > current.current:
            store.set_rotation_settings(db, event_id, _with(current, current=number))
            replan(db, event_id)
    return number


def reach_round(db: Database, event_id: str, round_no: int) -> bool:
    """Make sure the room is at least at round ``round_no`` (as far as rounds are planned);
    a rotation step of the programme does this when the timer reaches it. Never goes back.
    The caller owns the transaction."""
    config = store.get_rotation_settings(db, event_id)
    target = min(round_no, len(store.list_rounds(db, event_id)))
    if target <= config.current:
        return False
    store.set_rotation_settings(db, event_id, _with(config, current=target))
    replan(db, event_id)
    return True


def swap(db: Database, event_id: str, round_no: Any, a: Any, b: Any) -> None:
    """The facilitator swaps two people by hand in the current or a coming round."""
    with db.atomic():
        current = store.get_rotation_settings(db, event_id).current
        rounds = store.list_rounds(db, event_id)
        number = whole_number(round_no, max(1, current), max(1, len(rounds)), "round")
        if not rounds:
            raise ValidationError({"round": "no_rounds"})
        first, second = person(db, event_id, a).id, person(db, event_id, b).id
        tables = rounds[number - 1]
        if not any(first in t for t in tables) or not any(second in t for t in tables):
            raise ValidationError({"person": "not_seated"})
        store.replace_rounds_from(db, event_id, number, [plan.swap(tables, first, second)]
                                  + rounds[number:])


def replan(db: Database, event_id: str) -> None:
    """Plan every round after the current one again, from the rounds played so far;
    the caller owns the transaction (every change of people, settings or wishes calls it).

    When the room cannot be planned (say, hosts mode with a gap in the host table
    numbers), the coming rounds are left empty and the page says why
    (``plan_problem``): a change of attendance must never fail.
    """
    try:
        _plan(db, event_id)
    except plan.RotationError:
        config = store.get_rotation_settings(db, event_id)
        store.replace_rounds_from(db, event_id, config.current + 1, [])


def plan_problem(db: Database, event_id: str) -> str | None:
    """Why the coming rounds could not be planned, or None."""
    try:
        _plan(db, event_id, dry_run=True)
    except plan.RotationError as exc:
        return str(exc)
    return None


def _plan(db: Database, event_id: str, dry_run: bool = False) -> None:
    config = store.get_rotation_settings(db, event_id)
    people = store.list_attendees(db, event_id)
    history = store.list_rounds(db, event_id)[:config.current]
    present = {p.id for p in people if p.present}
    if config.rounds <= len(history) or not present:
        if not dry_run:
            store.replace_rounds_from(db, event_id, len(history) + 1, [])
        return
    seated_before = _seated_in(history)
    gone = sorted(seated_before - {p.id for p in people})  # left for good, but in the history
    planned = plan.plan_rounds(
        [plan.Person(p.id, p.org, p.host_table if config.mode == "hosts" else None)
         for p in people if p.present or p.id in seated_before] + [plan.Person(p) for p in gone],
        config.rounds, mode=config.mode, table_size=None if config.tables else config.size,
        tables=config.tables or None, seed=config.seed, history=history,
        present=[_seated(r) for r in history] + [present] * (config.rounds - len(history)),
        wishes=_wishes(db, event_id, present))
    if not dry_run:
        store.replace_rounds_from(db, event_id, len(history) + 1, planned[len(history):])


# ---- what the screens see ----------------------------------------------------------


def overview(db: Database, event_id: str) -> dict[str, Any]:
    """Everything the facilitator's rotation page shows."""
    people = store.list_attendees(db, event_id)
    config = store.get_rotation_settings(db, event_id)
    rounds = store.list_rounds(db, event_id)
    by_id = {p.id: p for p in people}
    stats = _encounter_stats(rounds[:config.current], people)
    wishes = [{"id": w, "a": by_id.get(a), "b": by_id.get(b), "kind": kind}
              for w, a, b, kind in store.list_wishes(db, event_id)]
    missing = bool(people) and len(rounds) < config.rounds
    return {"people": people, "settings": config, "stats": stats, "wishes": wishes,
            "problem": plan_problem(db, event_id) if missing else None,
            "host_limit": host_limit(config, people),
            "rounds": [_named_round(tables, by_id) for tables in rounds]}


def host_limit(config: RotationSettings, people: list[Attendee]) -> dict[str, int] | None:
    """In World Café mode the tables are the host tables, so "people per table (at most)"
    cannot hold when more people are here than the hosts can seat: how far off it is
    (the page says so and how many more hosts it takes), or None when it holds."""
    here = [p for p in people if p.present]
    tables = len({p.host_table for p in here if p.host_table})
    if config.mode != "hosts" or not tables or len(here) <= tables * config.size:
        return None
    return {"people": len(here), "tables": tables, "size": config.size,
            "largest": -(-len(here) // tables),
            "more_hosts": -(-len(here) // config.size) - tables}


def seat_payload(db: Database, event_id: str) -> dict[str, Any]:
    """For every screen: the current round's table of each person id. No names: a phone
    knows its own id, and ids say nothing about who anyone is."""
    config = store.get_rotation_settings(db, event_id)
    rounds = store.list_rounds(db, event_id)
    people = store.list_attendees(db, event_id)
    # Counts only (no names): the facilitator's open rotation page notices check-ins.
    counts = {"active": bool(people), "people": len(people),
              "present": sum(1 for p in people if p.present)}
    if not config.current or config.current > len(rounds):
        return {**counts, "round": 0, "rounds": len(rounds), "seats": {}, "hosts": []}
    tables = rounds[config.current - 1]
    return {**counts, "round": config.current, "rounds": len(rounds),
            "seats": {str(p): t for t, table in enumerate(tables, start=1) for p in table},
            "hosts": _hosts_at_their_table(config, people, tables),
            "tables": [{"no": t, "colour": colour(t)[0], "colour_name": colour(t)[1]}
                       for t in range(1, len(tables) + 1)]}


def _hosts_at_their_table(config: RotationSettings, people: list[Attendee],
                          tables: list[list[int]]) -> list[str]:
    """In World Café mode, the ids of the hosts sitting at their own table this round: their
    phones say "stay at table N" instead of "go to table N"."""
    if config.mode != "hosts":
        return []
    return sorted(str(p.id) for p in people if p.host_table and p.host_table <= len(tables)
                  and p.id in tables[p.host_table - 1])


def table_map(db: Database, event_id: str) -> dict[str, Any]:
    """For the projector: the current round as "name -> table", sorted by name."""
    config = store.get_rotation_settings(db, event_id)
    rounds = store.list_rounds(db, event_id)
    if not config.current or config.current > len(rounds):
        return {"round": 0, "rounds": len(rounds), "people": []}
    names = {p.id: p.name for p in store.list_attendees(db, event_id)}
    tables = rounds[config.current - 1]
    people = sorted(({"name": names[p], "table": t, "colour": colour(t)[0]}
                     for t, table in enumerate(tables, start=1) for p in table if p in names),
                    key=lambda row: (row["name"].casefold(), row["table"]))
    return {"round": config.current, "rounds": len(rounds), "people": people}


def encounters(db: Database, event_id: str) -> dict[str, Any] | None:
    """Encounter statistics of the rounds played so far (for the page and the report), over
    the people who sat at a table in them; None before the first round."""
    config = store.get_rotation_settings(db, event_id)
    return _encounter_stats(store.list_rounds(db, event_id)[:config.current],
                            store.list_attendees(db, event_id))


def _encounter_stats(played: list[list[list[int]]], people: list[Attendee]) -> dict[str, Any] | None:
    if not played:
        return None
    orgs = {p.id: p.org for p in people}
    seated = sorted(_seated_in(played))
    stats = plan.encounter_stats(played, [plan.Person(p, orgs.get(p, "")) for p in seated])
    return {**stats, "rounds": len(played), "people": len(seated)}


def in_use(db: Database, event_id: str) -> bool:
    """Whether this event rotates people (someone is on its list)."""
    return store.count_attendees(db, event_id) > 0


def _named_round(tables: list[list[int]], by_id: dict[int, Attendee]) -> list[dict[str, Any]]:
    return [{"no": t, "colour": colour(t)[0], "colour_name": colour(t)[1],
             "people": [by_id[p] for p in table if p in by_id]}
            for t, table in enumerate(tables, start=1)]


# ---- helpers ------------------------------------------------------------------------


def person(db: Database, event_id: str, person_id: Any) -> Attendee:
    """A person on this event's list, or ValidationError (unknown_person)."""
    number = whole_number(person_id, 1, 2**62, "person")
    found = store.get_attendee(db, event_id, number)
    if found is None:
        raise ValidationError({"person": "unknown_person"})
    return found


def _with(config: RotationSettings, **changes: Any) -> RotationSettings:
    return RotationSettings(**{**config.__dict__, **changes})


def _seated(tables: list[list[int]]) -> set[int]:
    return {p for table in tables for p in table}


def _wishes(db: Database, event_id: str, present: set[int]) -> plan.Wishes:
    """The wishes between people who are both here."""
    wishes = [w for w in store.list_wishes(db, event_id) if w[1] in present and w[2] in present]
    return plan.Wishes(apart=frozenset(frozenset((a, b)) for _, a, b, kind in wishes
                                       if kind == "apart"),
                       together=tuple((a, b) for _, a, b, kind in wishes if kind == "together"))


def _seated_in(history: list[list[list[int]]]) -> set[int]:
    return {p for tables in history for table in tables for p in table}

