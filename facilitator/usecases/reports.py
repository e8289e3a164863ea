"""Use cases for the summary: what it shows (hidden notes never), in every format."""
from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from .. import store
from ..domain.report.docx import build_docx
from ..domain.report.markdown import build_markdown
from ..domain.report.structure import ReportData
from ..domain.report.tables import build_csv, build_json
from . import evaluation, rotation, themes


def report_data(db: Database, event_id: str) -> ReportData:
    """Everything the summary shows; hidden notes never get into it."""
    event = store.get_event(db, event_id)
    if event is None:
        raise LookupError(event_id)
    return ReportData(event, store.list_questions(db, event_id), store.list_steps(db, event_id),
                      store.list_notes(db, event_id, visible_only=True),
                      store.get_logo(db, event_id), evaluation.results(db, event_id),
                      themes.all_themes(db, event_id), rotation.encounters(db, event_id))


def report_docx(db: Database, event_id: str, now: datetime) -> bytes:
    return build_docx(report_data(db, event_id), now)


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
    build = {"md": report_markdown, "csv": report_csv, "json": report_json}[fmt]
    return build(db, event_id).encode("utf-8")


REPORT_FORMATS = ("docx", "md", "csv", "json")
