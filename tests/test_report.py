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
    assert ("Heading 1", "Bilaga: alla lappar") in texts
    assert ("List Bullet", "Första lappen") in texts
    assert len(document.inline_shapes) == 2          # the logo and the demo's evaluation chart
    assert document.sections[0].footer.paragraphs[0].text.startswith("Sida")


def test_markdown_keeps_note_text_as_text(db, demo):
    notes.submit_note(db, demo.id, note_payload("*inte fet* <b>html</b> [länk](javascript:x)"), NOW)
    starred, _ = notes.submit_note(db, demo.id, note_payload("Viktigast"), NOW)
    notes.moderate(db, demo.id, {"id": starred.id, "starred": True})
    text = reports.report_markdown(db, demo.id)
    assert text.startswith("# Dialogkonferens: barn och ungas utveckling i länet\n")
    assert r"> \*inte fet\* \<b\>html\</b\> \[länk\](javascript:x)" in text
    assert text.index("Viktigast") < text.index("inte fet")
    assert "**Framlyft:** Viktigast" in text


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
    assert client.get(f"/f/events/{demo.id}/report.pdf").status_code == 404


def test_demo_notes_are_realistic_and_topped_up(db, demo):
    added = demo_data.seed_demo_notes(db, demo.id, 50, random.Random(1), NOW)
    again = demo_data.seed_demo_notes(db, demo.id, 50, random.Random(1), NOW)
    texts = [n.text for n in store.list_notes(db, demo.id)]
    assert (added, again, len(texts)) == (50, 0, 50)
    assert any("samverkan" in t.lower() or "samarbet" in t.lower() for t in texts)
    assert all(t[0].isupper() for t in texts)


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
    bad = run(tmp_path, "report", demo["event_id"], "--db", db, "-o", str(tmp_path / "r.pdf"))
    assert bad.returncode == 2 and "docx|md" in bad.stderr
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
    assert "Så arbetade vi" in pdf_text and "Bilaga: alla lappar" in pdf_text
