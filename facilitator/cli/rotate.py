"""`facilitator rotate PEOPLE.csv --rounds N --table-size K [--mode] [--seed] [--attendance] [--json]`.

The same plan_rounds the app uses. Output: {"rounds": [{"tables": [["id", ...], ...]}, ...]},
table t at index t-1, ids as written in the CSV. Every problem is one line on stderr.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..domain.registration import MAX_BYTES, MAX_ROWS, RegistrationError, parse_people_csv
from ..domain.rotation import Person, RotationError, attendance, plan_rounds

MAX_ROUNDS = 100
FILE_PROBLEMS = {
    "empty": "no people in the file (empty, or only a header row)",
    "too_big": f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB",
    "unknown_encoding": "the file is not UTF-8, UTF-16 or Windows-1252 text (save it as 'CSV UTF-8')",
    "malformed": "the file is not readable CSV (a cell far too long, or unmatched quotes)",
    "not_text": "the file is not text",
    "no_id_column": "no 'id' column in the header row",
    "no_name_column": "no 'name' column in the header row",
    "too_many_rows": f"more than {MAX_ROWS} rows",
}
ROW_PROBLEMS = {
    "missing_id": "no id", "duplicate_id": "duplicate id {value!r}",
    "bad_host": "host {value!r} is not a table number", "too_long": "a cell is too long",
    "bad_characters": "a cell holds control characters",
}


def run(args: argparse.Namespace, user_error: type[Exception]) -> int:
    if not 1 <= args.rounds <= MAX_ROUNDS:
        raise user_error(f"--rounds must be 1..{MAX_ROUNDS}")
    rows = _people(args.people, user_error)
    people = [Person(row.id, row.org, row.host) for row in rows]
    try:
        present = None
        if args.attendance:
            join, leave = _attendance(args.attendance, user_error)
            present = attendance([p.id for p in people], args.rounds, join, leave)
        rounds = plan_rounds(people, args.rounds, mode=args.mode, table_size=args.table_size,
                             seed=args.seed, present=present)
    except RotationError as exc:
        raise user_error(str(exc)) from exc
    if args.json:
        print(json.dumps({"rounds": [{"tables": played} for played in rounds]}))
    else:
        names = {row.id: row.name or row.id for row in rows}
        for number, played in enumerate(rounds, start=1):
            print(f"Round {number}")
            for table, members in enumerate(played, start=1):
                print(f"  Table {table}: {', '.join(names[p] for p in members)}")
    return 0


def _people(path: str, user_error) -> list:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise user_error(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return parse_people_csv(data)
    except RegistrationError as exc:
        if exc.code != "bad_rows":
            raise user_error(f"{path}: {FILE_PROBLEMS.get(exc.code, exc.code)}") from exc
        problems = [f"line {e.row}: " + ROW_PROBLEMS.get(e.code, e.code).format(value=e.value)
                    for e in exc.rows[:5]]
        more = f" (and {len(exc.rows) - 5} more)" if len(exc.rows) > 5 else ""
        raise user_error(f"{path}: {'; '.join(problems)}{more}") from exc


def _attendance(path: str, user_error) -> tuple[dict[int, list], dict[int, list]]:
    """{"join": {"2": ["id", ...]}, "leave": {"3": [...]}} with 1-based round numbers."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise user_error(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise user_error(f"{path}: not valid JSON ({str(exc).splitlines()[0]})") from exc
    if not isinstance(raw, dict) or not set(raw) <= {"join", "leave"}:
        raise user_error(f"{path}: expected an object with \"join\" and/or \"leave\"")
    result = []
    for key in ("join", "leave"):
        table = raw.get(key, {})
        if not isinstance(table, dict):
            raise user_error(f"{path}: \"{key}\" must map round numbers to lists of ids")
        rounds: dict[int, list] = {}
        for number, ids in table.items():
            if not number.strip().isdigit() or not isinstance(ids, list) or not all(
                    isinstance(i, (str, int)) and not isinstance(i, bool) for i in ids):
                raise user_error(f"{path}: \"{key}\": {number!r} must be a round number "
                                 "with a list of ids")
            rounds.setdefault(int(number), []).extend(str(i) for i in ids)
        result.append(rounds)
    return result[0], result[1]
