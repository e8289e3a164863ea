"""The phone at 360x640: the send button in view without scrolling, the whole question
readable, and a highlight when the room moves to another step."""
import re

from playwright.sync_api import expect

from .support import open_page

SMALL_PHONE = (360, 640, {"is_mobile": True, "has_touch": True})


def test_send_is_in_view_and_the_question_is_whole_at_360x640(browser, live_server):
    phone = open_page(browser, live_server.demo["join_url"], SMALL_PHONE)
    send = phone.locator('[data-action="note-send"]')
    expect(send).to_be_visible()
    box = send.bounding_box()
    assert box["y"] + box["height"] <= 640, box
    question = phone.locator("[data-step-question]")
    assert question.evaluate("el => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1")


def test_a_new_step_is_highlighted_on_the_phone(browser, live_server, facilitator_page):
    phone = open_page(browser, live_server.demo["join_url"], SMALL_PHONE)
    now = phone.locator("[data-announce-step]")
    expect(phone.locator("[data-timer]")).to_have_text("20:00")
    assert now.get_attribute("data-changed") is None
    control = facilitator_page()
    control.click('[data-action="step-next"]')
    expect(phone.locator("[data-step-title]")).to_have_text("Rotera 2 och 2 till ny grupp")
    expect(now).to_have_attribute("data-changed", re.compile(r"^\d+$"))  # stays after the glow
