"""The same summary as Markdown: for an intranet page, an e-mail or a wiki."""
from __future__ import annotations

import re

from ...models import Note
from .structure import (ReportData, ThemeSection, all_questions_themes, count_label,
                        encounter_lines, featured_first, labels_for, notes_by_question, sections,
                        theme_count)


def build_markdown(data: ReportData) -> str:
    labels = labels_for(data)
    event = data.event
    lines = [f"# {_line(event.name)}", ""]
    for key, value in (("date", event.date), ("place", event.place), ("organiser", event.organiser)):
        if value:
            lines.append(f"- **{labels[key]}:** {_line(value)}")
    lines.append(f"- **{labels['notes']}:** {len(data.room_notes)}")
    if theme_count(data):
        lines.append(f"- **{labels['themes']}:** {theme_count(data)}")
    lines.append("")
    if data.steps:
        lines += [f"## {labels['method']}", ""]
        lines += [f"{i}. **{_line(s.title)}** ({round(s.duration_s / 60)} {labels['minutes']})"
                  + (f" – {_line(s.instruction)}" if s.instruction else "")
                  for i, s in enumerate(data.steps, 1)]
        lines.append("")
    if encounter_lines(data, labels):
        lines += [f"### {labels['encounters']}", ""]
        lines += [f"- {line}" for line in encounter_lines(data, labels)] + [""]
    for section in sections(data, labels):
        lines += [f"## {_line(section.heading)}", ""]
        if section.themes:
            lines += [f"*{count_label(len(section.notes), labels)}*", ""]
            lines += _themes(section.themes, labels)
        else:
            lines += _quotes(section.notes, labels)
    if all_questions_themes(data, labels):
        lines += [f"## {labels['all_themes']}", ""] + _themes(all_questions_themes(data, labels),
                                                               labels)
    if data.prepared_notes:
        lines += [f"## {labels['prepared']}", "", labels["prepared_intro"], ""]
        for heading, notes in notes_by_question(data.questions, data.prepared_notes, labels):
            if notes:
                lines += [f"### {_line(heading)}", ""] + _quotes(notes, labels)
    return "\n".join(lines).rstrip() + "\n"


def _themes(themes: list[ThemeSection], labels: dict[str, str]) -> list[str]:
    """Each theme as a ### heading with its size; pinned and featured quotes first, in bold."""
    out = []
    for theme in themes:
        out += [f"### {_line(theme.label)}", "", f"*{count_label(len(theme.notes), labels)}*", ""]
        for member in theme.notes:
            mark = f"**{labels['featured']}:** " if member.pinned or member.note.starred else ""
            out += [_quote(member.note, mark), ""]
    return out


def _quote(note: Note, mark: str = "") -> str:
    by = f" – {_line(note.prepared_by)}" if note.prepared_by else ""
    lines = [_block_safe(_escape(line)) for line in re.split(r"\r\n|\r|\n", note.text)]
    return "> " + mark + "\n> ".join(lines) + by


# What starts a block when it opens a line: a heading, a rule or setext underline, a list
# item, a quote, a fence. A note's line that starts so gets that character escaped.
_BLOCK_START = re.compile(r"^(\s{0,3})([#=+\->~]|\d+[.)])")


def _block_safe(line: str) -> str:
    """A line of a note kept as text inside its quote: it cannot become a heading or rule."""
    found = _BLOCK_START.match(line)
    if not found:
        return line
    indent, marker = found.groups()
    escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
    return indent + escaped + line[found.end():]


def _quotes(notes: list[Note], labels: dict[str, str]) -> list[str]:
    if not notes:
        return [f"*{labels['none']}*", ""]
    out = [f"*{count_label(len(notes), labels)}*", ""]
    for note in featured_first(notes):
        out += [_quote(note, f"**{labels['featured']}:** " if note.starred else ""), ""]
    return out


def _line(text: str) -> str:
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    """Keep note text as text: Markdown and HTML characters are escaped, never interpreted."""
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text
