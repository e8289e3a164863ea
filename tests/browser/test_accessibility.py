"""axe-core (vendored from npm) finds no serious or critical WCAG 2.1 A/AA problems on any page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}"""


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def control_urls(server, page) -> list[str]:
    base, event = server.base, server.demo["event_id"]
    html = page.content()
    prepare = re.search(r'data-link="prepare">([^<]+)<', html).group(1)
    return [f"{base}/f/", f"{base}/f/events/{event}", f"{base}/f/events/{event}/programme",
            f"{base}/f/events/{event}/evaluation", f"{base}/f/events/{event}/edit",
            f"{base}/f/events/{event}/delete", prepare]


def test_participant_and_projector_pages(live_server, pages):
    demo = live_server.demo
    found = {}
    for url, size in ((demo["join_url"], (360, 740)), (f"{live_server.base}/j/privacy", (360, 740)),
                      (f"{live_server.base}/j/", (360, 740)), (demo["projector_url"], (1920, 1080)),
                      (f"{live_server.base}/login", (1366, 900))):
        page = pages(url, *size, bypass_csp=True)  # axe is injected as a script
        page.wait_for_load_state("networkidle")
        found[url] = violations(page)
    assert not any(found.values()), found


def test_facilitator_pages(live_server, pages):
    from .support import log_in
    page = pages(live_server.demo["facilitator_url"], 1366, 900, bypass_csp=True)
    log_in(page, live_server.demo["login"])
    found = {}
    for url in control_urls(live_server, page):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[url] = violations(page)
    assert not any(found.values()), found


@pytest.mark.parametrize("width", [320, 360])
def test_phone_page_fits_narrow_screens(live_server, pages, width):
    page = pages(live_server.demo["join_url"], width, 640, is_mobile=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_check_can_fail(live_server, pages):
    """Remove the note field's label: axe must report it, or the checks above prove nothing."""
    page = pages(live_server.demo["join_url"], 360, 740, bypass_csp=True)
    page.evaluate("document.querySelector('label[for=note-text]').remove()")
    assert any(v.startswith("label") for v in violations(page))


def test_the_facilitator_runs_a_round_by_keyboard(live_server, pages):
    """Log in, start the timer and open the box with the keyboard alone; focus stays visible."""
    page = pages(live_server.demo["facilitator_url"], 1366, 900)
    page.keyboard.press("Tab")
    for _ in range(12):                      # to the username field, wherever the skip order puts it
        if page.evaluate("document.activeElement.id") == "username":
            break
        page.keyboard.press("Tab")
    page.keyboard.type(live_server.demo["login"]["username"])
    page.keyboard.press("Tab")
    page.keyboard.type(live_server.demo["login"]["password"])
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)
    page.wait_for_function("() => window.facilitatorPage && window.facilitatorPage.socket.connected")
    for _ in range(40):
        if page.evaluate("document.activeElement.dataset.action") == "timer-start":
            break
        page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "focus must be visible"
    page.keyboard.press("Enter")
    box = page.locator("[data-timer-box]")
    expect(box).to_have_attribute("data-status", "running")
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press(" ")                 # space pauses
    expect(box).to_have_attribute("data-status", "paused")


def test_projector_meets_enhanced_contrast(live_server, pages):
    """WCAG AAA contrast (7:1) on the projector, read from the back of the room."""
    page = pages(live_server.demo["projector_url"], 1920, 1080, bypass_csp=True)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'rule',
        values: ['color-contrast-enhanced']}})).violations.map(v => v.nodes.map(n => n.target.join(' ')))""")
    assert found == []
