"""Themes in the browser: find them, rename one, move a note by keyboard, show the harvest, axe."""
from __future__ import annotations

import subprocess
import sys

from playwright.sync_api import expect

from .support import FACILITATOR, PROJECTOR, send_note
from .test_accessibility import violations



def notes_in_themes(page) -> int:
    """Notes in the themes, copies included: a stack ("×3") is one entry holding every id."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '.theme-card[data-theme-id] .theme-note [data-note-select]')]
        .reduce((n, box) => n + box.value.split(' ').length, 0)""")

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
    sizes = notes_in_themes(page)
    assert sizes == 60                                   # every note in exactly one theme
    named = page.locator(".theme-card[data-theme-id]:not(.other)").count()
    expect(page.locator("[data-themes-summary]")).to_have_text(f"60 lappar i {named} teman")

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
    single = ".theme-note:not(:has([data-note-copies]))"     # one note, no copies
    source = cards.filter(has=page.locator(single)).last      # (Övrigt may hold only stacks)
    note = source.locator(single).first
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


def test_own_themes_then_sort_the_rest(live_server, pages, tmp_path):
    """The facilitator makes two themes of chosen notes, drags one more note in, presses
    "Sortera resten": every note lands in one theme, hers keep their names and notes, the
    unsure ones say "kolla"; a later move by hand survives the next sorting."""
    from .support import log_in
    demo = live_server.demo
    seed_notes(live_server, 60)
    url = f"{live_server.base}/f/events/{demo['event_id']}/themes"
    width, height, _ = FACILITATOR
    page = pages(url, width, height)
    log_in(page, demo["login"])
    loose = page.locator(".unsorted .theme-note")
    expect(loose.first).to_be_visible()
    expect(page.locator('[data-action="themes-sort"]')).to_be_disabled()

    def new_theme(label, notes):
        for note in notes:
            note.locator("[data-note-select]").check()
        page.fill("[data-new-theme-label]", label)
        page.click('[data-action="theme-create"]')
        card = page.locator(".theme-card[data-theme-id]", has=page.locator(
            f'[data-action="theme-rename"][data-saved="{label}"]'))
        expect(card).to_have_count(1)
        return card

    first_ids = [loose.nth(k).get_attribute("data-note-id") for k in (0, 1)]
    mine = new_theme("Mitt tema", [loose.nth(0), loose.nth(1)])
    expect(page.locator("[data-themes-status]")).to_contain_text("Nytt tema gjort")
    other_id = loose.first.get_attribute("data-note-id")
    new_theme("Andra temat", [loose.first])
    # One more note into "Mitt tema" by drag and drop.
    dragged = loose.first
    dragged_id = dragged.get_attribute("data-note-id")
    dragged.drag_to(mine.locator(".theme-head"), source_position={"x": 30, "y": 12})
    expect(mine.locator(f'.theme-note[data-note-id="{dragged_id}"]')).to_have_count(1)
    expect(mine.locator('.theme-note[data-by-hand="true"]')).to_have_count(3)

    page.click('[data-action="themes-sort"]')
    expect(page.locator("[data-themes-status]")).to_contain_text("Sorterat", timeout=20_000)
    expect(page.locator(".unsorted")).to_have_count(0)
    assert notes_in_themes(page) == 60
    for note_id in first_ids + [dragged_id]:
        expect(mine.locator(f'.theme-note[data-note-id="{note_id}"]')).to_have_count(1)
    andra = page.locator(".theme-card[data-theme-id]", has=page.locator(
        '[data-action="theme-rename"][data-saved="Andra temat"]'))
    expect(andra.locator(f'.theme-note[data-note-id="{other_id}"]')).to_have_count(1)
    review = page.locator('.theme-note[data-review="true"]')
    assert review.count() >= 1
    expect(review.first.locator(".tag.warn")).to_have_text("kolla")
    status = page.locator("[data-themes-status]").text_content()
    assert f"{review.count()} placeringar" in status
    page.screenshot(path=str(tmp_path / "sorted.png"), full_page=True)

    # A later move by hand teaches it: the moved note stays put on the next sorting.
    unsure = review.first
    unsure_id = unsure.get_attribute("data-note-id")
    unsure.locator("[data-note-select]").check()
    page.select_option("[data-move-target]", andra.get_attribute("data-theme-id"))
    page.click('[data-action="note-move"]')
    expect(andra.locator(f'.theme-note[data-note-id="{unsure_id}"][data-by-hand="true"]')) \
        .to_have_count(1)
    page.click('[data-action="themes-sort"]')
    expect(page.locator("[data-themes-status]")).to_contain_text("Sorterat", timeout=20_000)
    expect(andra.locator(f'.theme-note[data-note-id="{unsure_id}"]')).to_have_count(1)
    assert notes_in_themes(page) == 60


