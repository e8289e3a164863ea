"""The Word (.docx) summary: event facts, the method, and the notes as quotes.

Written in the event's language with Word's built-in styles, so the
navigation pane and a table of contents work in Word and LibreOffice.
"""
from __future__ import annotations

import io
from datetime import date, datetime

from babel.dates import format_date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ...models import Event, Note
from ..chart import bar_chart_png
from .structure import (ReportData, ThemeSection, all_questions_themes, count_label,
                        encounter_lines, featured_first, labels_for, notes_by_question, number,
                        sections, theme_count, xml_safe_data)

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}


def build_docx(data: ReportData, created: datetime) -> bytes:
    """Render the summary; ``created`` goes into the core properties."""
    data = xml_safe_data(data)
    labels = labels_for(data)
    doc = Document()
    _set_language(doc, LANGUAGE_TAGS.get(data.event.language, "sv-SE"))
    _set_properties(doc, data.event, created)
    _title_page(doc, data, labels)
    _method(doc, data, labels)
    _encounters(doc, data, labels)
    for section in sections(data, labels):
        doc.add_heading(section.heading, level=1)
        if section.themes:
            count = doc.add_paragraph(count_label(len(section.notes), labels))
            count.runs[0].italic = True
            count.paragraph_format.keep_with_next = True
            _themes(doc, section.themes, labels)
        else:
            _quotes(doc, section.notes, labels)
    if all_questions_themes(data, labels):
        doc.add_heading(labels["all_themes"], level=1)
        _themes(doc, all_questions_themes(data, labels), labels)
    _prepared(doc, data, labels)
    _evaluation(doc, data, labels)
    _appendix(doc, data, labels)
    _page_numbers(doc, labels)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _title_page(doc, data: ReportData, labels: dict[str, str]) -> None:
    event = data.event
    if data.logo:
        doc.add_picture(io.BytesIO(data.logo), width=Cm(4))
    doc.add_heading(event.name, level=0)
    facts = [(labels[key], value) for key, value in (
        ("date", long_date(event.date, event.language)), ("place", event.place),
        ("organiser", event.organiser)) if value]
    facts += [(labels["questions"], str(len(data.questions))),
              (labels["notes"], str(len(data.room_notes)))]
    if data.prepared_notes:
        facts.append((labels["prepared"], str(len(data.prepared_notes))))
    if theme_count(data):
        facts.append((labels["themes"], str(theme_count(data))))
    for label, value in facts:
        para = doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)


def long_date(iso: str, language: str) -> str:
    """The event date as the report's language writes it: "23 november 2026"."""
    try:
        locale = LANGUAGE_TAGS.get(language, "sv-SE").replace("-", "_")
        return format_date(date.fromisoformat(iso), "long", locale=locale)
    except ValueError:
        return iso


def _method(doc, data: ReportData, labels: dict[str, str]) -> None:
    if not data.steps:
        return
    doc.add_heading(labels["method"], level=1)
    questions = {q.id: q.text for q in data.questions}
    for step in data.steps:
        minutes = round(step.duration_s / 60)
        line = doc.add_paragraph(style="List Number")
        line.add_run(f"{step.title} ({minutes} {labels['minutes']})").bold = True
        if step.instruction:
            line.add_run(f" – {step.instruction}")
        if step.question_id in questions:
            line.add_run(f" {labels['question']}: {questions[step.question_id]}").italic = True


def _encounters(doc, data: ReportData, labels: dict[str, str]) -> None:
    lines = encounter_lines(data, labels)
    if lines:
        doc.add_heading(labels["encounters"], level=2)
        for line in lines:
            doc.add_paragraph(line, style="List Bullet")


def _quotes(doc, notes: list[Note], labels: dict[str, str], attribute: bool = False) -> None:
    """The count, then featured (starred) quotes first, then the rest verbatim."""
    if not notes:
        doc.add_paragraph(labels["none"])
        return
    doc.add_paragraph(count_label(len(notes), labels)).runs[0].italic = True
    for note in featured_first(notes):
        quote = doc.add_paragraph(f"”{note.text}”",
                                  style="Intense Quote" if note.starred else "Quote")
        if attribute and note.prepared_by:
            quote.add_run(f" – {note.prepared_by}").italic = True


