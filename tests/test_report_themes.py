"""The summary with themes: Word, Markdown, CSV, JSON and the command line."""
import csv
import io
import json
import subprocess
import sys

import docx
import pytest

from facilitator import store
from facilitator.models import EventDraft
from facilitator.usecases import events, notes, reports, themes

from .conftest import NOW, gen_event, note_payload
from .test_themes import TEXTS


@pytest.fixture
def event(db, user):
    """Two questions: the first with themes (one renamed, one note pinned, one hidden), the
    second without."""
    event = gen_event(db, owner=user)
    first = store.insert_question(db, event.id, 0, "Vad behöver barn och unga?")
    second = store.insert_question(db, event.id, 1, "Vad gör vi nu?")
    for text in TEXTS:
        notes.submit_note(db, event.id, note_payload(text, question_id=first.id), NOW)
    notes.submit_note(db, event.id, note_payload("Utan tema", question_id=second.id), NOW)
    hidden, _ = notes.submit_note(db, event.id, note_payload("Dold lapp", question_id=first.id), NOW)
    notes.moderate(db, event.id, {"id": hidden.id, "hidden": True})
    state = themes.find(db, event, first.id, NOW)
    themes.rename(db, event, first.id, state[0].id, "Skola & samverkan", NOW)
    themes.pin(db, event, first.id, state[0].members[-1].note_id, True, NOW)
    return event


def document(db, event):
    return docx.Document(io.BytesIO(reports.report_docx(db, event.id, NOW)))


def paragraphs(db, event):
    return [(p.style.name, p.text) for p in document(db, event).paragraphs]


def cell_texts(doc):
    return [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]


def saved_themes(db, event):
    first = store.list_questions(db, event.id)[0]
    return themes.themes_of(db, event.id, first.id)


def test_the_summary_has_a_table_of_themes_with_counts_and_the_pinned_quote_first(db, event):
    doc = document(db, event)
    saved = [t for t in saved_themes(db, event) if not t.other and t.notes]
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Tema", "Lappar", "Starkaste citat"]
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert set(rows) == {t.label for t in saved}
    for theme in saved:
        assert rows[theme.label].cells[1].text == str(len(theme.notes))
    pinned = next(m.note.text for m in saved[0].notes if m.pinned)
    assert rows["Skola & samverkan"].cells[2].paragraphs[0].text == f"”{pinned}”"
    assert all(1 <= len(row.cells[2].paragraphs) <= 3 for row in rows.values())


def test_each_theme_is_a_heading_2_under_its_question_with_its_other_quotes(db, event):
    paras = paragraphs(db, event)
    saved = [t for t in saved_themes(db, event) if t.notes]
    start = paras.index(("Heading 1", "Fråga 1: Vad behöver barn och unga?"))
    end = paras.index(("Heading 1", "Fråga 2: Vad gör vi nu?"))
    headings = [text for style, text in paras[start:end] if style == "Heading 2"]
    real = [t.label for t in saved if not t.other]
    assert [h.rpartition(" – ")[0] for h in headings[:len(real)]] == real
    assert headings[0] == f"{real[0]} – {len(saved[0].notes)} lappar"
    assert all(h.startswith("Övrigt") for h in headings[len(real):])
    assert not any("Dold lapp" in text for _, text in paras)


def test_every_text_appears_at_most_twice_and_at_least_once_before_the_appendix(db, event):
    doc = document(db, event)
    texts = [p.text for p in doc.paragraphs] + cell_texts(doc)
    appendix = [p.text for p in doc.paragraphs].index("Bilaga: Alla lappar")
    body = [p.text for p in doc.paragraphs][:appendix] + cell_texts(doc)
    for text in TEXTS + ["Utan tema"]:
        assert sum(t.count(text) for t in texts) == 2, text
        assert sum(t.count(text) for t in body) == 1, text
    headings = [p.text for p in doc.paragraphs[appendix:] if p.style.name == "Heading 2"]
    assert headings == ["Fråga 1: Vad behöver barn och unga?", "Fråga 2: Vad gör vi nu?"]


