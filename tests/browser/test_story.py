"""The walking-skeleton story, in real Chromium against a real server subprocess.

Facilitator 1366x900, projector 1920x1080 and a phone 360x740, at once, each
in its own browser context.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from facilitator.domain.report.docx import long_date

from .support import PHONE, PROJECTOR, send_note

NOTE = "Gemensamma mötesplatser för skola och socialtjänst – åäö"
EVENT_NAME = "Dialogkonferens: barn och ungas utveckling i länet"
NINETEEN_FIFTY_SOMETHING = re.compile(r"^19:5\d$")


def open_phone(pages, server, **options):
    width, height, defaults = PHONE
    return pages(server.demo["join_url"], width, height, **{**defaults, **options})


def open_projector(pages, server):
    width, height, _ = PROJECTOR
    return pages(server.demo["projector_url"], width, height)


def stored_notes(server, text: str) -> list[tuple[str]]:
    with sqlite3.connect(server.db_path) as db:
        return db.execute("SELECT text FROM notes WHERE text = ?", [text]).fetchall()


def note_count(server) -> int:
    with sqlite3.connect(server.db_path) as db:
        return db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]


def event_date(server) -> str:
    with sqlite3.connect(server.db_path) as db:
        return db.execute("SELECT date FROM events WHERE id = ?",
                          [server.demo["event_id"]]).fetchone()[0]


def seconds(clock: str) -> int:
    minutes, secs = clock.lstrip("-").split(":")
    return int(minutes) * 60 + int(secs)


def decode_qr(path: Path) -> str:
    if shutil.which("zbarimg") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("zbarimg (zbar-tools) is required in CI")
        pytest.skip("zbarimg not installed")
    # -Sbinary: the raw bytes of the code, without zbar's charset guessing.
    out = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", str(path)],
                         capture_output=True, check=True, timeout=30).stdout
    return out.decode("utf-8").rstrip("\n")


def screenshot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FACILITATOR_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_screenshots(folder: Path, **pages) -> None:
    for name, page in pages.items():
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def open_event_from_home(facilitator_page, server):
    """Log in on /f/, find the demo event in the list and open its control page."""
    home = facilitator_page(f"{server.base}/f/")
    link = home.locator(f'[data-event-id="{server.demo["event_id"]}"] a.event-link')
    expect(link).to_contain_text("Dialogkonferens")
    link.click()
    expect(home).to_have_url(server.demo["facilitator_url"])
    return home


def check_projector_join(projector, demo: dict, tmp_path: Path) -> None:
    """Join code, a 20-minute timer and a QR code that scans to the join URL."""
    expect(projector.locator("[data-join-code]")).to_have_text(demo["join_code"])
    expect(projector.locator("[data-timer]")).to_have_text("20:00")
    qr = projector.locator("img[data-join-qr]")
    expect(qr).to_be_visible()
    expect(qr).to_have_js_property("complete", True)
    qr_png = tmp_path / "qr.png"
    qr.screenshot(path=str(qr_png))
    assert decode_qr(qr_png) == demo["join_url"]


def send_swedish_note(phone, facilitator, server) -> None:
    """No name asked; "Mottagen ✓" means stored; the control page gets it live."""
    expect(phone.locator("html")).to_have_attribute("lang", "sv")
    send_note(phone, NOTE)
    mine = phone.locator('[data-my-note][data-state="received"]')
    expect(mine).to_be_visible()
    expect(mine).to_contain_text("Mottagen ✓")
    expect(mine).to_contain_text(NOTE)
    assert stored_notes(server, NOTE) == [(NOTE,)]
    expect(facilitator.locator("[data-note-list] [data-note-id]")).to_contain_text([NOTE])


def start_timer_everywhere(facilitator, projector, phone) -> None:
    facilitator.click('[data-action="timer-start"]')
    expect(projector.locator("[data-timer-box]")).to_have_attribute("data-status", "running")
    for page in (projector, phone):
        expect(page.locator("[data-timer]")).to_have_text(NINETEEN_FIFTY_SOMETHING)
    shown = [page.locator("[data-timer]").inner_text() for page in (projector, phone)]
    assert abs(seconds(shown[0]) - seconds(shown[1])) <= 1, shown


def pause_timer_everywhere(facilitator, projector, phone) -> None:
    """After pause every screen shows the same frozen time, 1.5 s later still."""
    facilitator.click('[data-action="timer-pause"]')
    screens = (facilitator, projector, phone)
    for page in screens:
        expect(page.locator("[data-timer-box]")).to_have_attribute("data-status", "paused")
    frozen = [page.locator("[data-timer]").inner_text() for page in screens]
    assert len(set(frozen)) == 1 and NINETEEN_FIFTY_SOMETHING.match(frozen[0]), frozen
    projector.wait_for_timeout(1500)  # deliberate: nothing may move while paused
    for page in screens:
        expect(page.locator("[data-timer]")).to_have_text(frozen[0], timeout=1)


def check_summary(facilitator, server) -> None:
    """The .docx: the event's title, its date (today, UTC) and the note as a quote."""
    with facilitator.expect_download() as download:
        facilitator.click('[data-action="report-docx"]')
    paragraphs = [(p.style.name, p.text) for p in docx.Document(download.value.path()).paragraphs]
    texts = [text for _, text in paragraphs]
    assert any(EVENT_NAME in text for text in texts), texts
    today = datetime.now(timezone.utc).date()
    date = event_date(server)
    assert date in {today.isoformat(), (today - timedelta(days=1)).isoformat()}  # midnight-safe
    assert f"Datum: {long_date(date, 'sv')}" in texts, texts   # "23 november 2026"
    assert any(style == "List Bullet" and NOTE in text for style, text in paragraphs), paragraphs


