"""The note box in the room: moderation, the projector wall and cloud, a closed box."""
from __future__ import annotations

from playwright.sync_api import expect

from .support import show_on_projector, wait_for_welcome

PHONE = {"is_mobile": True, "has_touch": True}


def send(phone, text):
    phone.fill("[data-note-text]", text)
    phone.click('[data-action="note-send"]')
    expect(phone.locator("[data-my-note]", has_text=text)).to_have_attribute("data-state", "received")


def test_moderation_wall_cloud_and_closed_box(live_server, pages, facilitator_page):
    demo = live_server.demo
    facilitator = facilitator_page()
    projector = pages(demo["projector_url"], 1920, 1080)
    phone = pages(demo["join_url"], 360, 740, **PHONE)

    show_on_projector(facilitator, "wall")
    expect(projector.locator('[data-view-panel="wall"]')).to_be_visible()
    send(phone, "Samverkan mellan skola och socialtjänst")
    send(phone, "Samverka mer med fritids")
    send(phone, "Olämplig lapp")
    expect(projector.locator("[data-wall] li")).to_have_count(3)

    # Hide one note: it leaves the projector, stays on the control page when asked for.
    bad = facilitator.locator("[data-note-id]", has_text="Olämplig lapp")
    bad.locator('[data-action="note-hide"]').click()
    expect(bad).to_have_attribute("data-hidden", "true")
    expect(projector.locator("[data-wall] li", has_text="Olämplig")).to_have_count(0)
    expect(bad).to_be_hidden()
    facilitator.check("[data-show-hidden]")
    expect(bad).to_be_visible()

    # Feature one, filter by it, search.
    good = facilitator.locator("[data-note-id]", has_text="fritids")
    good.locator('[data-action="note-star"]').click()
    expect(good).to_have_attribute("data-starred", "true")
    facilitator.select_option("[data-note-filter]", "starred")
    expect(facilitator.locator("[data-note-list] [data-note-id]:visible")).to_have_count(1)
    facilitator.select_option("[data-note-filter]", "all")
    facilitator.fill("[data-note-search]", "socialtjänst")
    expect(facilitator.locator("[data-note-list] [data-note-id]:visible")).to_have_count(1)

    # The word cloud counts inflections once and leaves the hidden note out.
    show_on_projector(facilitator, "cloud")
    expect(projector.locator("[data-cloud] span").first).to_be_visible()
    expect(projector.locator('[data-cloud] span[data-count="2"]')).to_have_text("samverka")
    expect(projector.locator("[data-cloud] span", has_text="olämplig")).to_have_count(0)

    # A closed box: the phone says so and keeps the text.
    facilitator.uncheck('[data-action="box-open"]')
    expect(phone.locator("[data-box-closed]")).to_be_visible()
    expect(phone.locator('[data-action="note-send"]')).to_be_disabled()
    phone.fill("[data-note-text]", "Skrivet medan lådan var stängd")
    facilitator.check('[data-action="box-open"]')
    expect(phone.locator("[data-box-closed]")).to_be_hidden()
    phone.click('[data-action="note-send"]')
    expect(phone.locator("[data-my-note]", has_text="medan lådan")).to_have_attribute("data-state", "received")


def test_table_numbers_group_from_three_notes(live_server, pages, facilitator_page):
    demo = live_server.demo
    facilitator = facilitator_page()
    phone = pages(demo["join_url"], 360, 740, **PHONE)
    expect(phone.locator("[data-table-field]")).to_be_hidden()
    wait_for_welcome(facilitator)
    facilitator.check('[data-action="table-numbers"]')
    expect(phone.locator("[data-table-field]")).to_be_visible()
    phone.fill("[data-note-table]", "5")
    # Texts that differ, so the control page does not stack them as copies (duplicates.py).
    own = ["Mer tid för samtal", "Bättre lokaler för grupparbete", "Fler pauser under dagen"]
    others = ["Tydligare mål från början", "Gemensam uppföljning efteråt"]
    for text in own[:2]:
        send(phone, text)
    options = facilitator.locator("[data-table-options] option")
    expect(options).to_have_count(0)                      # two notes: not shown as a group
    send(phone, own[2])
    expect(options).to_have_count(0)                      # three notes, one phone: still not
    for text in others:                                   # two more phones at the table
        other = pages(demo["join_url"], 360, 740, **PHONE)
        other.fill("[data-note-table]", "5")
        send(other, text)
    expect(options).to_have_text(["Bord 5 (5)"])
    facilitator.select_option("[data-note-filter]", "t5")
    expect(facilitator.locator("[data-note-list] [data-note-id]:visible")).to_have_count(5)
