"""The summary at volume: 150 and 1,000 notes with themes, converted by LibreOffice.

Checks what the organiser sees: the page count (at most 10 and 30 pages at
11 pt), each note's text at most twice in the whole document, tables included
(once in the summary or its theme section, once in the appendix), every note
in the appendix, the summary's theme tables, and that Övrigt and small talk
stay out of the summary.
"""
import io
import os
import re
import shutil
import subprocess
from collections import Counter

import docx
import pytest
from sqlite_utils import Database

from facilitator import pdf, store
from facilitator.usecases import reports
from facilitator.db import migrate
from facilitator.domain.smalltalk import is_small_talk

from .conftest import NOW
from facilitator.bench.volume import volume_event

PAGE_LIMITS = {150: 10, 1000: 30}
_TIMES = re.compile(r" \(?×\d+\)?$")


def need_libreoffice(fonts: bool = False):
    """LibreOffice and pdftotext; for page counts also Carlito (Calibri's metric twin):
    without it LibreOffice sets the text in a wider font than Word would."""
    carlito = subprocess.run(["fc-list"], capture_output=True, text=True).stdout \
        if shutil.which("fc-list") else ""
    if pdf.soffice() and shutil.which("pdftotext") and (not fonts or "Carlito" in carlito):
        return
    if os.environ.get("CI") == "true":
        pytest.fail("LibreOffice and poppler-utils are required in CI")
    pytest.skip("needs libreoffice-writer-nogui, poppler-utils and fonts-crosextra-carlito")


