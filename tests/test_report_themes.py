"""The summary with themes: Word, Markdown, CSV, JSON and the command line."""
import csv
import io
import json
import subprocess
import sys

import docx
import pytest

from facilitator.usecases import notes, reports, themes
from facilitator import store

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


def paragraphs(db, event):
    document = docx.Document(io.BytesIO(reports.report_docx(db, event.id, NOW)))
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_docx_shows_each_theme_as_heading_3_with_size_and_quotes(db, event):
    paras = paragraphs(db, event)
    saved = themes.themes_of(db, event.id, themes.parse_scope(db, event.id, str(
        store.list_questions(db, event.id)[0].id)))
    assert ("Normal", f"Teman: {len(saved)}") in paras
    headings3 = [text for style, text in paras if style == "Heading 3"]
    assert headings3 == [t.label for t in saved if not t.other] + [t.label for t in saved if t.other]
    start = paras.index(("Heading 3", "Skola & samverkan"))
    assert paras[start + 1][1].endswith("lappar") or paras[start + 1][1] == "1 lapp"
    pinned_text = next(m.note.text for m in saved[0].notes if m.pinned)
    assert paras[start + 2] == ("Intense Quote", f"”{pinned_text}”")
    quotes = [text for style, text in paras if "Quote" in style]
    for text in TEXTS:
        assert f"”{text}”" in quotes
    assert not any("Dold lapp" in text for _, text in paras)


def test_docx_keeps_todays_layout_for_a_question_without_themes(db, event):
    paras = paragraphs(db, event)
    start = paras.index(("Heading 1", "Vad gör vi nu?"))
    assert paras[start + 1:start + 3] == [("Normal", "1 lapp"), ("Quote", "”Utan tema”")]


def test_other_is_last_and_notes_after_the_run_are_not_lost(db, event):
    first = store.list_questions(db, event.id)[0]
    notes.submit_note(db, event.id, note_payload("Kom efter körningen", question_id=first.id), NOW)
    paras = paragraphs(db, event)
    headings3 = [text for style, text in paras if style == "Heading 3"]
    assert headings3[-1] == "Ännu inte sorterade"
    assert ("Quote", "”Kom efter körningen”") in paras


def test_markdown_with_themes(db, event):
    text = reports.report_markdown(db, event.id)
    assert "### Skola & samverkan" in text and "- **Teman:**" in text
    assert "**Framlyft:**" in text and "Dold lapp" not in text
    assert text.index("## Vad behöver barn och unga?") < text.index("### Skola & samverkan") \
        < text.index("## Vad gör vi nu?")


def test_csv_and_json_have_question_theme_pinned_text(db, event):
    rows = list(csv.DictReader(io.StringIO(reports.report_csv(db, event.id).lstrip("\ufeff"))))
    assert {r["text"] for r in rows} == set(TEXTS) | {"Utan tema"}
    assert {"question", "theme", "pinned", "text"} <= set(rows[0])
    assert [r["pinned"] for r in rows].count("1") == 1
    assert next(r for r in rows if r["text"] == "Utan tema")["theme"] == ""
    data = json.loads(reports.report_json(db, event.id))
    first, second = data["sections"]
    assert first["themes"][0]["label"] == "Skola & samverkan"
    assert sum(t["count"] for t in first["themes"]) == len(TEXTS)
    assert second == {"question": "Vad gör vi nu?", "count": 1,
                      "notes": [{"text": "Utan tema", "pinned": False, "starred": False}]}
    assert "Dold lapp" not in json.dumps(data, ensure_ascii=False)


def test_csv_defuses_formulas_in_labels(db, event):
    first = store.list_questions(db, event.id)[0].id
    theme_id = themes.board(db, event.id, first)["themes"][0]["id"]
    themes.rename(db, event, first, theme_id, "=HYPERLINK(\"x\")", NOW)
    rows = list(csv.DictReader(io.StringIO(reports.report_csv(db, event.id).lstrip("\ufeff"))))
    assert {r["theme"] for r in rows} >= {"'=HYPERLINK(\"x\")"}


def test_downloads(client, event):
    for fmt, mimetype in (("csv", "text/csv"), ("json", "application/json")):
        answer = client.get(f"/f/events/{event.id}/report.{fmt}")
        assert answer.status_code == 200 and answer.mimetype == mimetype
        assert f'.{fmt}"' in answer.headers["Content-Disposition"]
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
