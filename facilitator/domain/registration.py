"""Reading a registration list (CSV) into participants, with a clear error per bad row.

Accepts what a Swedish Excel writes: UTF-8 with or without BOM, semicolon or
comma separated, Swedish or English headers. Nothing is imported half-way:
either every row is good, or the caller gets every problem at once.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_FIELD = 200
HEADERS = {
    "name": ("name", "namn", "deltagare", "participant"),
    "org": ("organisation", "organization", "org", "kommun", "förvaltning", "arbetsplats"),
    "role": ("role", "roll", "befattning", "titel", "title"),
    "host": ("host", "värd", "bordsvärd", "table host"),
}
YES = ("1", "ja", "j", "x", "yes", "y", "true", "sant")


@dataclass(frozen=True)
class Registrant:
    name: str
    org: str = ""
    role: str = ""
    host: bool = False


@dataclass(frozen=True)
class RowError:
    row: int          # 1-based line number in the file, as a spreadsheet shows it
    code: str         # missing_name | too_long | too_many_columns | ...


class RegistrationError(ValueError):
    def __init__(self, code: str, rows: tuple[RowError, ...] = ()):
        super().__init__(code)
        self.code, self.rows = code, rows


def parse_registrations(data: bytes) -> list[Registrant]:
    """Registrants from a CSV file's bytes, or RegistrationError with every problem found."""
    if not data.strip():
        raise RegistrationError("empty")
    if len(data) > MAX_BYTES:
        raise RegistrationError("too_big")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistrationError("not_utf8") from exc
    if "\x00" in text:
        raise RegistrationError("not_text")
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    columns = _columns(rows[0])
    if "name" not in columns:
        raise RegistrationError("no_name_column")
    if len(rows) - 1 > MAX_ROWS:
        raise RegistrationError("too_many_rows")
    people, errors = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        person, error = _registrant(row, columns, line)
        if error:
            errors.append(error)
        else:
            people.append(person)
    if errors:
        raise RegistrationError("bad_rows", tuple(errors))
    if not people:
        raise RegistrationError("empty")
    return people


def _delimiter(text: str) -> str:
    first = text.splitlines()[0] if text.splitlines() else ""
    return ";" if first.count(";") > first.count(",") else ","


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        label = cell.strip().lower()
        for key, names in HEADERS.items():
            if label in names and key not in found:
                found[key] = index
    return found


def _registrant(row: list[str], columns: dict[str, int], line: int):
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""
    values = {key: cell(key) for key in ("name", "org", "role", "host")}
    if not values["name"]:
        return None, RowError(line, "missing_name")
    if any(len(v) > MAX_FIELD for v in values.values()):
        return None, RowError(line, "too_long")
    if any(ch in value for value in values.values() for ch in "\x00\r"):
        return None, RowError(line, "bad_characters")
    return Registrant(values["name"], values["org"], values["role"],
                      values["host"].lower() in YES), None
