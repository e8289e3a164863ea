"""The walking-skeleton story, in real Chromium against a real server subprocess.

Facilitator 1366 px, projector 1920x1080 and a phone 360 px wide, at once.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

NOTE = "Gemensamma mötesplatser för skola och socialtjänst – åäö"
PHONE = {"is_mobile": True, "has_touch": True}


def stored_notes(server, text):
    with sqlite3.connect(server.db_path) as db:
        return db.execute("SELECT text FROM notes WHERE text = ?", [text]).fetchall()


def seconds(clock: str) -> int:
    minutes, secs = clock.lstrip("-").split(":")
    return int(minutes) * 60 + int(secs)


def decode_qr(path: Path) -> str:
    if shutil.which("zbarimg") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("zbarimg (zbar-tools) is required in CI")
        pytest.skip("zbarimg not installed")
    out = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", str(path)], capture_output=True,
                         check=True).stdout
    return out.decode("utf-8").rstrip("\n")


def test_one_cafe_round_end_to_end(live_server, pages, facilitator_page, tmp_path):
    demo = live_server.demo
    home = facilitator_page(f"{live_server.base}/f/")
    expect(home.locator(f'[data-event-id="{demo["event_id"]}"] a.event-link')).to_contain_text("Dialogkonferens")
    facilitator = facilitator_page()
    projector = pages(demo["projector_url"], 1920, 1080)
    phone = pages(demo["join_url"], 360, 740, **PHONE)

    # The projector shows the join code, the timer and a QR code that scans to the join URL.
    expect(projector.locator("[data-join-code]")).to_have_text(demo["join_code"])
    expect(projector.locator("[data-timer]")).to_have_text("20:00")
    qr_png = tmp_path / "qr.png"
    projector.locator("img[data-join-qr]").screenshot(path=str(qr_png))
    assert decode_qr(qr_png) == demo["join_url"]

    # A phone writes a note without giving a name; "received" means it is in the database.
    expect(phone.locator("html")).to_have_attribute("lang", "sv")
    phone.fill("[data-note-text]", NOTE)
    phone.click('[data-action="note-send"]')
    expect(phone.locator('[data-my-note][data-state="received"]')).to_contain_text("Mottagen ✓")
    assert stored_notes(live_server, NOTE) == [(NOTE,)]
    expect(facilitator.locator("[data-note-list] [data-note-id] [data-note-text]").first).to_have_text(NOTE)

    # A 20-minute round: projector and phone count down together.
    facilitator.click('[data-action="timer-start"]')
    expect(projector.locator("[data-timer-box]")).to_have_attribute("data-status", "running")
    expect(projector.locator("[data-timer]")).not_to_have_text("20:00", timeout=3000)
    shown = [p.locator("[data-timer]").inner_text() for p in (projector, phone, facilitator)]
    assert max(map(seconds, shown)) - min(map(seconds, shown)) <= 1, shown
    assert all(s.startswith("19:5") for s in shown), shown
    save_screenshots(facilitator, projector, phone)

    # Pause stops every screen.
    facilitator.click('[data-action="timer-pause"]')
    for page in (projector, phone, facilitator):
        expect(page.locator("[data-timer-box]")).to_have_attribute("data-status", "paused")
    frozen = [p.locator("[data-timer]").inner_text() for p in (projector, phone)]
    projector.wait_for_timeout(1500)
    assert [p.locator("[data-timer]").inner_text() for p in (projector, phone)] == frozen

    # The organiser downloads the summary: title, date, the note as a quote.
    with facilitator.expect_download() as download:
        facilitator.click('[data-action="report-docx"]')
    document = docx.Document(download.value.path())
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Dialogkonferens: barn och ungas utveckling i länet") in texts
    today = datetime.now(timezone.utc).date().isoformat()
    assert any(today in text for _, text in texts)
    assert ("Quote", f"”{NOTE}”") in texts


def save_screenshots(facilitator, projector, phone):
    folder = os.environ.get("FACILITATOR_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    facilitator.screenshot(path=f"{folder}/facilitator.png")
    projector.screenshot(path=f"{folder}/projector.png")
    phone.screenshot(path=f"{folder}/phone.png", full_page=True)


def test_a_note_written_offline_is_sent_when_the_network_returns(live_server, pages):
    phone = pages(live_server.demo["join_url"], 360, 740, **PHONE)
    expect(phone.locator("[data-timer]")).to_have_text("20:00")
    phone.wait_for_function("window.facilitatorPage.socket.connected")
    phone.context.set_offline(True)
    phone.evaluate("window.facilitatorPage.socket.io.engine.close()")  # drop the live socket too
    text = "Skriven i en källare utan täckning"
    phone.fill("[data-note-text]", text)
    phone.click('[data-action="note-send"]')
    expect(phone.locator('[data-my-note][data-state="sending"]')).to_contain_text("Skickar…")
    assert stored_notes(live_server, text) == []
    phone.context.set_offline(False)
    expect(phone.locator('[data-my-note][data-state="received"]')).to_be_visible(timeout=15000)
    assert stored_notes(live_server, text) == [(text,)]


def test_a_pending_note_survives_a_reload(live_server, pages):
    """The outbox lives in localStorage: a note typed before a reload still arrives, once."""
    phone = pages(live_server.demo["join_url"], 360, 740, **PHONE)
    phone.wait_for_function("window.facilitatorPage.socket.connected")
    phone.evaluate("window.facilitatorPage.socket.disconnect()")
    text = "Lappen överlevde en omladdning"
    phone.fill("[data-note-text]", text)
    phone.click('[data-action="note-send"]')
    expect(phone.locator('[data-my-note][data-state="sending"]')).to_be_visible()
    phone.reload()
    expect(phone.locator('[data-my-note][data-state="received"]')).to_contain_text(text)
    assert stored_notes(live_server, text) == [(text,)]


def test_the_note_form_works_without_javascript(live_server, pages):
    phone = pages(live_server.demo["join_url"], 360, 740, java_script_enabled=False, **PHONE)
    phone.fill("[data-note-text]", "   ")
    phone.click('[data-action="note-send"]')
    expect(phone.locator("[data-note-error]")).to_contain_text("Skriv något först.")
    text = "Utan JavaScript går det också"
    phone.fill("[data-note-text]", text)
    phone.click('[data-action="note-send"]')
    expect(phone.locator(".notice.ok")).to_contain_text("Mottagen ✓")
    assert stored_notes(live_server, text) == [(text,)]
