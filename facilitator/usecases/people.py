"""Use cases of the people list of a rotation: imports, by hand, numbered seats,
check-in from a phone, here/away, hosts, leavers, keep-apart/together wishes.

Every change re-plans the coming rounds (``rotation.replan``) in the same
transaction. People are kept apart from notes: nothing here reads or writes a note.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from . import rotation
from .. import store
from ..clock import utc_iso
from ..domain.registration import read_registrations
from .validation import ValidationError, whole_number

MAX_NAME = 200
MAX_PEOPLE = 5000
MAX_TABLES = rotation.MAX_TABLES


@dataclass(frozen=True)
class Imported:
    count: int
    encoding: str   # the file's encoding as read (domain.textfile): the page says it


def import_csv(db: Database, event_id: str, data: bytes, now: datetime) -> Imported:
    """Add everyone on a registration list; RegistrationError names every bad row.

    Hosts get the table number in their host column, or (a yes there) the next free one.
    """
    read = read_registrations(data)
    registrants = read.rows
    with db.atomic():
        _check_room_for(db, event_id, len(registrants))
        hosting = {p.host_table for p in store.list_attendees(db, event_id) if p.host_table}
        wanted = [r.host_table for r in registrants if r.host_table]
        if len(set(wanted)) < len(wanted) or hosting & set(wanted):
            raise ValidationError({"file": "host_taken"})
        taken = hosting | set(wanted)
        free = (n for n in range(1, MAX_TABLES + 1) if n not in taken)
        rows = [{"name": r.name, "org": r.org, "role": r.role,
                 "host_table": r.host_table or (next(free) if r.host else None)}
                for r in registrants]
        store.insert_attendees(db, event_id, rows, utc_iso(now))
        rotation.replan(db, event_id)
    return Imported(len(rows), read.encoding)


def add_person(db: Database, event_id: str, form: dict[str, Any], now: datetime) -> int:
    """A late arrival (or anyone typed in by hand), present at once."""
    row = _clean_person(form)
    with db.atomic():
        _check_room_for(db, event_id, 1)
        person_id = store.insert_attendees(db, event_id, [row], utc_iso(now))[0]
        rotation.replan(db, event_id)
    return person_id


def set_checkin_open(db: Database, event_id: str, on: bool) -> None:
    """Whether phones may check themselves in (off until the facilitator opens it)."""
    with db.atomic():
        store.set_event_fields(db, event_id, checkin_open=int(on))


def check_in(db: Database, event_id: str, form: dict[str, Any], now: datetime) -> int:
    """A phone checks itself in: an imported person with that name is marked present,
    otherwise a new person is added. Returns the person's id (kept on the phone)."""
    row = _clean_person({"name": form.get("name"), "org": form.get("org")})
    with db.atomic():
        found = store.find_attendee_by_name(db, event_id, row["name"])
        if found is not None:
            if not found.present:
                store.update_attendee(db, found.id, present=1)
                rotation.replan(db, event_id)
            return found.id
        _check_room_for(db, event_id, 1)
        person_id = store.insert_attendees(db, event_id, [row], utc_iso(now))[0]
        rotation.replan(db, event_id)
    return person_id


def add_seats(db: Database, event_id: str, count: Any, label: str, now: datetime) -> int:
    """Anonymous numbered seats ("Plats 1", "Plats 2", ...) for events that want no names."""
    number = whole_number(count, 1, MAX_PEOPLE, "count")
    with db.atomic():
        start = store.count_attendees(db, event_id)
        _check_room_for(db, event_id, number)
        rows = [{"name": f"{label} {start + i + 1}", "org": "", "role": "", "host_table": None}
                for i in range(number)]
        store.insert_attendees(db, event_id, rows, utc_iso(now))
        rotation.replan(db, event_id)
    return number


def set_present(db: Database, event_id: str, person_id: Any, present: bool) -> None:
    person = rotation.person(db, event_id, person_id)
    with db.atomic():
        store.update_attendee(db, person.id, present=int(bool(present)))
        rotation.replan(db, event_id)


def set_host(db: Database, event_id: str, person_id: Any, table: Any) -> None:
    """Make someone the host of a table (hosts mode), or no host with an empty value."""
    person = rotation.person(db, event_id, person_id)
    host_table = None if table in (None, "") else whole_number(table, 1, MAX_TABLES, "host_table")
    with db.atomic():
        if host_table and any(p.host_table == host_table and p.id != person.id
                              for p in store.list_attendees(db, event_id)):
            raise ValidationError({"host_table": "host_taken"})
        store.update_attendee(db, person.id, host_table=host_table)
        rotation.replan(db, event_id)


def remove_person(db: Database, event_id: str, person_id: Any) -> None:
    """Someone leaves for good: gone from the list and from the coming rounds.
    Rounds already played keep them, as history."""
    person = rotation.person(db, event_id, person_id)
    with db.atomic():
        store.delete_attendee(db, person.id)
        rotation.replan(db, event_id)


WISH_KINDS = ("apart", "together")
MAX_WISHES = 500


def add_wish(db: Database, event_id: str, a: Any, b: Any, kind: Any) -> None:
    """Two people who should never share a table, or who should always do."""
    if kind not in WISH_KINDS:
        raise ValidationError({"kind": "bad_kind"})
    with db.atomic():
        first, second = rotation.person(db, event_id, a).id, rotation.person(db, event_id, b).id
        if first == second:
            raise ValidationError({"person": "same_person"})
        wishes = store.list_wishes(db, event_id)
        if len(wishes) >= MAX_WISHES:
            raise ValidationError({"kind": "too_many_wishes"})
        if any({w[1], w[2]} == {first, second} for w in wishes):
            raise ValidationError({"person": "wish_exists"})
        store.insert_wish(db, event_id, first, second, kind)
        rotation.replan(db, event_id)


def remove_wish(db: Database, event_id: str, wish_id: int) -> None:
    with db.atomic():
        if not store.delete_wish(db, event_id, wish_id):
            raise ValidationError({"wish": "unknown_wish"})
        rotation.replan(db, event_id)


def _clean_person(form: dict[str, Any]) -> dict[str, Any]:
    name = str(form.get("name") or "").strip()
    org = str(form.get("org") or "").strip()
    errors = {}
    if not name:
        errors["name"] = "required"
    for key, value in (("name", name), ("org", org)):
        if len(value) > MAX_NAME:
            errors[key] = "too_long"
        elif any(ord(ch) < 32 for ch in value):
            errors[key] = "bad_characters"
    if errors:
        raise ValidationError(errors)
    return {"name": name, "org": org, "role": "", "host_table": None}


def _check_room_for(db: Database, event_id: str, more: int) -> None:
    if store.count_attendees(db, event_id) + more > MAX_PEOPLE:
        raise ValidationError({"name": "too_many_people"})
