"""Issue 22: every facilitator page fits a 360 px phone (the remote is made for one; the rest
must at least never scroll sideways), and the settings page is reachable from the event's parts."""
from __future__ import annotations

from playwright.sync_api import expect

from .support import log_in

PAGES = ["", "/remote", "/programme", "/evaluation", "/rotation", "/themes", "/edit"]
WIDER = """() => document.documentElement.scrollWidth - document.documentElement.clientWidth"""


def test_facilitator_pages_never_scroll_sideways_at_360(live_server, pages):
    demo = live_server.demo
    page = pages(demo["facilitator_url"], 360, 740, is_mobile=True, has_touch=True)
    log_in(page, demo["login"])
    event = f"{live_server.base}/f/events/{demo['event_id']}"
    wider = {}
    for path in PAGES + ["/../../"]:
        page.goto(event + path if not path.startswith("/..") else f"{live_server.base}/f/")
        page.wait_for_load_state("networkidle")
        wider[path or "/"] = page.evaluate(WIDER)
    assert all(px <= 0 for px in wider.values()), wider


def test_settings_are_one_of_the_event_parts(live_server, facilitator_page):
    control = facilitator_page()
    control.click('[data-nav="settings"]')
    expect(control.locator("[data-light-theme]")).to_be_visible()
    expect(control.locator('[data-nav="settings"]')).to_have_attribute("aria-current", "page")


def test_changed_pages_pass_axe_with_content(live_server, pages):
    """The rotation page with its people table (now a scrolling region) and the themes page
    with a stack of copies ("×3"), which test_accessibility's empty demo does not show."""
    from .support import PHONE, send_note, submit
    from .test_accessibility import violations
    demo = live_server.demo
    phone = pages(demo["join_url"], 360, 740, **PHONE[2])
    for text in ("En dörr in för familjerna", "en dörr in för familjerna!", "En dörr in för familjerna"):
        send_note(phone, text)
    expect(phone.locator('[data-my-note][data-state="received"]')).to_have_count(3)
    page = pages(demo["facilitator_url"], 1366, 900, bypass_csp=True)
    log_in(page, demo["login"])
    event = f"{live_server.base}/f/events/{demo['event_id']}"
    page.goto(f"{event}/rotation")
    for name in ("Anna Lindqvist", "Björn Åberg", "Cecilia Öhman"):
        page.fill("#rot-name", name)
        submit(page, '[data-action="rotation-add"]')
    expect(page.locator("[data-people] tbody tr")).to_have_count(3)
    found = {"rotation": violations(page)}
    page.goto(f"{event}/themes")
    expect(page.locator("[data-note-copies]").first).to_have_text("×3")
    found["themes"] = violations(page)
    assert not any(found.values()), found
