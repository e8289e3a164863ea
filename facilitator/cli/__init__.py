"""`facilitator serve|demo|create-user|purge|report|export|rotate|cluster|bench|qr`: the command-line contract (keep it stable).

Heavy imports happen inside the commands so `serve` can monkey-patch with
gevent before anything imports socket or ssl.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import unicodedata
from pathlib import Path


QUALITY_BENCHES = ("rotation", "themes", "report")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"] and argv[1:2] and argv[1] in QUALITY_BENCHES:
        return _quality_bench(argv[1], argv[2:])    # their own options, passed through
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"facilitator: {exc}", file=sys.stderr)
        return 2


class UserError(Exception):
    """A problem with the command line or its files, told plainly."""


DB_HELP = "SQLite file (default: instance/facilitator.sqlite3)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facilitator", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    _room_commands(sub)
    _data_commands(sub)
    _rotate_command(sub)
    _cluster_command(sub)
    _bench_commands(sub)
    return parser


def _command(sub, name: str, func, text: str, db: bool = True) -> argparse.ArgumentParser:
    command = sub.add_parser(name, help=text)
    if db:
        command.add_argument("--db", help=DB_HELP)
    command.set_defaults(func=func)
    return command


def _room_commands(sub) -> None:
    serve = _command(sub, "serve", cmd_serve, "run the server (gevent, WebSocket)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)
    demo = _command(sub, "demo", cmd_demo, "create (or reuse) the demo event and account")
    demo.add_argument("--base-url", default="http://127.0.0.1:5000")
    demo.add_argument("--json", action="store_true", help="print one JSON object")
    demo.add_argument("--notes", type=int, default=0, metavar="N",
                      help="top the demo event up to N realistic notes")
    user = _command(sub, "create-user", cmd_create_user, "create a facilitator account")
    user.add_argument("username")
    user.add_argument("--password", help="(default: asked for, not echoed)")
    qr = _command(sub, "qr", cmd_qr, "write a QR code (PNG or SVG by extension)", db=False)
    qr.add_argument("url")
    qr.add_argument("-o", "--output", required=True)


def _data_commands(sub) -> None:
    _command(sub, "purge", cmd_purge, "delete events past their retention period")
    report = _command(sub, "report", cmd_report,
                      "the summary of an event as .docx, PDF (LibreOffice), Markdown, CSV or JSON")
    report.add_argument("event_id")
    report.add_argument("-o", "--output", required=True, help="file to write")
    report.add_argument("--format", choices=("docx", "pdf", "md", "csv", "json"),
                        help="(default: from -o's extension)")
    export = _command(sub, "export", cmd_export, "all notes of an event as CSV or JSON")
    export.add_argument("event_id")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--semicolon", action="store_true",
                        help="';' between CSV fields (Swedish Excel)")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")


def _rotate_command(sub) -> None:
    rotate = _command(sub, "rotate", cmd_rotate, "plan table rotations from a people CSV",
                      db=False)
    rotate.add_argument("people", metavar="PEOPLE.csv", help="columns id, name [, org, host]")
    rotate.add_argument("--rounds", type=int, required=True, metavar="N")
    rotate.add_argument("--table-size", type=int, default=4, metavar="K")
    rotate.add_argument("--mode", default="mix", help="mix | pairs | hosts (default: mix)")
    rotate.add_argument("--seed", type=int, default=0)
    rotate.add_argument("--attendance", metavar="FILE.json",
                        help='{"join": {"2": ["id"]}, "leave": {"3": ["id"]}} (1-based rounds)')
    rotate.add_argument("--json", action="store_true", help="print one JSON object")
    rotate.error = _one_line_error          # bad arguments too: one line, exit 2


def _one_line_error(message: str) -> None:
    print(f"facilitator rotate: {message}", file=sys.stderr)
    sys.exit(2)


def _cluster_command(sub) -> None:
    cluster = _command(sub, "cluster", cmd_cluster, "themes of a file of notes (one a line)",
                       db=False)
    cluster.add_argument("notes", metavar="NOTES.txt", help="UTF-8, one note per non-empty line")
    cluster.add_argument("--lang", choices=("sv", "en", "auto"), default="auto")
    cluster.add_argument("--themes", type=int, metavar="N", help="about N themes (default: automatic)")
    cluster.add_argument("--seeds", metavar="SEEDS.json",
                         help='themes placed by hand: {"label": [0-based line numbers], ...};'
                              ' every other note is sorted to them, to new themes or Övrigt')
    cluster.add_argument("--json", action="store_true", help="print one JSON object")


def _bench_commands(sub) -> None:
    bench = sub.add_parser("bench", help="benchmarks with many Socket.IO clients (the `bench` extra)")
    kinds = bench.add_subparsers(dest="bench", required=True)
    for name, text in (("timer", "timer propagation to every phone"),
                       ("notes", "N phones send a note at once"),
                       ("room", "N phones get timer broadcasts while all send a note"),
                       ("outside", "the timer figure again from an independent raw-WebSocket generator"),
                       ("votes", "N phones place and move dots at once on one vote")):
        kind = _command(kinds, name, cmd_bench, text, db=False)
        kind.add_argument("--clients", type=int, default=100)
        kind.add_argument("--processes", type=int, metavar="P",
                          help="client processes the phones are spread over (default: one per "
                               "core, at least 2)")
        kind.add_argument("--url", help="an already running server (default: start one on loopback)")
        kind.add_argument("--event", help="event id on --url")
        kind.add_argument("--login", help="USER:PASSWORD of a facilitator of --event on --url")
        kind.add_argument("--json", action="store_true", help="print one JSON object")
        if name != "notes":
            kind.add_argument("--rounds", type=int, default=5 if name == "room" else 10)
    _quality_benches(kinds)


def _quality_benches(kinds) -> None:
    """Listed in the help; main() hands them their arguments (`... rotation --help`)."""
    kinds.add_parser("rotation", help="rotation quality and speed for a range of rooms")
    kinds.add_parser("themes", help="themes speed and ARI on the labelled sets (from a checkout)")
    kinds.add_parser("report", help="the summary's build time (and pages) at 150-2,000 notes")


def _quality_bench(name: str, argv: list[str]) -> int:
    import importlib

    return importlib.import_module(f"facilitator.bench.{name}").main(argv)


@contextlib.contextmanager
def _database(db_path: str | None):
    """(app, db) for a one-off command on the configured or given SQLite file."""
    from ..db import connect

    app = _app(db_path)
    db = connect(app.config["DB_PATH"])
    try:
        yield app, db
    finally:
        db.close()


def _app(db_path: str | None, **extra):
    from .. import create_app

    overrides = dict(extra)
    if db_path:
        overrides["DB_PATH"] = str(Path(db_path).resolve())
    return create_app(overrides)


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import gevent
    from gevent import monkey

    # gevent records the spawning stack of every greenlet (for debugging), and
    # python-socketio spawns one per event: a cost on every note. Off unless the
    # environment asks for it (GEVENT_TRACK_GREENLET_TREE). Set before the hub exists.
    if "GEVENT_TRACK_GREENLET_TREE" not in os.environ:
        gevent.config.track_greenlet_tree = False
    monkey.patch_all()
    from ..serving import (announce, public_url_for, start_auto_advance, start_embedding,
                           start_facilitator_recheck, start_purge)

    app = _app(args.db, ASYNC_MODE="gevent")
    if not app.config["PUBLIC_URL"]:
        app.config["PUBLIC_URL"] = public_url_for(args.host, args.port)
    announce(app, args.host, args.port)
    start_auto_advance(app)
    start_purge(app)
    start_facilitator_recheck(app)
    start_embedding(app)
    from ..webserver import serve

    serve(app, args.host, args.port)  # no access log; timeouts; the open-file limit raised
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    import random

    from ..usecases import accounts, demo_data
    from ..clock import now
    from ..links import event_links

    with _database(args.db) as (app, db):
        if not 0 <= args.notes <= 100_000:
            raise UserError("--notes must be 0..100000")
        user, password = accounts.ensure_demo_user(db, app.config["SECRET_KEY"], now())
        event, created = demo_data.ensure_demo_event(db, random.SystemRandom(), now(), user.id)
        added = demo_data.seed_demo_notes(db, event.id, args.notes, random.Random(2026), now())
    links = event_links(args.base_url, event, app.config["SECRET_KEY"])
    login = {"username": user.username, "password": password}
    if args.json:
        print(json.dumps({"event_id": event.id, "join_code": event.join_code,
                          "created": created, "db": app.config["DB_PATH"], "login": login,
                          "notes_added": added, **links}, ensure_ascii=False))
    else:
        print(f"{'Created' if created else 'Reusing'} demo event {event.name!r} ({event.id})")
        for key, url in links.items():
            print(f"  {key:16} {url}")
        print(f"  log in as       {login['username']} / {login['password']}")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    import getpass

    from ..usecases import accounts
    from ..clock import now
    from ..usecases.validation import ValidationError

    password = args.password
    if password is None:
        password = getpass.getpass("Password (at least 10 characters): ")
        if getpass.getpass("Again: ") != password:
            raise UserError("the passwords differ")
    messages = {"bad_username": "3-64 characters: a-z, 0-9 and . _ @ -",
                "weak_password": "the password needs 10 to 256 characters",
                "common_password": "that password is too common (or built from the username);"
                                   " choose a longer phrase",
                "taken": "that username is taken"}
    with _database(args.db) as (_app_, db):
        try:
            user = accounts.create_user(db, args.username, password, now())
        except ValidationError as exc:
            raise UserError("; ".join(messages.get(v, v) for v in exc.errors.values())) from exc
    print(f"created facilitator account {user.username!r}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from ..usecases import accounts
    from ..clock import now

    with _database(args.db) as (_app_, db):
        deleted = accounts.purge_expired(db, now().date())
    print(f"deleted {len(deleted)} event(s) past their retention period")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from ..clock import now
    from ..usecases import events, reports

    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in reports.REPORT_FORMATS:
        raise UserError("give --format docx|pdf|md|csv|json or an output file ending in .docx,"
                        " .pdf, .md, .csv or .json")
    with _database(args.db) as (app, db):
        if events.get_event(db, args.event_id) is None:
            raise UserError(f"no event with id {args.event_id!r} in {app.config['DB_PATH']}")
        try:
            body = reports.report_bytes(db, args.event_id, fmt, now())
        except reports.PdfUnavailable as exc:
            raise UserError(str(exc)) from exc
    try:
        Path(args.output).write_bytes(body)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from exc
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..usecases import events, notes

    with _database(args.db) as (app, db):
        if events.get_event(db, args.event_id) is None:
            raise UserError(f"no event with id {args.event_id!r} in {app.config['DB_PATH']}")
        if args.format == "json":
            text = notes.export_json(db, args.event_id) + "\n"
        else:
            text = notes.export_csv(db, args.event_id, ";" if args.semicolon else ",")
    if not args.output:
        sys.stdout.write(terminal_safe(text.removeprefix("\ufeff")))
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from exc
    return 0


def terminal_safe(text: str) -> str:
    """Control characters other than tab and line breaks written out as \\u001b etc. (a JSON
    escape, so JSON stays valid), so a note with ESC or BEL cannot drive the terminal that
    shows it; a file written with -o keeps them as they are."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r"
                   else ch for ch in text)


