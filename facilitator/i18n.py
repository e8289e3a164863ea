"""Swedish first, English second, through Flask-Babel.

Catalogues live as .po files in the package; they are compiled to .mo in
the instance folder on start, so no build step and no binaries in git.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, request
from flask_babel import Babel, format_date, get_locale
from flask_babel import gettext as _

from .domain import numbers

SOURCE = Path(__file__).parent / "translations"
LOCALES = ("sv", "en")


def compile_catalogues(target: Path) -> None:
    """Compile every .po newer than its .mo into ``target``."""
    for po_path in SOURCE.glob("*/LC_MESSAGES/messages.po"):
        mo_path = target / po_path.relative_to(SOURCE).with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as handle:
            catalogue = read_po(handle)
        tmp = mo_path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalogue)
        tmp.replace(mo_path)


def select_locale() -> str:
    """?lang= wins, then the lang cookie, then the page's event, then the default."""
    for candidate in (request.args.get("lang"), request.cookies.get("lang"),
                      g.get("event_language")):
        if candidate in LOCALES:
            return candidate
    return current_app.config["DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    target = Path(app.instance_path) / "translations"
    compile_catalogues(target)
    Babel(app, locale_selector=select_locale, default_translation_directories=str(target))

    @app.template_filter("long_date")
    def long_date(iso: str) -> str:
        """2026-11-23 as "23 november 2026" (sv) or "23 November 2026" (en); other text as is."""
        try:
            return format_date(date.fromisoformat(iso), "long")
        except (TypeError, ValueError):
            return iso or ""

    @app.template_filter("decimal")
    def decimal(number: float) -> str:
        """2.5 as "2,5" (sv) or "2.5" (en): the page's language, as Realtime.decimal in JS."""
        return numbers.decimal(number, str(get_locale() or current_app.config["DEFAULT_LOCALE"]))

    @app.context_processor
    def locale_helpers():
        return {"get_locale": lambda: str(get_locale() or current_app.config["DEFAULT_LOCALE"]),
                "colour_names": colour_names()}

    @app.after_request
    def remember_language(response):
        chosen = request.args.get("lang")
        if chosen in LOCALES:
            response.set_cookie("lang", chosen, max_age=365 * 24 * 3600, samesite="Lax")
        return response


def colour_names() -> dict[str, str]:
    """Table colours by key (see rotation.COLOURS), in the page's language."""
    return {"red": _("red"), "blue": _("blue"), "green": _("green"), "orange": _("orange"),
            "purple": _("purple"), "teal": _("teal"), "pink": _("pink"), "brown": _("brown"),
            "yellow": _("yellow"), "grey": _("grey"), "navy": _("navy"), "olive": _("olive")}
