"""Themes in the browser: find them, rename one, move a note by keyboard, show the harvest, axe."""
from __future__ import annotations

import subprocess
import sys

from playwright.sync_api import expect

from .support import FACILITATOR, PROJECTOR, send_note
from .test_accessibility import violations


def seed_notes(server, count: int) -> None:
    """Top the running demo event up to `count` realistic notes (the CLI, on the same file)."""
    subprocess.run([sys.executable, "-m", "facilitator", "demo", "--db", str(server.db_path),
                    "--base-url", server.base, "--notes", str(count), "--json"],
                   env=server.env(), check=True, capture_output=True, text=True, timeout=60)


def test_find_rename_move_by_keyboard_and_harvest(live_server, pages):
    from .support import log_in
    demo = live_server.demo
    seed_notes(live_server, 60)
    url = f"{live_server.base}/f/events/{demo['event_id']}/themes"
    width, height, _ = FACILITATOR
    page = pages(url, width, height, bypass_csp=True)  # axe is injected as a script
    log_in(page, demo["login"])
    expect(page.locator("[data-themes-empty]")).to_be_visible()

    page.click('[data-action="themes-find"]')
    cards = page.locator(".theme-card[data-theme-id]")
    expect(cards.first).to_be_visible(timeout=15_000)
    assert cards.count() >= 2
    # Every note in exactly one theme; copies of one note are one row with their ids on it.
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '.theme-card[data-theme-id] .theme-note [data-note-select]')].reduce((n, box) =>
        n + 1 + box.dataset.copies.split(' ').filter(Boolean).length, 0)""")
    assert sizes == 60

    # Rename the first theme inline; Enter saves, and a reload shows it.
    name = cards.first.locator('[data-action="theme-rename"]')
    name.fill("Samverkan <skola>")
    name.press("Enter")
    expect(page.locator("[data-themes-status]")).to_have_text("Sparat.")
    page.reload()
    expect(page.locator('.theme-card[data-theme-id] [data-action="theme-rename"]').first) \
        .to_have_value("Samverkan <skola>")
    expect(page.locator(".theme-card .tag").first).to_have_text("ändrat")

    # Move a note by keyboard: choose it with Space, the target with the arrow keys, then Move.
    cards = page.locator(".theme-card[data-theme-id]")
    target_id = cards.first.get_attribute("data-theme-id")
    source = cards.last
    note = source.locator(".theme-note").first
    note_id = note.get_attribute("data-note-id")
    note.locator("[data-note-select]").focus()
    page.keyboard.press("Space")
    expect(page.locator("[data-selected-count]")).to_have_text("1 valda")
    page.locator("[data-move-target]").focus()
    page.keyboard.press("ArrowDown")                     # the first theme in the list
    expect(page.locator("[data-move-target]")).to_have_value(target_id)
    page.keyboard.press("Tab")
    expect(page.locator('[data-action="note-move"]')).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-themes-status]")).to_have_text("Flyttat.")
    expect(page.locator(f'.theme-card[data-theme-id="{target_id}"] .theme-note[data-note-id="{note_id}"]')) \
        .to_have_count(1)
    expect(page.locator(f'.theme-note[data-note-id="{note_id}"]')).to_have_count(1)

    # Drag and drop: a note onto another theme's card (the next card, so both are in view).
    dragged = cards.nth(1).locator(".theme-note").first
    dragged_id = dragged.get_attribute("data-note-id")
    width = dragged.bounding_box()["width"]
    dragged.drag_to(cards.first.locator(".theme-head"), source_position={"x": width - 12, "y": 12})
    expect(page.locator(f'.theme-card[data-theme-id="{target_id}"] .theme-note[data-note-id="{dragged_id}"]')) \
        .to_have_count(1)

    # A note from a phone while the page is open: it says so, and "Show them" draws it.
    phone = pages(demo["join_url"], 360, 740, is_mobile=True, has_touch=True)
    send_note(phone, "Ny lapp under sorteringen")
    expect(page.locator("[data-new-notes]")).to_be_visible()
    page.click('[data-action="themes-refresh"]')
    expect(page.locator(".unsorted .theme-note", has_text="Ny lapp under sorteringen")).to_be_visible()

    # No serious or critical accessibility problems on the page with themes on it.
    assert violations(page) == []

    # The harvest on the projector: themes with counts, the renamed one as text.
    projector = pages(demo["projector_url"], PROJECTOR[0], PROJECTOR[1])
    page.click('[data-action="themes-projector"]')
    expect(projector.locator('[data-view-panel="themes"]')).to_be_visible()
    expect(projector.locator(".harvest-label", has_text="Samverkan <skola>")).to_be_visible()
    overflow = projector.evaluate("document.documentElement.scrollHeight - innerHeight")
    assert overflow <= 0