def cmd_rotate(args: argparse.Namespace) -> int:
    from . import rotate as rotate_cli

    return rotate_cli.run(args, UserError)


def cmd_bench(args: argparse.Namespace) -> int:
    from ..bench import requirements

    problem = requirements.problem()
    if problem:
        raise UserError(problem)
    from ..bench import fleet, notes, outside, room, timer, votes

    if not 1 <= args.clients <= 20_000:
        raise UserError("--clients must be 1..20000")
    processes = fleet.default_processes() if args.processes is None else args.processes
    if not 1 <= processes <= 64:
        raise UserError("--processes must be 1..64")
    where = {"url": args.url, "event_id": args.event, "login": args.login, "processes": processes}
    try:
        if args.bench == "notes":
            result = notes.run(args.clients, **where)
        elif args.bench == "votes":
            result = votes.run(args.clients, **where)
        else:
            bench = {"timer": timer, "room": room, "outside": outside}[args.bench]
            result = bench.run(args.clients, max(1, args.rounds), **where)
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc
    _print_result(result, args.json)
    return 0


def _print_result(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:22} {value}")


def cmd_cluster(args: argparse.Namespace) -> int:
    from .cluster import run

    return run(args.notes, args.lang, args.themes, args.json, UserError, seeds=args.seeds)


def cmd_qr(args: argparse.Namespace) -> int:
    from ..domain.qr import format_for_filename, qr_bytes

    if not args.url.strip():
        raise UserError("the URL is empty")
    try:
        fmt = format_for_filename(args.output)
        data = qr_bytes(args.url, fmt)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror}") from exc
    return 0