def test_one_cafe_round_end_to_end(live_server, pages, facilitator_page, tmp_path):
    facilitator = open_event_from_home(facilitator_page, live_server)
    projector = open_projector(pages, live_server)
    phone = open_phone(pages, live_server)
    check_projector_join(projector, live_server.demo, tmp_path)
    send_swedish_note(phone, facilitator, live_server)
    start_timer_everywhere(facilitator, projector, phone)
    save_screenshots(screenshot_dir(tmp_path), facilitator=facilitator, projector=projector,
                     phone=phone)
    pause_timer_everywhere(facilitator, projector, phone)
    check_summary(facilitator, live_server)


def test_a_note_written_offline_is_sent_when_the_network_returns(live_server, pages):
    phone = open_phone(pages, live_server)
    phone.wait_for_function("() => window.facilitatorPage.socket.connected")
    phone.context.set_offline(True)
    phone.evaluate("window.facilitatorPage.socket.io.engine.close()")  # drop the live socket too
    text = "Skriven i en källare utan täckning"
    send_note(phone, text)
    expect(phone.locator('[data-my-note][data-state="sending"]')).to_contain_text("Skickar…")
    assert stored_notes(live_server, text) == []
    phone.context.set_offline(False)
    expect(phone.locator('[data-my-note][data-state="received"]')).to_be_visible(timeout=15000)
    assert stored_notes(live_server, text) == [(text,)]
    expect(phone.locator("[data-my-note]")).to_have_count(1)


def is_note_ack(message) -> bool:
    """A Socket.IO ack frame (engine.io "4" + socket.io "3") answering note_submit."""
    return isinstance(message, str) and message.startswith("43") and '"duplicate"' in message


def wait_until(page, condition, timeout_s: float = 10.0) -> None:
    """Poll a Python-side condition; page.wait_for_timeout lets Playwright run our route."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(20)


def test_a_note_whose_ack_was_lost_is_resent_and_stored_once(live_server, pages):
    """The server stores the note but its ack never arrives: the phone resends it on
    reconnect, the server treats it as a duplicate and the database keeps one row."""
    acks = []  # every note ack from the server; only the first is withheld from the page

    def forward(ws, message):
        if is_note_ack(message):
            acks.append(message)
            if len(acks) == 1:
                return
        ws.send(message)

    def route(ws):
        ws.connect_to_server().on_message(lambda message: forward(ws, message))

    phone = open_phone(pages, live_server)
    phone.route_web_socket(re.compile(r".*/socket\.io/.*"), route)
    phone.reload()  # the new page's socket goes through the route
    phone.wait_for_function(  # an arrow function: a string expression would need eval (CSP)
        "() => window.facilitatorPage.socket.io.engine.transport.name === 'websocket'")
    text = "Kvittot kom bort men lappen kom fram"
    send_note(phone, text)
    wait_until(phone, lambda: acks)
    assert stored_notes(live_server, text) == [(text,)]  # the server acks after its commit
    expect(phone.locator('[data-my-note][data-state="sending"]')).to_be_visible()
    phone.evaluate("window.facilitatorPage.socket.io.engine.close()")  # reconnect: resend
    # Only a second ack can make it "received"; the resend may travel over HTTP long-polling
    # before the new socket upgrades, so it is not necessarily seen by the route.
    expect(phone.locator('[data-my-note][data-state="received"]')).to_be_visible(timeout=15000)
    assert '"duplicate":false' in acks[0], acks
    assert stored_notes(live_server, text) == [(text,)]


def test_a_pending_note_survives_a_reload(live_server, pages):
    """The outbox lives in localStorage: a note typed before a reload still arrives, once."""
    phone = open_phone(pages, live_server)
    phone.wait_for_function("() => window.facilitatorPage.socket.connected")
    phone.evaluate("window.facilitatorPage.socket.disconnect()")
    text = "Lappen överlevde en omladdning"
    send_note(phone, text)
    expect(phone.locator('[data-my-note][data-state="sending"]')).to_be_visible()
    phone.reload()
    expect(phone.locator('[data-my-note][data-state="received"]')).to_contain_text(text)
    assert stored_notes(live_server, text) == [(text,)]


def submit_without_js(phone, text: str):
    """Fill and submit the plain form; the response to its POST."""
    phone.fill("[data-note-text]", text)
    with phone.expect_response(lambda r: r.request.method == "POST") as response:
        phone.click('[data-action="note-send"]')
    return response.value


def test_the_note_form_works_without_javascript(live_server, pages):
    phone = open_phone(pages, live_server, java_script_enabled=False)
    empty = submit_without_js(phone, "   ")
    assert empty.status == 400
    expect(phone.locator("[data-note-error]")).to_contain_text("Skriv något först.")
    assert note_count(live_server) == 0

    text = "Utan JavaScript går det också – åäö"
    sent = submit_without_js(phone, text)
    assert sent.status == 302
    expect(phone).to_have_url(re.compile(r"/j/[^/]+\?sent=1$"))
    expect(phone.locator(".notice.ok")).to_contain_text("Mottagen ✓")
    assert stored_notes(live_server, text) == [(text,)]
