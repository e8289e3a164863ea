"""The summary: Word and Markdown, logo, appendix, CLI, and a real LibreOffice conversion."""
import io
import json
import os
import random
import shutil
import subprocess
import sys

import docx
import pytest
from PIL import Image

from facilitator import store
from facilitator.usecases import notes, demo_data, events, reports
from facilitator.domain.logo import LogoError, check_logo

from .conftest import NOW, note_payload


def png(width=200, height=80, fmt="PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 95, 139)).save(out, format=fmt)
    return out.getvalue()


def test_docx_has_counts_appendix_and_logo(db, demo):
    notes.submit_note(db, demo.id, note_payload("Första lappen"), NOW)
    events.set_logo(db, demo.id, png())
    document = docx.Document(io.BytesIO(reports.report_docx(db, demo.id, NOW)))
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Normal", "Lappar: 1") in texts and ("Normal", "Frågor: 1") in texts
    appendix = texts.index(("Heading 1", "Bilaga: Alla lappar"))
    assert ("List Bullet", "Första lappen") in texts[:appendix]
    assert any("Första lappen" in text for _, text in texts[appendix:])
    # The logo, the evaluation's chart in the summary, and each item's chart after it.
    assert len(document.inline_shapes) >= 3
    assert document.sections[0].footer.paragraphs[0].text.startswith("Sida")
    assert document.sections[0].header.paragraphs[0].text == demo.name


def test_markdown_keeps_note_text_as_text(db, demo):
    notes.submit_note(db, demo.id, note_payload("*inte fet* <b>html</b> [länk](javascript:x)"), NOW)
    starred, _ = notes.submit_note(db, demo.id, note_payload("Viktigast"), NOW)
    notes.moderate(db, demo.id, {"id": starred.id, "starred": True})
    text = reports.report_markdown(db, demo.id)
    assert text.startswith("# Dialogkonferens: barn och ungas utveckling i länet\n")
    assert r"- \*inte fet\* \<b\>html\</b\> \[länk\](javascript:x)" in text
    assert text.index("Viktigast") < text.index("inte fet")
    assert "- **Viktigast**" in text


@pytest.mark.parametrize("hostile", [
    "# Rubrik från en lapp", "---", "=== ", "1. en lista", "- punkt", "+ punkt",
    "> citat", "<script>alert(1)</script>", "```kod```", "| a | b |", "Rad ett\n# rad två\n---",
])
def test_a_note_cannot_add_markdown_structure(db, demo, hostile):
    notes.submit_note(db, demo.id, note_payload(hostile), NOW)
    text = reports.report_markdown(db, demo.id)
    lines = text.splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert all(not line.lstrip("#").lstrip().startswith(("Rubrik", "rad")) for line in headings)
    assert "---" not in [line.strip() for line in lines]
    assert not any(line.startswith(("- #", "- -", "- +", "- 1.", "- >", "- <", "- `", "- |"))
                   for line in lines)
    assert "<script>" not in text


@pytest.mark.parametrize("data, code", [
    (b"", "logo_empty"), (b"GIF89a" + b"\x00" * 100, "logo_not_image"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo_not_image"),
    (png(fmt="GIF"), "logo_not_image"), (png(5000, 10), "logo_too_big"),
    (b"\x89PNG" + b"x" * (2 * 1024 * 1024), "logo_too_big"),
])
def test_bad_logos(data, code):
    with pytest.raises(LogoError) as info:
        check_logo(data)
    assert info.value.code == code


def test_logo_upload_page(client, db, demo):
    ok = client.post(f"/f/events/{demo.id}/logo", data={"logo": (io.BytesIO(png(fmt="JPEG")), "l.jpg")},
                     content_type="multipart/form-data")
    assert ok.status_code == 302 and events.has_logo(db, demo.id)
    bad = client.post(f"/f/events/{demo.id}/logo", data={"logo": (io.BytesIO(b"not an image"), "x.png")},
                      content_type="multipart/form-data")
    assert bad.status_code == 400 and "inte en PNG- eller JPEG-bild" in bad.get_data(as_text=True)
    assert client.post(f"/f/events/{demo.id}/logo", data={"remove": "1"}).status_code == 302
    assert not events.has_logo(db, demo.id)


def test_report_downloads(client, demo):
    assert client.get(f"/f/events/{demo.id}/report.md").mimetype == "text/markdown"
    assert client.get(f"/f/events/{demo.id}/report.exe").status_code == 404


def test_demo_notes_are_realistic_and_topped_up(db, demo):
    added = demo_data.seed_demo_notes(db, demo.id, 50, random.Random(1), NOW)
    again = demo_data.seed_demo_notes(db, demo.id, 50, random.Random(1), NOW)
    texts = [n.text for n in store.list_notes(db, demo.id)]
    assert (added, again, len(texts)) == (50, 0, 50)
    assert any("samverkan" in t.lower() or "samarbet" in t.lower() for t in texts)
    assert all(t[0].isupper() for t in texts)
    # Most say whom they are for, as when the room is asked at the last step: the demo's
    # report can show the split per theme.
    scopes = [n.scope for n in store.list_notes(db, demo.id)]
    assert 15 <= scopes.count("shared") <= 35 and 8 <= scopes.count("own") <= 25, scopes
    assert None in scopes


def run(tmp_path, *args):
    env = {**os.environ, "FACILITATOR_INSTANCE_PATH": str(tmp_path / "instance")}
    return subprocess.run([sys.executable, "-m", "facilitator", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_report_cli_and_libreoffice_opens_it(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    demo = json.loads(run(tmp_path, "demo", "--db", db, "--notes", "40", "--json").stdout)
    assert demo["notes_added"] == 40
    out = tmp_path / "rapport.docx"
    assert run(tmp_path, "report", demo["event_id"], "--db", db, "-o", str(out)).returncode == 0
    md = tmp_path / "rapport.md"
    assert run(tmp_path, "report", demo["event_id"], "--db", db, "-o", str(md)).returncode == 0
    assert md.read_text(encoding="utf-8").startswith("# Dialogkonferens")
    bad = run(tmp_path, "report", demo["event_id"], "--db", db, "-o", str(tmp_path / "r.xyz"))
    assert bad.returncode == 2 and "docx|pdf|md" in bad.stderr
    if not shutil.which("soffice"):
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (libreoffice-writer-nogui) is required in CI")
        pytest.skip("LibreOffice not installed")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pdf_text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "rapport.pdf"), "-"],
                                       capture_output=True, text=True, check=True).stdout.split())
    assert "Dialogkonferens: barn och ungas utveckling i länet" in pdf_text
    assert "Så arbetade vi" in pdf_text and "Bilaga: Alla lappar" in pdf_text


def test_pdf_from_the_cli_and_a_clear_message_without_libreoffice(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    demo = json.loads(run(tmp_path, "demo", "--db", db, "--notes", "20", "--json").stdout)
    env = {**os.environ, "FACILITATOR_INSTANCE_PATH": str(tmp_path / "instance"),
           "PATH": os.path.dirname(sys.executable)}
    missing = subprocess.run([sys.executable, "-m", "facilitator", "report", demo["event_id"],
                              "--db", db, "-o", str(tmp_path / "r.pdf")],
                             capture_output=True, text=True, env=env, timeout=120)
    assert missing.returncode == 2 and "libreoffice-writer-nogui" in missing.stderr
    assert not (tmp_path / "r.pdf").exists()
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice not installed")
    done = run(tmp_path, "report", demo["event_id"], "--db", db, "-o", str(tmp_path / "r.pdf"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_download_says_how_to_install_libreoffice(client, demo, monkeypatch):
    monkeypatch.setenv("PATH", "")
    answer = client.get(f"/f/events/{demo.id}/report.pdf")
    assert answer.status_code == 503 and "libreoffice-writer-nogui" in answer.get_data(as_text=True)


def test_download_names_are_readable_and_safe(client, db, demo):
    from facilitator.models import EventDraft
    events.update_event(db, demo.id, EventDraft(name='Möte: "barn/unga" <2026>\x07 ..',
                                                  date="2026-11-23"))
    answer = client.get(f"/f/events/{demo.id}/report.docx")
    disposition = answer.headers["Content-Disposition"]
    assert "Sammanst%C3%A4llning%20M%C3%B6te%20barn%20unga%202026%202026-11-23.docx" in disposition
    for bad in ('"barn', "/", "<", "\x07"):
        assert bad not in disposition.split("filename*=")[-1]


def test_csv_carries_the_evaluation(db, demo):
    """The demo's scale item has answers 2,2,2,2,3,3,3,3,4: a row per value, the mean in the
    event's language (2,67), and a row per comment; the CSV is a complete summary."""
    import csv as csv_module
    rows = list(csv_module.DictReader(io.StringIO(reports.report_csv(db, demo.id).lstrip("\ufeff"))))
    scale = [r for r in rows if r["Del"] == "Utvärdering" and r["Fråga"].startswith("I vilken grad")]
    assert [(r["Tema"], r["Antal"]) for r in scale] == [
        ("1", "0"), ("2", "4"), ("3", "4"), ("4", "1"), ("medelvärde", "2,67"), ("median", "3")]
    comments = [r for r in rows if r["Del"] == "Utvärdering" and r["Tema"] == "Kommentarer"]
    answered = [result for item, result in reports.report_data(db, demo.id).evaluation]
    assert len(comments) == sum(len(r["comments"]) for r in answered) > 0
    assert all(r["Text"] and r["Antal"] == "1" for r in comments)
