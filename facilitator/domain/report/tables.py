"""The summary's structure as data: JSON for other tools, CSV for a spreadsheet.

The same sections as the Word and Markdown summaries (question, theme,
pinned, note text); hidden notes are never in ``ReportData``.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from .structure import (ReportData, Section, ThemeSection, all_questions_themes, featured_first,
                        labels_for, sections)

CSV_FIELDS = ("question", "theme", "other", "pinned", "starred", "text")


def report_structure(data: ReportData) -> dict[str, Any]:
    labels = labels_for(data)
    event = data.event
    out = [_section(s) for s in sections(data, labels)]
    across = all_questions_themes(data, labels)
    if across:
        out.append(_section(Section(labels["all_themes"], [], across)))
    return {"event": {"id": event.id, "name": event.name, "date": event.date,
                      "place": event.place, "organiser": event.organiser,
                      "language": event.language},
            "sections": out, "encounters": data.encounters}


def _section(section: Section) -> dict[str, Any]:
    body: dict[str, Any] = {"question": section.heading, "count": len(section.notes)}
    if section.themes:
        body["themes"] = [_theme(t) for t in section.themes]
    else:
        body["notes"] = [{"text": n.text, "pinned": False, "starred": n.starred}
                         for n in featured_first(section.notes)]
    return body


def _theme(theme: ThemeSection) -> dict[str, Any]:
    return {"label": theme.label, "other": theme.other, "count": len(theme.notes),
            "notes": [{"text": m.note.text, "pinned": m.pinned, "starred": m.note.starred}
                      for m in theme.notes]}


def build_json(data: ReportData) -> str:
    return json.dumps(report_structure(data), ensure_ascii=False, indent=2)


def build_csv(data: ReportData, delimiter: str = ",") -> str:
    """One row per note: UTF-8 with a BOM for Excel; formulas defused."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, delimiter=delimiter,
                            lineterminator="\r\n")
    writer.writeheader()
    for section in report_structure(data)["sections"]:
        groups = section.get("themes") or [{"label": "", "other": False,
                                            "notes": section.get("notes", [])}]
        for theme in groups:
            for note in theme["notes"]:
                writer.writerow({"question": _defuse(section["question"]),
                                 "theme": _defuse(theme["label"]), "other": int(theme["other"]),
                                 "pinned": int(note["pinned"]), "starred": int(note["starred"]),
                                 "text": _defuse(note["text"])})
    return "\ufeff" + out.getvalue()


def _defuse(value: str) -> str:
    """Stop a spreadsheet from running a text as a formula (=, +, -, @ at the start)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
