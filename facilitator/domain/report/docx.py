"""The Word (.docx) summary an organiser files and sends on.

Title page with the facts and the contents; "Sammanfattning" (a table of
themes per question with their strongest quotes, the votes, the evaluation,
the encounters); then each question's themes with their other quotes; the
small talk; the prepared answers per municipality; the evaluation; and the
appendix with every note once. The outline (outline.py) decides what
goes where; this module only lays it out, in Word's built-in styles.
"""
from __future__ import annotations

import io
from datetime import date, datetime

from babel.dates import format_date
from docx import Document
from docx.shared import Cm, Pt

from ...models import Event
from ..chart import bar_chart_png
from .structure import (ReportData, count_label, encounter_lines, evaluation_legend, labels_for,
                        run_in, xml_safe_data)
from .outline import Outline, Quote, ThemeBlock, appendix_groups, outline, scope_line
from .word import bookmark, contents, header_and_footer, page_setup, set_language, table

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
APPENDIX_PT = 8.5
SUMMARY_PT = 9.5  # the summary tables (body text 11 pt)


class _Doc:
    """The document being written, and its Heading 1s for the contents list."""

    def __init__(self, data: ReportData, toc_pages: list[int] | None):
        self.data = data
        self.labels = labels_for(data)
        self.doc = Document()
        self.toc_pages = toc_pages or []
        self.chapters: list[str] = []
        self._style_ids: dict[str, str] = {}

    def chapter(self, text: str, page_break: bool = False) -> None:
        """A Heading 1 with a bookmark the contents list points at."""
        heading = self.doc.add_heading(text, level=1)
        # On the heading, not an empty paragraph holding a break.
        heading.paragraph_format.page_break_before = page_break or None
        bookmark(heading, f"_Toc{len(self.chapters) + 1}", len(self.chapters) + 1)
        self.chapters.append(text)

    def para(self, text: str = "", style: str | None = None, italic: bool = False,
             size: float | None = None, keep: bool = False):
        """A paragraph; ``keep``: on the same page as the next (a chapter's first line)."""
        para = self.doc.add_paragraph()
        if keep:
            para.paragraph_format.keep_with_next = True
        if style:
            # By id: python-docx looks a style name up in a linear scan per paragraph.
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.styles[style].style_id
            para._p.style = self._style_ids[style]
        if text:
            run = para.add_run(text)
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
        return para


def build_docx(data: ReportData, created: datetime, toc_pages: list[int] | None = None) -> bytes:
    """Render the summary; ``created`` goes into the core properties; ``toc_pages`` (the page
    of each Heading 1, from a first rendering) fills in the contents list's numbers."""
    data = xml_safe_data(data)
    plan = outline(data)
    w = _Doc(data, toc_pages)
    page_setup(w.doc)
    set_language(w.doc, LANGUAGE_TAGS.get(data.event.language, "sv-SE"))
    _set_properties(w.doc, data.event, created)
    header_and_footer(w.doc, data.event.name, w.labels["page"])
    toc_at = _title_page(w, plan)
    _summary(w, plan)
    _method(w)
    _questions(w, plan)
    _small_talk(w, plan)
    _prepared(w, plan)
    _evaluation(w)
    _appendix(w, plan)
    _fill_contents(w, toc_at)
    out = io.BytesIO()
    w.doc.save(out)
    return out.getvalue()


# ---- title page -----------------------------------------------------------------------


def _title_page(w: _Doc, plan: Outline):
    event, labels = w.data.event, w.labels
    if w.data.logo:
        w.doc.add_picture(io.BytesIO(w.data.logo), width=Cm(4))
    w.doc.add_paragraph(event.name, style="Title")
    w.doc.add_paragraph(labels["subtitle"], style="Subtitle")
    facts = [(labels[key], value) for key, value in (
        ("date", long_date(event.date, event.language)), ("place", event.place),
        ("organiser", event.organiser)) if value]
    facts += [(labels[key], str(plan.counts[count])) for key, count in (
        ("participants", "participants"), ("notes", "notes"), ("themes", "themes"),
        ("questions", "questions"), ("prepared", "prepared"), ("respondents", "respondents"))
        if plan.counts[count]]
    for label, value in facts:
        para = w.para()
        para.paragraph_format.space_after = Pt(1)
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    w.doc.add_paragraph(labels["contents"], style="TOC Heading")
    return w.doc.add_paragraph()  # the contents list goes here once the chapters are known