def _themes(doc, themes: list[ThemeSection], labels: dict[str, str]) -> None:
    """Each theme as a Heading 3 under a "Teman" Heading 2 (so the outline has no gap):
    its size, then pinned and featured quotes (Intense Quote), then the rest verbatim."""
    doc.add_heading(labels["themes"], level=2)
    for theme in themes:
        doc.add_heading(theme.label, level=3)
        size = doc.add_paragraph(count_label(len(theme.notes), labels))
        size.runs[0].italic = True
        size.paragraph_format.keep_with_next = True  # never a theme's heading alone at a page end
        for member in theme.notes:
            note = member.note
            featured = member.pinned or note.starred
            quote = doc.add_paragraph(f"”{note.text}”",
                                      style="Intense Quote" if featured else "Quote")
            if note.prepared_by:
                quote.add_run(f" – {note.prepared_by}").italic = True


def _prepared(doc, data: ReportData, labels: dict[str, str]) -> None:
    """Answers sent before the day, kept apart from the notes written in the room."""
    if not data.prepared_notes:
        return
    doc.add_heading(labels["prepared"], level=1)
    doc.add_paragraph(labels["prepared_intro"])
    for heading, notes in notes_by_question(data.questions, data.prepared_notes, labels):
        if notes:
            doc.add_heading(heading, level=2)
            _quotes(doc, notes, labels, attribute=True)


def _evaluation(doc, data: ReportData, labels: dict[str, str]) -> None:
    """Per item: the distribution as a chart, n, mean and median, then the comments."""
    answered = [(item, summary) for item, summary in data.evaluation if summary["n"]]
    if not answered:
        return
    doc.add_heading(labels["evaluation"], level=1)
    for item, summary in answered:
        doc.add_heading(item.prompt, level=2)
        if summary["counts"]:
            doc.add_picture(io.BytesIO(bar_chart_png(_chart_labels(item, summary), summary["counts"])),
                            width=Cm(14))
            doc.add_paragraph(_legend(item, summary, data.event.language, labels)).runs[0].italic = True
        if summary["comments"]:
            if summary["counts"]:
                doc.add_paragraph(labels["comments"]).runs[0].bold = True
            for comment in summary["comments"]:
                doc.add_paragraph(f"”{comment}”", style="Quote")


def _chart_labels(item, summary) -> list[str]:
    """Digits only in the image (see chart.py); choices are numbered and listed in the text."""
    return summary["labels"] if item.kind == "scale" else [str(i + 1) for i in range(len(summary["labels"]))]


def _legend(item, summary, language: str, labels: dict[str, str]) -> str:
    parts = [f"n = {summary['n']} {labels['answers']}"]
    if summary["mean"] is not None:
        parts.append(f"{labels['mean']} {number(summary['mean'], language)}")
        parts.append(f"{labels['median']} {number(summary['median'], language)}")
    if item.kind == "scale" and item.low_label:
        parts.append(f"{item.scale_min} = {item.low_label}, {item.scale_max} = {item.high_label}")
    if item.kind == "choice":
        parts.append(", ".join(f"{i + 1} = {o}" for i, o in enumerate(item.options)))
    return " · ".join(parts)


def _appendix(doc, data: ReportData, labels: dict[str, str]) -> None:
    """Every visible note per question, plainly, for the record."""
    if not data.notes:
        return
    doc.add_page_break()
    doc.add_heading(labels["appendix"], level=1)
    for heading, notes in notes_by_question(data.questions, data.notes, labels):
        if not notes:
            continue
        doc.add_heading(heading, level=2)
        for note in notes:
            doc.add_paragraph(note.text, style="List Bullet")


def _set_properties(doc, event: Event, created: datetime) -> None:
    props = doc.core_properties
    props.title = event.name
    props.author = event.organiser or "facilitator"
    props.created = created
    props.language = LANGUAGE_TAGS.get(event.language, "sv-SE")


def _set_language(doc, tag: str) -> None:
    """Tag the default run style so spelling and hyphenation use the right language."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def _page_numbers(doc, labels: dict[str, str]) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{labels['page']} ").font.size = Pt(9)
    run = footer.add_run()
    run.font.size = Pt(9)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
