"""Hostile notes sent from a real phone page never run and are never mangled,
on the control page, the projector wall, the word cloud and in the .docx."""
from __future__ import annotations

import docx
import socketio
from playwright.sync_api import expect

from facilitator.domain.report.structure import xml_safe

from .support import show_on_projector

PAYLOADS = [
    '<script>window.pwned = 1</script>',
    '<img src=x onerror="window.pwned = 2">',
    '"><svg onload="window.pwned=3">',
    'javascript:window.pwned=4',
    '{{ config }} {% for x in range(3) %}x{% endfor %} ${7*7}',
    '\u202eRTL-override text\u202c and \u200bzero\u200dwidth',
    "'; DROP TABLE notes; --",
]
# Raw control characters (BEL, ESC) are refused at the door since issue 24 (bad_text, tested in
# tests/test_attacks_input.py); a tab is kept.


def test_hostile_notes_stay_text_everywhere(live_server, pages, facilitator_page):
    demo = live_server.demo
    dialogs = []
    facilitator = facilitator_page()
    projector = pages(demo["projector_url"], 1920, 1080)
    phone = pages(demo["join_url"], 360, 740, is_mobile=True)
    for page in (facilitator, projector, phone):
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    show_on_projector(facilitator, "wall")
    for text in PAYLOADS:
        phone.fill("[data-note-text]", text)
        phone.click('[data-action="note-send"]')
    expect(phone.locator('[data-my-note][data-state="received"]')).to_have_count(len(PAYLOADS))

    shown = facilitator.locator("[data-note-list] [data-note-text]")
    expect(shown).to_have_count(len(PAYLOADS))
    assert sorted(shown.evaluate_all("els => els.map(e => e.textContent)")) == sorted(PAYLOADS)
    wall = projector.locator("[data-wall] li")
    expect(wall).to_have_count(len(PAYLOADS))
    assert sorted(wall.evaluate_all("els => els.map(e => e.textContent)")) == sorted(PAYLOADS)
    show_on_projector(facilitator, "cloud")
    expect(projector.locator("[data-cloud] span").first).to_be_visible()
    assert projector.locator("[data-cloud] img, [data-cloud] svg, [data-cloud] script").count() == 0
    for page in (facilitator, projector, phone):
        assert page.evaluate("window.pwned") is None
    assert dialogs == []

    with facilitator.expect_download() as download:
        facilitator.click('[data-action="report-docx"]')
    quotes = {p.text for p in docx.Document(download.value.path()).paragraphs
              if p.style.name == "List Bullet"}
    for text in PAYLOADS:   # Word cannot hold C0 control characters: only those are dropped
        assert xml_safe(text) in quotes, text


def test_huge_socket_messages_are_refused_and_the_server_lives_on(live_server):
    client = socketio.Client(reconnection=False)
    client.connect(live_server.base, auth={"event": live_server.demo["event_id"],
                                           "role": "participant"}, transports=["websocket"])
    try:
        client.call("note_submit", {"id": "1f0e5d7a-1111-4a4a-9a43-2f0f6b1f7c11",
                                    "text": "x" * (10 * 1024 * 1024)}, timeout=5)
    except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
        pass
    finally:
        client.disconnect()
    fresh = socketio.Client(reconnection=False)
    fresh.connect(live_server.base, auth={"event": live_server.demo["event_id"],
                                          "role": "participant"}, transports=["websocket"])
    ack = fresh.call("note_submit", {"id": "1f0e5d7a-2222-4a4a-9a43-2f0f6b1f7c11", "text": "efteråt"},
                     timeout=5)
    fresh.disconnect()
    assert ack["ok"]
    import sqlite3
    with sqlite3.connect(live_server.db_path) as db:
        assert [r[0] for r in db.execute("SELECT text FROM notes")] == ["efteråt"]
