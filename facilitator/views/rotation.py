"""The facilitator's rotation page: people, settings, the rounds, printing."""
from __future__ import annotations

import random

from flask import abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..usecases import people, rotation
from ..clock import now
from ..db import get_db
from ..domain.qr import qr_bytes
from ..domain.registration import RegistrationError
from ..screens import screens
from ..usecases.validation import ValidationError
from .common import links_for, socket_token
from .facilitator import bp

_rng = random.SystemRandom()


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "windows-1252")


@bp.get("/f/events/<event_id>/rotation")
def rotation_page(event_id: str):
    """After an import (?imported=N&read_as=ENCODING) the page says how the file was read."""
    imported = request.args.get("imported", type=int)
    read_as = request.args.get("read_as")
    notice = ({"count": imported, "encoding": read_as}
              if imported is not None and 0 <= imported <= 100_000 and read_as in ENCODINGS
              else None)
    return _render(g.event, imported=notice)


@bp.post("/f/events/<event_id>/rotation/import")
def rotation_import(event_id: str):
    """A registration list (CSV); every bad row is reported and nothing is imported then."""
    event = g.event
    upload = request.files.get("file")
    try:
        done = people.import_csv(get_db(), event.id, upload.read() if upload else b"", now())
    except RegistrationError as exc:
        return _render(event, import_error=exc), 400
    except ValidationError as exc:
        return _render(event, errors=exc.errors), 400
    return _changed(event.id, imported=done.count, read_as=done.encoding)


@bp.post("/f/events/<event_id>/rotation/people")
def rotation_add(event_id: str):
    """Someone by hand, or (with seats=N) N numbered seats."""
    form = request.form
    if form.get("seats"):
        return _change(event_id, lambda db, event: people.add_seats(
            db, event.id, form.get("seats"), _("Seat"), now()), form=form)
    return _change(event_id, lambda db, event: people.add_person(db, event.id, form, now()),
                   form=form)


@bp.post("/f/events/<event_id>/rotation/checkin")
def rotation_checkin(event_id: str):
    """Let phones check themselves in (off by default: a check-in adds a name to the
    projector's table map, so anyone with the join code could fill it)."""
    return _change(event_id, lambda db, event: people.set_checkin_open(
        db, event.id, request.form.get("on") == "1"))


PERSON_CHANGES = {
    "present": lambda db, event, pid, form: people.set_present(db, event.id, pid, True),
    "absent": lambda db, event, pid, form: people.set_present(db, event.id, pid, False),
    "host": lambda db, event, pid, form: people.set_host(db, event.id, pid, form.get("table")),
    "remove": lambda db, event, pid, form: people.remove_person(db, event.id, pid),
}


@bp.post("/f/events/<event_id>/rotation/people/<int:person_id>/<change>")
def rotation_person(event_id: str, person_id: int, change: str):
    """present, absent, host (with a table number) or remove; 404 for anyone not on the list."""
    if change not in PERSON_CHANGES:
        abort(404)
    return _change(event_id, lambda db, event: PERSON_CHANGES[change](
        db, event, person_id, request.form), missing_person_404=True)


@bp.post("/f/events/<event_id>/rotation/wishes")
def rotation_wish(event_id: str):
    """Keep two people apart or together; with remove=<id>, drop that wish."""
    form = request.form
    if form.get("remove"):
        return _change(event_id, lambda db, event: people.remove_wish(
            db, event.id, _number(form.get("remove"))))
    return _change(event_id, lambda db, event: people.add_wish(
        db, event.id, form.get("a"), form.get("b"), form.get("kind")))


def _number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError({"wish": "unknown_wish"}) from None


@bp.post("/f/events/<event_id>/rotation/settings")
def rotation_settings(event_id: str):
    form = request.form
    seed = _rng.randrange(1, 2**31) if form.get("reshuffle") else None
    return _change(event_id, lambda db, event: rotation.update_settings(
        db, event.id, form, new_seed=seed), settings_form=form)


@bp.post("/f/events/<event_id>/rotation/show")
def rotation_show(event_id: str):
    """The room moves to a round: phones and the projector show the new tables."""
    return _change(event_id, lambda db, event: rotation.show_round(
        db, event.id, request.form.get("round")))


@bp.post("/f/events/<event_id>/rotation/swap")
def rotation_swap(event_id: str):
    form = request.form
    return _change(event_id, lambda db, event: rotation.swap(
        db, event.id, form.get("round"), form.get("a"), form.get("b")))


def _change(event_id: str, action, missing_person_404: bool = False, **keep):
    """Run one change on the facilitator's event: on success tell the screens and show the
    page again; on bad input the page with the problem (400) and the form as typed."""
    event = g.event
    try:
        action(get_db(), event)
    except ValidationError as exc:
        if missing_person_404 and exc.errors.get("person") == "unknown_person":
            abort(404)
        return _render(event, errors=exc.errors, **keep), 400
    return _changed(event.id)


@bp.get("/f/events/<event_id>/rotation/print")
def rotation_print(event_id: str):
    """The plan of every round and one card per table, laid out for paper."""
    event = g.event
    view = rotation.overview(get_db(), event.id)
    join_url = links_for(event)["join_url"]
    tables = max((len(r) for r in view["rounds"]), default=0)
    cards = [{"no": t, "colour": rotation.colour(t)[0], "colour_name": rotation.colour(t)[1],
              "qr": _inline_svg(qr_bytes(f"{join_url}?t={t}", "svg"))} for t in range(1, tables + 1)]
    return render_template("facilitator/rotation_print.html", event=event, cards=cards,
                           join_url=join_url, **view)


def _changed(event_id: str, **args):
    screens().seating(event_id)
    return redirect(url_for(".rotation_page", event_id=event_id, **args))


def _render(event, form=None, settings_form=None, errors=None, import_error=None, imported=None):
    view = rotation.overview(get_db(), event.id)
    config = view["settings"]
    return render_template(
        "facilitator/rotation.html", event=event, form=form or {}, errors=errors or {},
        token=socket_token(event),
        import_error=import_error, imported=imported, modes=rotation.MODES,
        settings_form=settings_form or {"mode": config.mode, "size": config.size,
                                        "tables": config.tables or "", "rounds": config.rounds},
        **view)


def _inline_svg(svg: bytes) -> str:
    """SVG markup to put in the page (our own QR output, without its XML declaration)."""
    text = svg.decode("utf-8")
    return text[text.index("<svg"):]