def test_check_the_marked_notes_by_keyboard_and_keep_the_right_ones(live_server, pages):
    """After "Sortera resten" the facilitator walks the notes marked "kolla" with "Nästa att
    kolla" and presses "Stämmer" by keyboard: the note stays where it is, now "för hand",
    the focus goes on to the next marked note, and the next sorting keeps it there."""
    from .support import log_in
    demo = live_server.demo
    seed_notes(live_server, 60)
    width, height, _ = FACILITATOR
    page = pages(f"{live_server.base}/f/events/{demo['event_id']}/themes", width, height,
                 bypass_csp=True)  # axe is injected as a script
    log_in(page, demo["login"])
    loose = page.locator(".unsorted .theme-note")
    expect(loose.first).to_be_visible()
    for label in ("Första temat", "Andra temat"):
        loose.nth(0).locator("[data-note-select]").check()
        loose.nth(1).locator("[data-note-select]").check()
        page.fill("[data-new-theme-label]", label)
        page.click('[data-action="theme-create"]')
        expect(page.locator(f'[data-action="theme-rename"][data-saved="{label}"]')).to_have_count(1)
    next_button = page.locator('[data-action="review-next"]')
    expect(next_button).to_be_hidden()
    page.click('[data-action="themes-sort"]')
    expect(page.locator("[data-themes-status]")).to_contain_text("Sorterat", timeout=20_000)
    marked = page.locator('.theme-note[data-review="true"]')
    count = marked.count()
    assert count >= 2
    expect(next_button).to_have_text(f"Nästa att kolla ({count})")

    next_button.focus()
    page.keyboard.press("Enter")
    keep = page.locator('[data-action="note-confirm"]')
    expect(keep.first).to_be_focused()
    expect(keep.first).to_have_text("Stämmer")
    first = marked.first
    first_id = first.get_attribute("data-note-id")
    theme_id = page.locator(".theme-card[data-theme-id]", has=page.locator(
        f'.theme-note[data-note-id="{first_id}"]')).get_attribute("data-theme-id")
    second_id = marked.nth(1).get_attribute("data-note-id")
    page.keyboard.press("Enter")
    expect(page.locator("[data-themes-status]")).to_contain_text("Ligger kvar här")
    kept = page.locator(f'.theme-card[data-theme-id="{theme_id}"] '
                        f'.theme-note[data-note-id="{first_id}"]')
    expect(kept).to_have_attribute("data-by-hand", "true")
    expect(kept).to_have_attribute("data-review", "false")
    expect(kept.locator('[data-action="note-confirm"]')).to_have_count(0)
    expect(page.locator(f'.theme-note[data-note-id="{second_id}"] '
                        '[data-action="note-confirm"]')).to_be_focused()
    expect(next_button).to_have_text(f"Nästa att kolla ({count - 1})")
    assert violations(page) == []       # the "Stämmer" buttons and the walk's outline too

    page.click('[data-action="themes-sort"]')
    expect(page.locator("[data-themes-status]")).to_contain_text("Sorterat", timeout=20_000)
    expect(page.locator(f'.theme-card[data-theme-id="{theme_id}"] '
                        f'.theme-note[data-note-id="{first_id}"][data-by-hand="true"]')) \
        .to_have_count(1)
    assert notes_in_themes(page) == 60
