"""What a summary report contains, shared by the Word and Markdown renderings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

from ..models import EvalItem, Event, Note, Question, Step

LABELS = {
    "sv": {"date": "Datum", "place": "Plats", "organiser": "Arrangör", "notes": "Lappar",
           "method": "Så arbetade vi", "minutes": "min", "question": "Fråga",
           "other": "Lappar utan fråga", "none": "Inga lappar ännu.",
           "count": "{n} lappar", "count_one": "1 lapp", "page": "Sida",
           "prepared": "Förberedda svar", "prepared_intro": "Svar som skickades in före dagen.",
           "appendix": "Bilaga: alla lappar", "questions": "Frågor", "featured": "Framlyft",
           "contents": "Innehåll", "evaluation": "Utvärdering", "mean": "medelvärde",
           "median": "median", "answers": "svar", "comments": "Kommentarer"},
    "en": {"date": "Date", "place": "Place", "organiser": "Organiser", "notes": "Notes",
           "method": "How we worked", "minutes": "min", "question": "Question",
           "other": "Notes without a question", "none": "No notes yet.",
           "count": "{n} notes", "count_one": "1 note", "page": "Page",
           "prepared": "Prepared answers", "prepared_intro": "Answers sent in before the day.",
           "appendix": "Appendix: all notes", "questions": "Questions", "featured": "Featured",
           "contents": "Contents", "evaluation": "Evaluation", "mean": "mean",
           "median": "median", "answers": "answers", "comments": "Comments"},
}


@dataclass(frozen=True)
class ReportData:
    """What the report shows. ``notes`` are the visible ones: hidden notes never get here."""
    event: Event
    questions: list[Question] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    logo: bytes | None = None  # PNG or JPEG the organiser uploaded
    evaluation: list[tuple[EvalItem, dict]] = field(default_factory=list)  # (item, summary)

    @property
    def room_notes(self) -> list[Note]:
        return [n for n in self.notes if not n.prepared]

    @property
    def prepared_notes(self) -> list[Note]:
        return [n for n in self.notes if n.prepared]



def labels_for(data: ReportData) -> dict[str, str]:
    return LABELS.get(data.event.language, LABELS["sv"])


def notes_by_question(questions: list[Question], notes: list[Note], labels: dict[str, str]):
    """(heading, notes) per question in programme order; unassigned notes last."""
    groups = [(q.text, [n for n in notes if n.question_id == q.id]) for q in questions]
    known = {q.id for q in questions}
    loose = [n for n in notes if n.question_id not in known]
    if loose or not groups:
        groups.append((labels["other"] if groups else labels["notes"], loose))
    return groups



def featured_first(notes: list[Note]) -> list[Note]:
    """Starred notes first; otherwise the order they arrived in."""
    return sorted(notes, key=lambda n: not n.starred)


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Word files cannot hold C0 control characters: drop them, keep everything else."""
    return _XML_UNSAFE.sub("", text)


def _clean(item):
    changes = {f.name: xml_safe(getattr(item, f.name)) for f in fields(item)
               if isinstance(getattr(item, f.name), str)}
    return replace(item, **changes)


def xml_safe_data(data: ReportData) -> ReportData:
    """The same report data with every text made safe for the .docx XML."""
    evaluation = [(_clean(item), {**summary, "comments": [xml_safe(c) for c in summary["comments"]]})
                  for item, summary in data.evaluation]
    return ReportData(_clean(data.event), [_clean(q) for q in data.questions],
                      [_clean(s) for s in data.steps], [_clean(n) for n in data.notes], data.logo,
                      evaluation)


def number(value: float, language: str) -> str:
    """2.67 as "2,67" in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "sv" else text
