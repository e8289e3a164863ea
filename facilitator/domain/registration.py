"""Reading a registration list (CSV) into participants, with a clear error per bad row.

Also the people list of a rotation (`parse_people_csv`: id, name, org, host table).

Accepts what a Swedish Excel writes: "CSV UTF-8" (UTF-8 with BOM), plain UTF-8, the
default "CSV (semikolonavgränsad)" (Windows-1252) and "Unicode text" (UTF-16, tabs);
which one was read is detected and returned (``domain.textfile``), never guessed in
silence. Semicolon, comma or tab separated, Swedish or English headers. Nothing is
imported half-way: either every row is good, or the caller gets every problem at once.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Generic, TypeVar

from .textfile import EncodingError, decode

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_FIELD = 200
HEADERS = {
    "name": ("name", "namn", "deltagare", "participant"),
    "org": ("organisation", "organization", "org", "kommun", "förvaltning", "arbetsplats"),
    "role": ("role", "roll", "befattning", "titel", "title"),
    "host": ("host", "värd", "bordsvärd", "table host"),
    "id": ("id", "nr", "nummer", "number"),
}
YES = ("1", "ja", "j", "x", "yes", "y", "true", "sant")
NO = ("0", "nej", "n", "no", "false", "falskt", "-")


@dataclass(frozen=True)
class Registrant:
    name: str
    org: str = ""
    role: str = ""
    host: bool = False
    host_table: int | None = None   # when the host column holds a table number (2 to 500)


@dataclass(frozen=True)
class PeopleRow:
    id: str
    name: str = ""
    org: str = ""
    host: int | None = None     # the table number a host keeps


@dataclass(frozen=True)
class RowError:
    row: int          # 1-based line number in the file, as a spreadsheet shows it
    code: str         # missing_name | too_long | duplicate_id | bad_host | ...
    value: str = ""   # the offending cell where that helps (a duplicate id)


Row = TypeVar("Row")


@dataclass(frozen=True)
class ReadList(Generic[Row]):
    rows: list[Row]
    encoding: str     # as domain.textfile.decode names it: utf-8 | utf-8-sig | utf-16 | windows-1252


class RegistrationError(ValueError):
    def __init__(self, code: str, rows: tuple[RowError, ...] = ()):
        super().__init__(code)
        self.code, self.rows = code, rows


def parse_registrations(data: bytes) -> list[Registrant]:
    """Registrants from a CSV file's bytes, or RegistrationError with every problem found."""
    return read_registrations(data).rows


def read_registrations(data: bytes) -> ReadList[Registrant]:
    """The registrants and the encoding the file was read in."""
    rows, columns, encoding = _table(data, ("name",))
    people, errors = [], []
    for line, row in _filled(rows):
        person, error = _registrant(row, columns, line)
        if error:
            errors.append(error)
        else:
            people.append(person)
    return ReadList(_all_or_nothing(people, errors), encoding)


def parse_people_csv(data: bytes) -> list[PeopleRow]:
    """The people of a rotation: an id and name column, optional org and host (a table number)."""
    return read_people_csv(data).rows


def read_people_csv(data: bytes) -> ReadList[PeopleRow]:
    """The people of a rotation and the encoding the file was read in."""
    rows, columns, encoding = _table(data, ("id", "name"))
    people, errors, seen = [], [], set()
    for line, row in _filled(rows):
        values = _cells(row, columns, ("id", "name", "org", "host"))
        error = _cell_problem(values)
        if not error and not values["id"]:
            error = "missing_id"
        elif not error and values["id"] in seen:
            error = "duplicate_id"
        elif not error and values["host"] and not (values["host"].isdigit()
                                                   and 1 <= int(values["host"]) <= MAX_ROWS):
            error = "bad_host"
        if error:
            errors.append(RowError(line, error, values["id"] if error == "duplicate_id"
                                   else values["host"] if error == "bad_host" else ""))
            continue
        seen.add(values["id"])
        people.append(PeopleRow(values["id"], values["name"], values["org"],
                                int(values["host"]) if values["host"] else None))
    return ReadList(_all_or_nothing(people, errors), encoding)


def _table(data: bytes, required: tuple[str, ...]) -> tuple[list[list[str]], dict[str, int], str]:
    """The rows of a CSV file's bytes, where the known columns are and the encoding read;
    whole-file problems raise."""
    if not data.strip():
        raise RegistrationError("empty")
    if len(data) > MAX_BYTES:
        raise RegistrationError("too_big")
    try:
        decoded = decode(data)
    except EncodingError as exc:
        raise RegistrationError(exc.code) from exc
    text = decoded.text
    if "\x00" in text:
        raise RegistrationError("not_text")
    if not text.strip("\ufeff \t\r\n"):
        raise RegistrationError("empty")
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error as exc:
        raise RegistrationError("malformed") from exc
    if not rows:
        raise RegistrationError("empty")
    columns = _columns(rows[0])
    for key in required:
        if key not in columns:
            raise RegistrationError(f"no_{key}_column")
    if len(rows) - 1 > MAX_ROWS:
        raise RegistrationError("too_many_rows")
    return rows, columns, decoded.encoding


def _filled(rows: list[list[str]]):
    """(line number, row) for the rows below the header that are not blank."""
    return [(line, row) for line, row in enumerate(rows[1:], start=2)
            if any(cell.strip() for cell in row)]


def _all_or_nothing(people: list, errors: list[RowError]) -> list:
    if errors:
        raise RegistrationError("bad_rows", tuple(errors))
    if not people:
        raise RegistrationError("empty")
    return people


def _delimiter(text: str) -> str:
    first = text.splitlines()[0] if text.splitlines() else ""
    return max((",", ";", "\t"), key=first.count) if first.strip() else ","


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        label = cell.strip().lower()
        for key, names in HEADERS.items():
            if label in names and key not in found:
                found[key] = index
    return found


def _cells(row: list[str], columns: dict[str, int], keys: tuple[str, ...]) -> dict[str, str]:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""
    return {key: cell(key) for key in keys}


def _cell_problem(values: dict[str, str]) -> str | None:
    if any(len(v) > MAX_FIELD for v in values.values()):
        return "too_long"
    if any(ch in value for value in values.values() for ch in "\x00\r"):
        return "bad_characters"
    return None


def _registrant(row: list[str], columns: dict[str, int], line: int):
    values = _cells(row, columns, ("name", "org", "role", "host"))
    if not values["name"]:
        return None, RowError(line, "missing_name")
    problem = _cell_problem(values)
    if problem:
        return None, RowError(line, problem)
    host = values["host"].lower()
    table = int(host) if host.isdigit() and 2 <= int(host) <= 500 else None
    if host and not (host in YES or table or host in NO):
        return None, RowError(line, "bad_host", values["host"])
    return Registrant(values["name"], values["org"], values["role"],
                      host in YES or table is not None, table), None