def test_notes_sorted_across_all_questions_are_counted_in_their_question(db, user):
    """Themes found over all questions: each question's chapter said "Inga lappar ännu."
    while all its notes stood under "Teman över alla frågor"."""
    event = gen_event(db, owner=user)
    first = store.insert_question(db, event.id, 0, "Vad behöver barn och unga?")
    second = store.insert_question(db, event.id, 1, "Vad gör vi nu?")
    for i, text in enumerate(TEXTS):
        notes.submit_note(db, event.id, note_payload(
            text, question_id=(first if i % 2 else second).id), NOW)
    themes.find(db, event, None, NOW)
    paras = paragraphs(db, event)
    for number, question, n in ((1, first, len(TEXTS) // 2), (2, second, len(TEXTS) - len(TEXTS) // 2)):
        start = paras.index(("Heading 1", f"Fråga {number}: {question.text}"))
        assert paras[start + 1][1] == f"{n} lappar, sorterade under Teman över alla frågor."
    assert "Inga lappar ännu." not in [text for _style, text in paras]
    markdown = reports.report_markdown(db, event.id)
    assert f"*{len(TEXTS) // 2} lappar, sorterade under Teman över alla frågor.*" in markdown


def test_a_question_without_themes_lists_its_notes(db, event):
    paras = paragraphs(db, event)
    start = paras.index(("Heading 1", "Fråga 2: Vad gör vi nu?"))
    assert paras[start + 1:start + 3] == [("Normal", "1 lapp"), ("List Bullet", "Utan tema")]


def test_notes_after_the_run_are_not_lost(db, event):
    first = store.list_questions(db, event.id)[0]
    notes.submit_note(db, event.id, note_payload("Kom efter körningen", question_id=first.id), NOW)
    paras = paragraphs(db, event)
    end = paras.index(("Heading 1", "Fråga 2: Vad gör vi nu?"))
    headings = [text for style, text in paras[:end] if style == "Heading 2"]
    assert headings[-1] == "Ännu inte sorterade – 1 lapp"
    assert ("List Bullet", "Kom efter körningen") in paras


def test_small_talk_goes_to_its_own_section_never_into_themes_or_the_summary(db, event):
    first = store.list_questions(db, event.id)[0]
    for text in ("Bra fika!", "Bra fika", "Lokalen var för varm"):
        notes.submit_note(db, event.id, note_payload(text, question_id=first.id), NOW)
    themes.find(db, event, first.id, NOW)
    doc = document(db, event)
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    start = paras.index(("Heading 1", "Övriga kommentarer"))
    assert ("List Bullet", "Bra fika! (×2)") in paras[start:]
    summary_end = paras.index(("Heading 1", "Fråga 1: Vad behöver barn och unga?"))
    before = " ".join(text for _, text in paras[:summary_end]) + " ".join(cell_texts(doc))
    assert "fika" not in before and "Lokalen" not in before
    chapter = paras[summary_end:start]
    assert not any("fika" in text or "Lokalen" in text for _, text in chapter)
    data = json.loads(reports.report_json(db, event.id))
    assert data["other_comments"][0] == {"text": "Bra fika!", "pinned": False, "starred": False,
                                         "count": 2}


def test_markdown_with_themes(db, event):
    text = reports.report_markdown(db, event.id)
    assert "### Skola \\& samverkan" in text and "- **Teman:**" in text
    assert "| Tema | Lappar | Starkaste citat |" in text and "Dold lapp" not in text
    assert text.index("## Sammanfattning") < text.index("## Fråga 1: Vad behöver barn och unga?") \
        < text.index("### Skola \\& samverkan", text.index("## Fråga 1")) \
        < text.index("## Fråga 2: Vad gör vi nu?")


def test_markdown_follows_the_word_structure_each_text_twice(db, event):
    """Summary, chapters, appendix: each note's text once in the summary or its theme and once
    in the appendix, as in the Word file; the chapters' words match the appendix being there."""
    text = reports.report_markdown(db, event.id)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Sammanfattning", "## Fråga 1: Vad behöver barn och unga?",
                        "## Fråga 2: Vad gör vi nu?", "## Bilaga: Alla lappar"]
    appendix = text.index("## Bilaga: Alla lappar")
    assert "### Fråga 1: Vad behöver barn och unga?" in text[appendix:]
    for note in TEXTS + ["Utan tema"]:
        assert text.count(note) == 2 and text[:appendix].count(note) == 1, note
    assert "alla lappar finns i bilagan" in text[:appendix]


def csv_rows(db, event):
    return list(csv.DictReader(io.StringIO(reports.report_csv(db, event.id).lstrip("\ufeff"))))


def test_csv_and_json_have_question_theme_pinned_text(db, event):
    rows = csv_rows(db, event)
    assert list(rows[0]) == ["Del", "Fråga", "Tema", "Antal", "Övrigt", "Fäst", "Framlyft",
                             "Kommun", "Text"]
    assert {r["Text"] for r in rows} == set(TEXTS) | {"Utan tema"}
    assert [r["Fäst"] for r in rows].count("1") == 1
    assert next(r for r in rows if r["Text"] == "Utan tema")["Tema"] == ""
    data = json.loads(reports.report_json(db, event.id))
    first, second = data["sections"]
    assert first["themes"][0]["label"] == "Skola & samverkan"
    assert sum(t["count"] for t in first["themes"]) == len(TEXTS)
    assert second == {"question": "Vad gör vi nu?", "count": 1,
                      "notes": [{"text": "Utan tema", "pinned": False, "starred": False,
                                 "count": 1}]}
    assert data["summary"][0]["themes"][0]["label"] == "Skola & samverkan"
    assert data["votes"] == [] and data["counts"]["notes"] == len(TEXTS) + 1
    assert "Dold lapp" not in json.dumps(data, ensure_ascii=False)


def test_an_english_event_has_english_headers_and_file_names(db, event, client):
    events.update_event(db, event.id, EventDraft(name="Dialogue day", date="2026-11-23",
                                                   language="en"))
    assert list(csv_rows(db, event)[0])[:3] == ["Part", "Question", "Theme"]
    answer = client.get(f"/f/events/{event.id}/report.csv")
    assert "Summary%20Dialogue%20day%202026-11-23.csv" in answer.headers["Content-Disposition"] \
        or 'filename="Summary Dialogue day 2026-11-23.csv"' in answer.headers["Content-Disposition"]


def test_csv_defuses_formulas_in_labels(db, event):
    first = store.list_questions(db, event.id)[0].id
    theme_id = themes.board(db, event.id, first)["themes"][0]["id"]
    themes.rename(db, event, first, theme_id, "=HYPERLINK(\"x\")", NOW)
    assert {r["Tema"] for r in csv_rows(db, event)} >= {"'=HYPERLINK(\"x\")"}


def test_downloads(client, event):
    for fmt, mimetype in (("csv", "text/csv"), ("json", "application/json")):
        answer = client.get(f"/f/events/{event.id}/report.{fmt}")
        assert answer.status_code == 200 and answer.mimetype == mimetype
        disposition = answer.headers["Content-Disposition"]
        assert disposition.startswith("attachment;") and f".{fmt}" in disposition
        assert "Sammanst" in disposition and event.date in disposition
    page = client.get(f"/f/events/{event.id}").get_data(as_text=True)
    assert 'data-action="report-csv"' in page and 'data-action="report-json"' in page


def test_a_script_label_is_text_in_the_markdown(db, event):
    first = store.list_questions(db, event.id)[0].id
    theme_id = themes.board(db, event.id, first)["themes"][0]["id"]
    themes.rename(db, event, first, theme_id, "<script>alert(1)</script>", NOW)
    text = reports.report_markdown(db, event.id)
    assert "<script>" not in text and r"\<script\>" in text


def test_cli_writes_csv_and_json(app, db, event, tmp_path):
    for fmt in ("csv", "json"):
        out = tmp_path / f"r.{fmt}"
        done = subprocess.run([sys.executable, "-m", "facilitator", "report", event.id,
                               "--db", app.config["DB_PATH"], "-o", str(out)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Skola & samverkan" in out.read_text(encoding="utf-8-sig")
