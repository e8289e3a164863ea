"""'Börja om steget' gives back the step's planned time, whatever ±1 min did."""
import re

from playwright.sync_api import expect


def test_restart_after_minus_one_minute_three_times_shows_the_planned_time(facilitator_page):
    control = facilitator_page()
    clock, box = control.locator("[data-timer]"), control.locator("[data-timer-box]")
    expect(clock).to_have_text("20:00")              # the demo's first step: 20 minutes
    control.click('[data-action="timer-start"]')
    expect(box).to_have_attribute("data-status", "running")
    for minutes_left in (18, 17, 16):
        control.click('[data-action="timer-shorten"]')
        expect(clock).to_have_text(re.compile(rf"^{minutes_left}:\d\d$"))
    control.click('[data-action="timer-reset"]')
    expect(box).to_have_attribute("data-status", "idle")
    expect(clock).to_have_text("20:00")
