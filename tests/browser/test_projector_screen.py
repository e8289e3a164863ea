"""The projector as a finished product: controls that step aside, the light theme, the logo
and numbers in the page's language, in real Chromium against a real server."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from .support import log_in, show_on_projector, submit
from .test_accessibility import violations


def test_controls_hide_without_the_mouse_and_come_back(live_server, browser):
    """The page's clock is Playwright's: no waiting for real seconds, and nothing races."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = context.new_page()
        page.clock.install()
        page.goto(live_server.demo["projector_url"])
        body, controls = page.locator("body"), page.locator("[data-projector-controls]")
        page.mouse.move(300, 300)
        expect(body).to_have_attribute("data-idle", "false")
        page.clock.run_for(4500)
        expect(body).to_have_attribute("data-idle", "true")
        expect(controls).to_have_css("opacity", "0")
        assert page.evaluate("getComputedStyle(document.body).cursor") == "none"
        page.mouse.move(500, 400)                              # the mouse brings them back
        expect(body).to_have_attribute("data-idle", "false")
        page.clock.run_for(4500)
        expect(body).to_have_attribute("data-idle", "true")
        page.keyboard.press("Tab")                             # so does the keyboard, and
        expect(page.locator('[data-action="fullscreen"]')).to_be_focused()
        expect(body).to_have_attribute("data-idle", "false")
        page.clock.run_for(20_000)                             # focus keeps them shown
        expect(body).to_have_attribute("data-idle", "false")
        page.keyboard.press("Tab")
        expect(page.locator('[data-action="sound"]')).to_be_focused()
        page.evaluate("document.activeElement.blur()")
        page.clock.run_for(4500)
        expect(body).to_have_attribute("data-idle", "true")
    finally:
        context.close()


def logo_png(path: Path) -> Path:
    Image.new("RGB", (300, 120), (31, 95, 139)).save(path, format="PNG")
    return path


def test_light_theme_and_logo_from_the_settings_page(live_server, pages, tmp_path):
    demo = live_server.demo
    projector = pages(demo["projector_url"], 1920, 1080, bypass_csp=True)
    expect(projector.locator("body")).to_have_attribute("data-theme", "dark")
    projector.wait_for_function("() => window.facilitatorPage && window.facilitatorPage.socket.connected")
    control = pages(demo["facilitator_url"], 1366, 900)
    log_in(control, demo["login"])
    control.goto(f"{live_server.base}/f/events/{demo['event_id']}/edit")
    control.check("[data-light-theme]")
    submit(control, '[data-action="theme-save"]')
    expect(control.locator("[data-saved]")).to_contain_text("Sparat")
    expect(control.locator("[data-light-theme]")).to_be_checked()
    control.set_input_files("[data-logo-input]", str(logo_png(tmp_path / "logo.png")))
    submit(control, '[data-action="logo-upload"]')
    expect(control.locator("[data-logo-preview]")).to_be_visible()
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    control.set_input_files("[data-logo-input]", str(tmp_path / "logo.svg"))
    submit(control, '[data-action="logo-upload"]')
    expect(control.locator("[data-logo-error]")).to_contain_text("SVG går inte")

    # The open projector followed without a reload; a fresh one renders the same.
    expect(projector.locator("body")).to_have_attribute("data-theme", "light")
    logo = projector.locator("[data-projector-logo]")
    expect(logo).to_be_visible()
    projector.reload()
    expect(projector.locator("body")).to_have_attribute("data-theme", "light")
    expect(logo).to_be_visible()
    assert projector.evaluate("document.querySelector('[data-projector-logo]').naturalWidth") == 300
    # In a corner and small: clear of the timer and of the QR code.
    box, timer = logo.bounding_box(), projector.locator("[data-timer]").bounding_box()
    qr = projector.locator("[data-join-qr]").bounding_box()
    assert box["height"] <= 0.1 * 1080 and box["x"] + box["width"] > 1920 * 0.85
    for other in (timer, qr):
        assert box["y"] + box["height"] <= other["y"] or other["x"] + other["width"] <= box["x"]
    background = projector.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(247, 246, 242)"
    projector.wait_for_load_state("networkidle")
    assert violations(projector) == []
    enhanced = projector.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'rule',
        values: ['color-contrast-enhanced']}})).violations.map(v => v.nodes.map(n => n.target.join(' ')))""")
    assert enhanced == []        # 7:1, as the dark theme (test_accessibility)


@pytest.mark.parametrize("lang, mean", [("sv", "medelvärde 2,67"), ("en", "mean 2.67")])
def test_projector_results_in_the_page_language(live_server, pages, facilitator_page, lang, mean):
    """The demo's scale has answers 2,2,2,2,3,3,3,3,4: mean 2.67, as the page's language writes it."""
    demo = live_server.demo
    control = facilitator_page()
    projector = pages(demo["projector_url"] + f"&lang={lang}", 1920, 1080, bypass_csp=True)
    show_on_projector(control, "results")
    expect(projector.locator("[data-results] .result-stats").first).to_contain_text(mean)
    control.goto(f"{live_server.base}/f/events/{demo['event_id']}/evaluation?lang={lang}")
    expect(control.locator("[data-mean]").first).to_have_text(mean.split()[-1])
    assert violations(projector) == []


def test_the_themes_page_stacks_copies(live_server, pages, facilitator_page):
    """Issue 16: three phones' copies of one note are one entry with "×3" on the themes page."""
    from .support import PHONE, send_note
    demo = live_server.demo
    phone = pages(demo["join_url"], 360, 740, **PHONE[2])
    for text in ("En dörr in för familjerna", "en dörr in för familjerna!", "En dörr in för familjerna"):
        send_note(phone, text)
    expect(phone.locator('[data-my-note][data-state="received"]')).to_have_count(3)
    control = facilitator_page(f"{live_server.base}/f/events/{demo['event_id']}/themes")
    entry = control.locator("[data-note-id]", has_text="dörr in för familjerna")
    expect(entry).to_have_count(1)
    expect(entry.locator("[data-note-copies]")).to_have_text("×3")
    entry.locator("[data-note-select]").check()
    expect(control.locator("[data-selected-count]")).to_contain_text("3")
