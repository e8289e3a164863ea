"""Rotations in real Chromium: a phone checks in, the facilitator shows round 1, the phone
says which table and the projector's table map agrees; axe checks the new pages."""
from __future__ import annotations

import json
import sqlite3

from playwright.sync_api import expect

from .support import log_in, show_on_projector, submit, wait_for_welcome
from .test_accessibility import violations


def table_of(db_path, name):
    with sqlite3.connect(db_path) as db:
        person = db.execute("SELECT id FROM people WHERE name = ?", [name]).fetchone()[0]
        tables = json.loads(db.execute(
            "SELECT tables FROM rotation_rounds WHERE round_no = 1").fetchone()[0])
    return next(n for n, table in enumerate(tables, start=1) if person in table)


def test_phone_checks_in_and_is_sent_to_its_table(live_server, pages, facilitator_page):
    demo = live_server.demo
    control = facilitator_page(demo["facilitator_url"] + "/rotation")
    control.fill("#rot-seats", "11")
    submit(control, '[data-action="rotation-seats"]')
    expect(control.locator('[data-rotation-round="1"]')).to_be_visible()
    control.click('[data-action="checkin-open"]')                  # off until opened
    expect(control.locator('[data-action="checkin-open"]')).to_have_attribute("aria-pressed", "true")

    phone = pages(demo["join_url"], 360, 740, is_mobile=True)
    phone.fill("#checkin-name", "Åsa Öberg")
    phone.fill("#checkin-org", "Region Örebro län")
    phone.click('[data-action="checkin"]')
    expect(phone.locator("[data-seat-name]")).to_have_text("Åsa Öberg")
    expect(phone.locator("[data-seat-wait]")).to_contain_text("Ditt bord visas här")
    assert "me=" not in phone.url                                  # the id lives in localStorage
    expect(control.locator("[data-rotation-stale]")).to_be_visible()   # the open page notices

    events = facilitator_page()
    show_on_projector(events, "tables")
    projector = pages(demo["projector_url"], 1920, 1080)
    expect(projector.locator('[data-view-panel="tables"]')).to_be_visible()

    control.reload()
    submit(control, '[data-action="rotation-show"]')
    table = table_of(live_server.db_path, "Åsa Öberg")
    expect(phone.locator("[data-seat-table]")).to_have_text(f"Gå till bord {table}")
    expect(phone.locator("[data-seat-round]")).to_have_text("Omgång 1 av 3")
    row = projector.locator("[data-map] li", has_text="Åsa Öberg")
    expect(row.locator(".map-table")).to_have_text(str(table))
    expect(projector.locator("[data-map-title]")).to_contain_text("Omgång 1 av 3")

    phone.reload()                                                   # still known after a reload
    expect(phone.locator("[data-seat-table]")).to_have_text(f"Gå till bord {table}")
    phone.fill("[data-note-text]", "En lapp efter incheckning")
    phone.click('[data-action="note-send"]')
    expect(phone.locator("[data-my-notes] li").first).to_have_attribute("data-state", "received")
    with sqlite3.connect(live_server.db_path) as db:
        row = db.execute("SELECT * FROM notes WHERE text = 'En lapp efter incheckning'").fetchone()
    assert row is not None and "Åsa" not in repr(row)


def test_rotation_pages_pass_axe(live_server, pages):
    demo = live_server.demo
    page = pages(demo["facilitator_url"] + "/rotation", 1366, 900, bypass_csp=True)
    log_in(page, demo["login"])
    page.fill("#rot-name", "Karin Ek")
    page.fill("#rot-org", "BUN")
    submit(page, '[data-action="rotation-add"]')      # each post loads a new page: wait for it
    page.fill("#rot-seats", "9")
    submit(page, '[data-action="rotation-seats"]')
    submit(page, '[data-action="rotation-show"]')
    expect(page.locator('[data-rotation-round="1"]')).to_have_attribute("data-state", "current")
    found = {"rotation": violations(page)}
    page.goto(demo["facilitator_url"] + "/rotation/print")
    found["print"] = violations(page)
    phone = pages(demo["join_url"], 360, 740, is_mobile=True, bypass_csp=True)
    phone.wait_for_load_state("networkidle")
    found["phone"] = violations(phone)
    assert not any(found.values()), found


def test_a_world_cafe_host_is_told_to_stay_and_a_guest_to_go(live_server, pages, facilitator_page):
    demo = live_server.demo
    control = facilitator_page(demo["facilitator_url"] + "/rotation")
    control.fill("#rot-seats", "9")
    control.click('[data-action="rotation-seats"]')
    expect(control.locator('[data-rotation-round="1"]')).to_be_visible()
    control.check('input[name="mode"][value="hosts"]')
    control.click('[data-action="rotation-settings"]')
    for number in (1, 2):
        row = control.locator("[data-people] tr").filter(has_text=f"Plats {number}")
        row.locator('input[name="table"]').fill(str(number))
        row.locator('[data-action="rotation-host"]').click()
        expect(control.locator("[data-people] tr").filter(has_text=f"Plats {number}")
               .locator('input[name="table"]')).to_have_value(str(number))
    control.click('[data-action="checkin-open"]')                  # off until opened
    expect(control.locator('[data-action="checkin-open"]')).to_have_attribute("aria-pressed", "true")

    host = pages(demo["join_url"], 360, 640, is_mobile=True)
    host.fill("#checkin-name", "Plats 1")
    host.click('[data-action="checkin"]')
    guest = pages(demo["join_url"], 360, 640, is_mobile=True)
    guest.fill("#checkin-name", "Plats 5")
    guest.click('[data-action="checkin"]')
    expect(guest.locator("[data-seat-name]")).to_have_text("Plats 5")

    control.reload()
    control.click('[data-action="rotation-show"]')
    expect(host.locator("[data-seat-table]")).to_have_text("Du är värd: stanna vid bord 1")
    expect(host.locator("[data-seat-where]")).to_have_attribute("data-seat-host", "true")
    table = table_of(live_server.db_path, "Plats 5")
    expect(guest.locator("[data-seat-table]")).to_have_text(f"Gå till bord {table}")


def test_a_table_card_link_asks_before_it_sets_the_table(live_server, pages, facilitator_page):
    """Issue 24: ?t=7 from a table card is offered, never filled in by itself."""
    demo = live_server.demo
    control = facilitator_page(demo["facilitator_url"] + "/rotation")
    control.fill("#rot-seats", "6")
    submit(control, '[data-action="rotation-seats"]')
    events = facilitator_page()
    wait_for_welcome(events)
    events.check('[data-action="table-numbers"]')
    phone = pages(demo["join_url"] + "?t=7", 360, 740, is_mobile=True)
    expect(phone.locator("[data-table-field]")).to_be_visible()
    ask = phone.locator("[data-table-suggest]")
    expect(ask).to_have_text("Jag sitter vid bord 7")
    assert phone.locator("[data-note-table]").input_value() == ""
    ask.click()
    expect(phone.locator("[data-note-table]")).to_have_value("7")
    expect(ask).to_be_hidden()