def _fill_contents(w: _Doc, anchor) -> None:
    """Write the contents list at the end (the chapters are known), then move it up."""
    body = w.doc.element.body
    before = len(body)
    pages = w.toc_pages + [""] * len(w.chapters)
    contents(w.doc, [(text, f"_Toc{i + 1}", str(pages[i]) if pages[i] else "")
                     for i, text in enumerate(w.chapters)])
    if not w.toc_pages:
        w.para(w.labels["toc_hint"], italic=True, size=8)
    added = list(body)[before - 1:len(body) - 1]  # the new paragraphs (before sectPr)
    for element in added:
        anchor._p.addprevious(element)
    anchor._p.getparent().remove(anchor._p)


def long_date(iso: str, language: str) -> str:
    """The event date as the report's language writes it: "23 november 2026"."""
    try:
        locale = LANGUAGE_TAGS.get(language, "sv-SE").replace("-", "_")
        return format_date(date.fromisoformat(iso), "long", locale=locale)
    except ValueError:
        return iso


# ---- summary --------------------------------------------------------------------------


def _summary(w: _Doc, plan: Outline) -> None:
    labels = w.labels
    w.chapter(labels["summary"], page_break=True)
    counts = plan.counts
    if counts["themes"]:
        w.para(labels["summary_intro"].format(
            notes=count_label(counts["notes"], labels),
            questions=count_label(counts["questions"], labels, "n_questions"),
            themes=count_label(counts["themes"], labels, "n_themes")))
    if not plan.summary_themes:  # no themes yet: at least how much each question got
        for question in plan.questions:
            w.para(f"{question.title(labels)} – {count_label(question.count, labels)}",
                   style="List Bullet")
    for heading, themes in plan.summary_themes:
        w.doc.add_heading(heading or labels["all_themes"], level=2)
        table(w.doc, [labels["col_theme"], labels["col_count"], labels["col_quotes"]],
              [[t.label, str(t.count), [_quote_text(q) for q in t.highlights]] for t in themes],
              [4.2, 1.6, 11.2], size=SUMMARY_PT)
    _votes(w)
    _evaluation_lines(w)
    lines = encounter_lines(w.data, labels)
    if lines:
        w.doc.add_heading(labels["encounters"], level=2)
        w.para(" ".join(lines))


def _quote_text(quote: Quote) -> str:
    times = f" (×{quote.count})" if quote.count > 1 else ""
    return f"”{quote.text}”{times}"


def _votes(w: _Doc) -> None:
    """Each vote: its heading and how many phones voted, kept with the table below."""
    for vote in w.data.votes:
        labels = w.labels
        heading = w.doc.add_heading(f"{labels['votes']}: {vote.get('title', '')}", level=2)
        heading.paragraph_format.keep_with_next = True
        if vote.get("phones"):
            line = w.para(labels["vote_line"].format(phones=vote["phones"],
                                                     dots=vote.get("dots_per_phone", "")), italic=True)
            line.paragraph_format.keep_with_next = True
        options = sorted(vote.get("options", []), key=lambda o: -int(o.get("votes") or 0))
        total = sum(int(o.get("votes") or 0) for o in options) or 1
        table(w.doc, [labels["col_option"], labels["col_dots"], labels["col_share"]],
              [[str(o.get("label", "")), str(int(o.get("votes") or 0)),
                f"{round(100 * int(o.get('votes') or 0) / total)} %"] for o in options],
              [11.0, 3.0, 3.0])
        for row in w.doc.tables[-1].rows[:-1]:  # a vote's table stays on one page
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _evaluation_lines(w: _Doc) -> None:
    """A few lines (n, mean, median) and the first scale item's chart."""
    answered = [(i, s) for i, s in w.data.evaluation if s["n"] and s["counts"]]
    if not answered:
        return
    w.doc.add_heading(w.labels["evaluation"], level=2).paragraph_format.keep_with_next = True
    for item, summary in answered:
        para = w.para(style="List Bullet")
        para.paragraph_format.keep_with_next = True  # the lines stay with their chart
        para.add_run(run_in(item.prompt)).bold = True
        para.add_run(evaluation_legend(item, summary, w.data.event.language, w.labels))
    item, summary = answered[0]
    w.doc.add_picture(io.BytesIO(bar_chart_png(_chart_labels(item, summary), summary["counts"])),
                      width=Cm(7))


# ---- the body -------------------------------------------------------------------------


def _method(w: _Doc) -> None:
    if not w.data.steps:
        return
    labels = w.labels
    w.chapter(labels["method"])
    questions = {q.id: q.text for q in w.data.questions}
    for step in w.data.steps:
        line = w.para(style="List Number")
        line.add_run(f"{step.title} ({round(step.duration_s / 60)} {labels['minutes']})").bold = True
        if step.instruction:
            line.add_run(f" – {step.instruction}")
        if step.question_id in questions and len(questions) > 1:
            line.add_run(f" {labels['question']}: {questions[step.question_id]}").italic = True


