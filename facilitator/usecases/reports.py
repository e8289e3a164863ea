"""Use cases for the summary: what it shows (hidden notes never), in every format."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from .. import pdf, store
from ..pdf import PdfUnavailable  # noqa: F401  (the handlers catch it from here)
from ..domain.filenames import download_name
from ..domain.report.labels import labels_in
from ..domain.report.docx import build_docx
from ..domain.report.markdown import build_markdown
from ..domain.report.structure import ReportData
from ..domain.report.tables import build_csv, build_json
from . import evaluation, rotation, themes, votes


def report_data(db: Database, event_id: str) -> ReportData:
    """Everything the summary shows; hidden notes never get into it."""
    event = store.get_event(db, event_id)
    if event is None:
        raise LookupError(event_id)
    return ReportData(event, store.list_questions(db, event_id), store.list_steps(db, event_id),
                      store.list_notes(db, event_id, visible_only=True),
                      store.get_logo(db, event_id), evaluation.results(db, event_id),
                      themes.all_themes(db, event_id), rotation.encounters(db, event_id),
                      report_votes(db, event_id), store.count_attendees(db, event_id))


def report_votes(db: Database, event_id: str) -> list[dict[str, Any]]:
    """The event's dot votes that were opened and got dots, as the report shows them:
    [{"title", "options": [{"label", "votes"}], "phones", "dots_per_phone"}], options in
    the vote's own order (the renderers rank them)."""
    return [{"title": r["title"],
             "options": [{"label": o["label"], "votes": o["votes"]} for o in r["options"]],
             "phones": r["phones"], "dots_per_phone": r["dots_per_phone"]}
            for r in votes.reported_results(db, event_id)]


def report_docx(db: Database, event_id: str, now: datetime) -> bytes:
    return build_docx(report_data(db, event_id), now)


def report_pdf(db: Database, event_id: str, now: datetime) -> bytes:
    """The summary as PDF, converted from the .docx by LibreOffice (PdfUnavailable without)."""
    data = report_data(db, event_id)
    return pdf.docx_to_pdf_with_contents(lambda pages: build_docx(data, now, pages))


def report_filename(db: Database, event_id: str, fmt: str) -> str:
    """"Sammanställning <event> <date>.docx": what the download and the CLI suggest."""
    return download_name(labels_in(_event(db, event_id).language)["file"], _event(db, event_id), fmt)


def notes_filename(db: Database, event_id: str, fmt: str) -> str:
    """"Lappar <event> <date>.csv" for the notes export."""
    event = _event(db, event_id)
    return download_name(labels_in(event.language)["notes_file"], event, fmt)


def _event(db: Database, event_id: str):
    event = store.get_event(db, event_id)
    if event is None:
        raise LookupError(event_id)
    return event


def report_markdown(db: Database, event_id: str) -> str:
    return build_markdown(report_data(db, event_id))


def report_csv(db: Database, event_id: str) -> str:
    """The summary's structure, one row per note (question, theme, pinned, text)."""
    return build_csv(report_data(db, event_id))


def report_json(db: Database, event_id: str) -> str:
    return build_json(report_data(db, event_id))


def report_bytes(db: Database, event_id: str, fmt: str, now: datetime) -> bytes:
    """The summary in one of REPORT_FORMATS."""
    if fmt == "docx":
        return report_docx(db, event_id, now)
    if fmt == "pdf":
        return report_pdf(db, event_id, now)
    build = {"md": report_markdown, "csv": report_csv, "json": report_json}[fmt]
    return build(db, event_id).encode("utf-8")


REPORT_FORMATS = ("docx", "pdf", "md", "csv", "json")