@pytest.fixture(scope="module", params=sorted(PAGE_LIMITS))
def built(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(f"volume{request.param}") / "r.sqlite3"
    migrate(path)
    db = Database(path)
    event = volume_event(db, request.param, NOW)
    return request.param, db, event, reports.report_docx(db, event.id, NOW)


def document_items(doc) -> list[tuple[str, bool]]:
    """Every piece of text in the document, in order, as (text, in the appendix): each
    paragraph of the body and of every table cell (header and footer too), the appendix's
    run-on notes split at their separators, a bold run-in label ("Styrning (21): ") dropped,
    quotation marks and a stacked "×6" taken off."""
    out, in_appendix = [], False
    section = doc.sections[0]
    paragraphs = [(p, False) for p in section.header.paragraphs + section.footer.paragraphs]
    for para in doc.paragraphs:
        if para.style.name == "Heading 1":
            in_appendix = para.text.startswith("Bilaga")
        paragraphs.append((para, in_appendix))
    paragraphs += [(p, False) for table in doc.tables for row in table.rows
                   for cell in row.cells for p in cell.paragraphs]
    for para, appendix in paragraphs:
        text = para.text
        if para.runs and para.runs[0].bold and text.startswith(para.runs[0].text):
            text = text[len(para.runs[0].text):] if para.runs[0].text.endswith(": ") else text
        out += [(_bare(piece), appendix) for piece in text.split("  ▪  ") if piece.strip()]
    return out


def _bare(text: str) -> str:
    return _TIMES.sub("", text.replace("”", "").strip())


# Known open (issue 17): none; the 1,000-note report measured 34-35 pages before the compact
# layout (single-spaced quotes, counts in the theme headings) and 29 after.
KNOWN_OVER: set[int] = set()


def test_page_count_measured_by_libreoffice(built, request):
    need_libreoffice(fonts=True)
    count, _db, _event, document = built
    if count in KNOWN_OVER:
        request.applymarker(pytest.mark.xfail(reason="issue 17: over the page limit", strict=False))
    pages = pdf.page_texts(pdf.convert(document))
    assert len(pages) - (pages[-1].strip() == "") <= PAGE_LIMITS[count]


def test_each_text_at_most_twice_in_the_whole_document(built):
    """Over the whole document (summary tables included): a stacked text once wherever it is
    shown, so a note's text is printed twice, once in the summary or its theme section and
    once in the appendix. The same words sent under two questions are two notes in two
    chapters: 2 per question (small talk is pooled over the questions, so 2 in all)."""
    count, db, event, document = built
    doc = docx.Document(io.BytesIO(document))
    found = document_items(doc)
    body = Counter(text for text, appendix in found if not appendix)
    appendix = Counter(text for text, appendix in found if appendix)
    questions: dict[str, set] = {}
    for note in store.list_notes(db, event.id, visible_only=True):
        group = "small talk" if is_small_talk(note.text) else note.question_id
        questions.setdefault(_bare(note.text), set()).add(group)
    summary = {_bare(p.text) for table in doc.tables for row in table.rows[1:]
               for p in row.cells[2].paragraphs}
    assert summary & set(questions), "the summary quotes notes: they count too"
    for text, groups in questions.items():
        assert body[text] + appendix[text] <= 2 * len(groups), (text, body[text], appendix[text])
        assert body[text] == appendix[text], (text, body[text], appendix[text])
    # Every piece of the appendix but its headings and first line is a note's exact text:
    # the count above saw them all.
    headings = {p.text for p in doc.paragraphs if p.style.name.startswith("Heading")}
    pieces = [t for t, _ in appendix.items() if t not in headings and "Varje lapp" not in t]
    assert all(t in questions for t in pieces) and len(pieces) > count / 2


def test_no_empty_paragraphs(built):
    """No blank paragraph as spacing or as a page break's holder, in the body or the tables."""
    _count, _db, _event, document = built
    doc = docx.Document(io.BytesIO(document))
    paragraphs = doc.paragraphs + [p for table in doc.tables for row in table.rows
                                   for cell in row.cells for p in cell.paragraphs]
    assert not [i for i, p in enumerate(paragraphs) if not p.text.strip()]


def test_every_note_is_in_the_appendix(built):
    """Each stacked text once with its ×N: together they are every visible note."""
    count, db, event, document = built
    doc = docx.Document(io.BytesIO(document))
    assert len(store.list_notes(db, event.id, visible_only=True)) == count
    appendix = _appendix_text(document)
    stacked = sum(int(m.group(1)) - 1 for m in re.finditer(r" ×(\d+)(?=  ▪  |\n|$)", appendix))
    assert _appendix_notes(doc) + stacked == count


def _appendix_notes(doc) -> int:
    """How many quoted texts the appendix lists."""
    total, inside = 0, False
    for para in doc.paragraphs:
        if para.style.name == "Heading 1":
            inside = para.text.startswith("Bilaga")
        elif inside and para.style.name == "Normal" and para.runs and para.runs[0].bold:
            total += len("".join(r.text for r in para.runs[1:]).split("  ▪  "))
        elif inside and para.style.name == "Normal" and "Varje lapp" not in para.text:
            total += len(para.text.split("  ▪  "))
    return total


def _appendix_text(document: bytes) -> str:
    paras = docx.Document(io.BytesIO(document)).paragraphs
    start = next(i for i, p in enumerate(paras) if p.text.startswith("Bilaga"))
    return "\n".join(p.text for p in paras[start:])


def test_the_summary_has_a_theme_table_per_question_without_other_or_small_talk(built):
    count, db, event, document = built
    doc = docx.Document(io.BytesIO(document))
    questions = store.list_questions(db, event.id)
    assert len(doc.tables) >= len(questions)
    for table in doc.tables[:len(questions)]:
        assert [c.text for c in table.rows[0].cells] == ["Tema", "Lappar", "Starkaste citat"]
        labels = [row.cells[0].text for row in table.rows[1:]]
        assert labels and not any(label.startswith(("Övrigt", "Ännu inte")) for label in labels)
        assert all(1 <= len(row.cells[2].paragraphs) <= 3 for row in table.rows[1:])
    paras = doc.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == "Sammanfattning")
    end = next(i for i, p in enumerate(paras) if i > start and p.style.name == "Heading 1")
    summary = [p.text for p in paras[start:end]] + [c.text for t in doc.tables for row in t.rows
                                                    for c in row.cells]
    small_talk = {n.text for n in store.list_notes(db, event.id) if is_small_talk(n.text)}
    assert small_talk, "the volume event has small talk"
    assert not any(s in text for s in small_talk for text in summary)
    other = _other_texts(doc)
    assert any(other.values())
    for i, (question, table) in enumerate(zip(questions, doc.tables), 1):
        cells = {_bare(p.text) for row in table.rows[1:] for p in row.cells[2].paragraphs}
        assert not cells & other.get(f"Fråga {i}: {question.text}", set())


def _other_texts(doc) -> dict[str, set[str]]:
    """Per question's chapter, the quotes listed under its Övrigt headings."""
    out: dict[str, set[str]] = {}
    chapter, inside = "", False
    for para in doc.paragraphs:
        if para.style.name == "Heading 1":
            chapter, inside = para.text, False
        elif para.style.name == "Heading 2":
            inside = para.text.startswith(("Övrigt", "Ännu inte"))
        elif inside and para.style.name == "List Bullet":
            out.setdefault(chapter, set()).add(_bare(para.text))
    return out


def test_the_pdf_has_page_numbers_in_its_contents_list(built):
    count, db, event, _document = built
    if count != 150:
        pytest.skip("one conversion pair is enough")
    need_libreoffice(fonts=True)
    pages = pdf.page_texts(reports.report_pdf(db, event.id, NOW))
    first = " ".join(pages[0].split())
    assert re.search(r"Sammanfattning[ .…]*2\b", first), first
    assert re.search(r"Bilaga: Alla lappar[ .…]*\d+", first), first
    assert len(pages) - (pages[-1].strip() == "") <= PAGE_LIMITS[count]
