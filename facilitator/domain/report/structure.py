"""What a summary report contains, shared by the Word and Markdown renderings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

from ...models import EvalItem, Event, Note, Question, Step, Theme, ThemeNote
from ..programme import asked_question_ids

LABELS = {
    "sv": {"date": "Datum", "place": "Plats", "organiser": "Arrangör", "notes": "Lappar",
           "method": "Så arbetade vi", "minutes": "min", "question": "Fråga",
           "other": "Lappar utan fråga", "none": "Inga lappar ännu.",
           "not_asked": "ställs inte längre i programmet",
           "count": "{n} lappar", "count_one": "1 lapp", "page": "Sida",
           "prepared": "Förberedda svar", "prepared_intro": "Svar som skickades in före dagen.",
           "appendix": "Bilaga: alla lappar", "questions": "Frågor", "featured": "Framlyft",
           "contents": "Innehåll", "evaluation": "Utvärdering", "mean": "medelvärde",
           "median": "median", "answers": "svar", "comments": "Kommentarer",
           "themes": "Teman", "all_themes": "Teman över alla frågor", "unsorted": "Ännu inte sorterade",
           "encounters": "Möten mellan deltagarna",
           "enc_rounds": "{rounds} omgångar vid bord med {people} deltagare.",
           "enc_met": "Varje deltagare mötte minst {min} och i genomsnitt {mean} andra.",
           "enc_repeats": "Upprepade möten (samma två vid samma bord igen): {repeats}.",
           "enc_mixed": "{tables} % av borden blandade organisationer; {pairs} % av mötena var mellan "
                        "personer från olika organisationer."},
    "en": {"date": "Date", "place": "Place", "organiser": "Organiser", "notes": "Notes",
           "method": "How we worked", "minutes": "min", "question": "Question",
           "other": "Notes without a question", "none": "No notes yet.",
           "not_asked": "no longer asked in the programme",
           "count": "{n} notes", "count_one": "1 note", "page": "Page",
           "prepared": "Prepared answers", "prepared_intro": "Answers sent in before the day.",
           "appendix": "Appendix: all notes", "questions": "Questions", "featured": "Featured",
           "contents": "Contents", "evaluation": "Evaluation", "mean": "mean",
           "median": "median", "answers": "answers", "comments": "Comments",
           "themes": "Themes", "all_themes": "Themes across all questions", "unsorted": "Not sorted yet",
           "encounters": "Who met whom",
           "enc_rounds": "{rounds} rounds at tables with {people} participants.",
           "enc_met": "Each participant met at least {min} and on average {mean} others.",
           "enc_repeats": "Repeat encounters (the same two at one table again): {repeats}.",
           "enc_mixed": "{tables} % of the tables mixed organisations; {pairs} % of the encounters "
                        "were between people from different organisations."},
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
    # Saved themes per question id (None: across all questions), visible notes only.
    themes: dict[int | None, list[Theme]] = field(default_factory=dict)
    # Encounter statistics of the rotation rounds played (None: no rotation).
    encounters: dict | None = None

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



@dataclass(frozen=True)
class ThemeSection:
    """A theme as the report shows it: pinned, then featured, then the other quotes."""
    label: str
    notes: list[ThemeNote]
    other: bool = False


@dataclass(frozen=True)
class Section:
    """One question (or the notes without one): its notes, and its themes when it has any."""
    heading: str
    notes: list[Note]
    themes: list[ThemeSection] = field(default_factory=list)


def sections(data: ReportData, labels: dict[str, str]) -> list[Section]:
    """The room's notes per question in programme order, with themes where they were made.

    A theme holds what the facilitator sorted into it (prepared answers too);
    notes of the question that no theme holds yet (they came after the last
    run) follow as their own group, so nothing visible is left out.
    """
    out = []
    asked = asked_question_ids(data.questions, data.steps)
    for question in data.questions:
        notes = [n for n in data.room_notes if n.question_id == question.id]
        themes = theme_sections(data.themes.get(question.id, []), notes, labels)
        heading = question.text if question.id in asked else f"{question.text} ({labels['not_asked']})"
        out.append(Section(heading, notes, themes))
    known = {q.id for q in data.questions}
    loose = [n for n in data.room_notes if n.question_id not in known]
    if loose or not out:
        out.append(Section(labels["other"] if out else labels["notes"], loose))
    return out


def theme_sections(themes: list[Theme], notes: list[Note],
                   labels: dict[str, str]) -> list[ThemeSection]:
    """Themes with notes, "Övrigt" last, then any of ``notes`` in none of them."""
    shown = [t for t in themes if t.notes]
    if not shown:
        return []
    ordered = [t for t in shown if not t.other] + [t for t in shown if t.other]
    out = [ThemeSection(t.label, pinned_first(list(t.notes)), t.other) for t in ordered]
    placed = {m.note.id for t in shown for m in t.notes}
    loose = [ThemeNote(n) for n in notes if n.id not in placed]
    if loose:
        out.append(ThemeSection(labels["unsorted"], pinned_first(loose), True))
    return out


def all_questions_themes(data: ReportData, labels: dict[str, str]) -> list[ThemeSection]:
    """The themes made across all questions, if the facilitator made any."""
    return theme_sections(data.themes.get(None, []), [], labels)


def theme_count(data: ReportData) -> int:
    return sum(1 for themes in data.themes.values() for t in themes if t.notes)


def pinned_first(members: list[ThemeNote]) -> list[ThemeNote]:
    """Pinned quotes first, then featured (starred), then in the order the theme holds them."""
    return sorted(members, key=lambda m: (not m.pinned, not m.note.starred))


def count_label(n: int, labels: dict[str, str]) -> str:
    return labels["count_one"] if n == 1 else labels["count"].format(n=n)


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
    themes = {q: [replace(_clean(t), notes=tuple(replace(m, note=_clean(m.note)) for m in t.notes))
                  for t in ts] for q, ts in data.themes.items()}
    return ReportData(_clean(data.event), [_clean(q) for q in data.questions],
                      [_clean(s) for s in data.steps], [_clean(n) for n in data.notes], data.logo,
                      evaluation, themes, data.encounters)


def number(value: float, language: str) -> str:
    """2.67 as "2,67" in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "sv" else text


def encounter_lines(data: ReportData, labels: dict[str, str]) -> list[str]:
    """The rotation's encounter statistics as sentences, or nothing when there was none."""
    stats = data.encounters
    if not stats:
        return []
    language = data.event.language
    return [labels["enc_rounds"].format(rounds=stats["rounds"], people=stats["people"]),
            labels["enc_met"].format(min=stats["met_min"], mean=number(stats["met_mean"], language)),
            labels["enc_repeats"].format(repeats=stats["repeat_encounters"]),
            labels["enc_mixed"].format(tables=round(stats["mixed_tables_share"] * 100),
                                       pairs=round(stats["cross_org_pair_share"] * 100))]
