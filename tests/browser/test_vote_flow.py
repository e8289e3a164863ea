"""Dot votes in real Chromium: three phones place and move dots, the projector shows live bars,
the report carries the result."""
from __future__ import annotations

import json
import sqlite3

from playwright.sync_api import expect

from .support import PHONE, PROJECTOR, show_on_projector

# The first is long, in one long word too: the phone's buttons must still fit at 360 px.
OPTIONS = ["Gemensam kompetensutvecklingssatsning för lärare och skolledare i hela länet",
           "Samordnad elevhälsa", "Dela statistik"]


def open_phone(pages, url):
    width, height, defaults = PHONE
    return pages(url, width, height, **defaults)


def place(phone, label, times=1):
    row = phone.locator("[data-vote-option]", has_text=label)
    for _ in range(times):
        row.locator('[data-action="vote-add"]').click()


def voted(phone):
    expect(phone.locator("[data-vote-status]")).to_contain_text("Röstat ✓")


def test_three_phones_vote_and_the_projector_shows_live_bars(live_server, pages, facilitator_page):
    demo = live_server.demo
    admin = facilitator_page(demo["facilitator_url"] + "/votes")
    admin.fill("#vote-title", "Vad gör vi först?")
    admin.check('input[name="source"][value="manual"]')
    admin.fill("#vote-options", "\n".join(OPTIONS))
    admin.check('input[name="results_visible"]')
    admin.click('[data-action="vote-add"]')
    admin.locator("[data-vote-item]", has_text="Vad gör vi först?").locator(
        '[data-action="vote-open"]').click()
    expect(admin.locator("[data-vote-item]", has_text="Vad gör vi först?")).to_have_attribute(
        "data-status", "open")

    width, height, _ = PROJECTOR
    projector = pages(demo["projector_url"], width, height)
    control = facilitator_page()
    show_on_projector(control, "vote")
    expect(projector.locator("[data-view-panel='vote']")).to_be_visible()

    phones = [open_phone(pages, demo["join_url"]) for _ in range(3)]
    place(phones[0], OPTIONS[0], 2)
    place(phones[0], OPTIONS[1])
    voted(phones[0])
    # The phone has no dots left: its plus buttons are off.
    expect(phones[0].locator('[data-action="vote-add"]').first).to_be_disabled()
    card = phones[0].locator("[data-vote-section]").bounding_box()
    for button in phones[0].locator("[data-vote-option] button").all():
        box = button.bounding_box()
        assert box["x"] + box["width"] <= card["x"] + card["width"], box   # inside the card
    bars = projector.locator("[data-vote-result] .vote-bar-count")
    expect(bars).to_have_text(["2", "1", "0"])                  # live, in the options' order

    place(phones[1], OPTIONS[2], 3)
    voted(phones[1])
    place(phones[2], OPTIONS[1], 2)
    # Moving a dot: one off "Gemensam fortbildning", onto "Dela statistik".
    phones[0].locator("[data-vote-option]", has_text=OPTIONS[0]).locator(
        '[data-action="vote-remove"]').click()
    place(phones[0], OPTIONS[2])
    voted(phones[0])
    voted(phones[2])
    expect(bars).to_have_text(["1", "3", "4"])
    expect(projector.locator("[data-vote-result] .vote-phones")).to_contain_text("3 har röstat")
    expect(admin.locator("[data-vote-item]", has_text="Vad gör vi först?").locator(
        ".bar-count")).to_have_text(["1", "3", "4"])
    live = control.locator("[data-vote-live-item]", has_text="Vad gör vi först?")
    expect(live.locator(".bar-count")).to_have_text(["1", "3", "4"])   # the control page too

    admin.locator("[data-vote-item]", has_text="Vad gör vi först?").locator(
        '[data-action="vote-close"]').click()
    expect(phones[1].locator("[data-vote]")).to_have_count(0)
    # Each phone that voted is told its dots were counted (the section stays for that).
    told = phones[1].locator('[data-vote-closed] [data-state="counted"]')
    expect(told).to_have_text("”Vad gör vi först?” är stängd. Dina 3 prickar räknades. Tack!")
    expect(phones[0].locator('[data-vote-closed] [data-state="counted"]')).to_contain_text(
        "Dina 3 prickar")
    expect(control.locator("[data-vote-live-item]", has_text="Vad gör vi först?")).to_have_count(0)
    expect(projector.locator("[data-vote-result]").first).to_have_attribute("data-status", "closed")
    expect(bars).to_have_text(["4", "3", "1"])                  # closed: most dots first

    with sqlite3.connect(live_server.db_path) as db:
        rows = db.execute("SELECT b.dots FROM vote_ballots b JOIN votes v ON v.id = b.vote_id"
                          " WHERE v.title = 'Vad gör vi först?'").fetchall()
    assert len(rows) == 3
    report = admin.request.get(demo["facilitator_url"] + "/report.json")
    vote = [v for v in json.loads(report.text())["votes"] if v["title"] == "Vad gör vi först?"][0]
    assert vote["phones"] == 3 and vote["dots_per_phone"] == 3
    assert [(o["label"], o["votes"]) for o in vote["options"]] == list(zip(OPTIONS, [1, 3, 4]))
    markdown = admin.request.get(demo["facilitator_url"] + "/report.md").text()
    assert "| Dela statistik | 4 | 50 % |" in markdown, markdown[:1500]