def _questions(w: _Doc, plan: Outline) -> None:
    for question in plan.questions:
        w.chapter(question.title(w.labels))
        w.para(question.lead(w.labels), italic=True, keep=True)
        if question.loose is not None:
            _quotes(w, question.loose.quotes)
        for theme in question.themes:
            _theme(w, theme)
    if plan.across:
        w.chapter(w.labels["all_themes"])
        if any(t.highlights for t in plan.across):
            w.para(w.labels["in_summary"], italic=True, keep=True)
        for theme in plan.across:
            _theme(w, theme)


def _theme(w: _Doc, theme: ThemeBlock) -> None:
    """The theme's heading with its count ("Styrning – 10 lappar"), then the quotes the
    summary did not show (the chapter's first line says so once)."""
    heading = w.doc.add_heading(theme.label, level=2)
    heading.add_run(f" – {count_label(theme.count, w.labels)}").bold = False
    split = scope_line(theme, w.labels)
    if split:  # how many of its notes are for the shared work and how many for the own
        w.para(f"{split}.", italic=True).paragraph_format.keep_with_next = True
    _quotes(w, theme.rest)


def _quotes(w: _Doc, quotes) -> None:
    for quote in quotes:
        para = w.para(style="List Bullet")
        run = para.add_run(quote.text)
        run.bold = quote.pinned or quote.starred or None
        if quote.count > 1:
            para.add_run(f" (×{quote.count})").italic = True
        if quote.by:
            para.add_run(f" – {quote.by}").italic = True


def _small_talk(w: _Doc, plan: Outline) -> None:
    if not plan.small_talk:
        return
    w.chapter(w.labels["small_talk"])
    w.para(w.labels["small_talk_intro"], italic=True, keep=True)
    _quotes(w, plan.small_talk)


def _prepared(w: _Doc, plan: Outline) -> None:
    """Answers sent before the day, per municipality, apart from the room's notes."""
    if not plan.prepared:
        return
    w.chapter(w.labels["prepared"])
    w.para(w.labels["prepared_intro"], keep=True)
    for group, answers in plan.prepared:
        w.doc.add_heading(group, level=2)
        previous = None
        for heading, quote in answers:
            if heading != previous and heading:
                w.para(heading, italic=True).paragraph_format.keep_with_next = True
            previous = heading
            w.para(quote.text, style="List Bullet")


def _evaluation(w: _Doc) -> None:
    """Per item: the chart and its legend, then the comments."""
    answered = [(item, summary) for item, summary in w.data.evaluation if summary["n"]]
    if not answered:
        return
    w.chapter(w.labels["evaluation"])
    for item, summary in answered:
        w.doc.add_heading(item.prompt, level=2)
        if summary["counts"]:
            chart = bar_chart_png(_chart_labels(item, summary), summary["counts"])
            w.doc.add_picture(io.BytesIO(chart), width=Cm(8))
            w.para(evaluation_legend(item, summary, w.data.event.language, w.labels), italic=True)
        for comment in summary["comments"]:
            w.para(comment, style="List Bullet")


def _chart_labels(item, summary) -> list[str]:
    """Digits only in the image (see chart.py); choices are numbered and listed in the text."""
    return summary["labels"] if item.kind == "scale" else [str(i + 1) for i in range(len(summary["labels"]))]


# ---- appendix -------------------------------------------------------------------------


def _appendix(w: _Doc, plan: Outline) -> None:
    """Compact: per question, each theme's notes run on in one small paragraph."""
    groups = appendix_groups(plan, w.labels)
    if not groups:
        return
    w.chapter(w.labels["appendix"])
    w.para(w.labels["appendix_intro"], italic=True, size=APPENDIX_PT, keep=True)
    for heading, blocks in groups:
        w.doc.add_heading(heading, level=2)
        for label, quotes in blocks:
            para = w.para()
            para.paragraph_format.space_after = Pt(3)
            para.paragraph_format.line_spacing = 1.0
            if label:
                head = para.add_run(f"{label} ({sum(q.count for q in quotes)}): ")
                head.bold = True
                head.font.size = Pt(APPENDIX_PT)
            body = "  ▪  ".join(q.text + (f" ×{q.count}" if q.count > 1 else "") for q in quotes)
            para.add_run(body).font.size = Pt(APPENDIX_PT)


def _set_properties(doc, event: Event, created: datetime) -> None:
    props = doc.core_properties
    props.title = event.name
    props.author = event.organiser or "facilitator"
    props.created = created
    props.language = LANGUAGE_TAGS.get(event.language, "sv-SE")
