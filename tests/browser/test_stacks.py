"""Copies of one note stack into one card ("×3") on the projector wall and the control page;
the corner timer keeps its size in overtime."""
from __future__ import annotations

from playwright.sync_api import expect

from .support import PHONE, send_note, show_on_projector


def test_copies_show_once_with_a_count(live_server, pages, facilitator_page):
    demo = live_server.demo
    control = facilitator_page()
    projector = pages(demo["projector_url"], 1920, 1080)
    phone = pages(demo["join_url"], 360, 740, **PHONE[2])
    show_on_projector(control, "wall")
    # The phone is counted as connected (the projector is not a phone), and leaves the count.
    expect(control.locator("[data-phones]")).to_have_text("1 ansluten")
    second = pages(demo["join_url"], 360, 740, **PHONE[2])
    expect(control.locator("[data-phones]")).to_have_text("2 anslutna")
    # The phone leaves (as on pagehide; a vanished phone drops out at the ping timeout instead).
    second.evaluate("window.facilitatorPage.socket.disconnect()")
    expect(control.locator("[data-phones]")).to_have_text("1 ansluten")
    for text in ("En dörr in för familjerna", "en dörr in för familjerna!",
                 "En dörr in för familjerna", "Bättre fika"):
        send_note(phone, text)
    expect(phone.locator('[data-my-note][data-state="received"]')).to_have_count(4)

    card = projector.locator("[data-wall] li", has_text="En dörr in för familjerna")
    expect(card).to_have_count(1)
    expect(card.locator("[data-count]")).to_have_text("×3")
    expect(projector.locator("[data-wall] li", has_text="Bättre fika").locator("[data-count]")) \
        .to_have_count(0)
    expect(projector.locator("[data-notes-count]")).to_have_text("4")

    visible = control.locator("[data-note-list] [data-note-id]:visible", has_text="dörr in")
    expect(visible).to_have_count(1)
    expect(visible.locator("[data-note-copies]")).to_have_text("×3")


def test_the_corner_timer_keeps_its_size_in_overtime(live_server, pages, facilitator_page):
    control = facilitator_page()
    projector = pages(live_server.demo["projector_url"], 1280, 720)
    show_on_projector(control, "wall")
    expect(projector.locator("[data-timer-box-mini]")).to_be_visible()
    sizes = projector.evaluate("""() => {
        const box = document.querySelector('[data-timer-box-mini]');
        const digits = box.querySelector('.timer-digits');
        const before = digits.getBoundingClientRect().height;
        box.setAttribute('data-status', 'overtime');
        return [before, digits.getBoundingClientRect().height,
                parseFloat(getComputedStyle(digits).fontSize)];
    }""")
    assert sizes[1] == sizes[0] and sizes[2] < 80
