"""The same summary as Markdown: for an intranet page, an e-mail or a wiki."""
from __future__ import annotations

from ..models import Note
from .report_data import ReportData, featured_first, labels_for, notes_by_question


def build_markdown(data: ReportData) -> str:
    labels = labels_for(data)
    event = data.event
    lines = [f"# {_line(event.name)}", ""]
    for key, value in (("date", event.date), ("place", event.place), ("organiser", event.organiser)):
        if value:
            lines.append(f"- **{labels[key]}:** {_line(value)}")
    lines += [f"- **{labels['notes']}:** {len(data.room_notes)}", ""]
    if data.steps:
        lines += [f"## {labels['method']}", ""]
        lines += [f"{i}. **{_line(s.title)}** ({round(s.duration_s / 60)} {labels['minutes']})"
                  + (f" – {_line(s.instruction)}" if s.instruction else "")
                  for i, s in enumerate(data.steps, 1)]
        lines.append("")
    for heading, notes in notes_by_question(data.questions, data.room_notes, labels):
        lines += [f"## {_line(heading)}", ""] + _quotes(notes, labels)
    if data.prepared_notes:
        lines += [f"## {labels['prepared']}", "", labels["prepared_intro"], ""]
        for heading, notes in notes_by_question(data.questions, data.prepared_notes, labels):
            if notes:
                lines += [f"### {_line(heading)}", ""] + _quotes(notes, labels)
    return "\n".join(lines).rstrip() + "\n"


def _quotes(notes: list[Note], labels: dict[str, str]) -> list[str]:
    if not notes:
        return [f"*{labels['none']}*", ""]
    count = labels["count_one"] if len(notes) == 1 else labels["count"].format(n=len(notes))
    out = [f"*{count}*", ""]
    for note in featured_first(notes):
        mark = f"**{labels['featured']}:** " if note.starred else ""
        by = f" – {_line(note.prepared_by)}" if note.prepared_by else ""
        out += ["> " + mark + _escape(note.text).replace("\n", "\n> ") + by, ""]
    return out


def _line(text: str) -> str:
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    """Keep note text as text: Markdown and HTML characters are escaped, never interpreted."""
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text
