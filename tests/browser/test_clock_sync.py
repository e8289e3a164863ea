"""Phones with wrong clocks flip their digits with the projector.

Each phone's Date is shifted (+10 min, -7 min) before any page script runs;
flip moments are recorded on the real clock (performance.timeOrigin + now),
which the shift does not touch, and compared with the projector's.
"""
from __future__ import annotations


from playwright.sync_api import expect

SKEW_SCRIPT = """
(() => {
  const offset = %d;
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args) { args.length ? super(...args) : super(RealDate.now() + offset); }
    static now() { return RealDate.now() + offset; }
  }
  window.Date = SkewedDate;
})();
"""

RECORD_FLIPS = """
() => {
  window.flips = {};
  const el = document.querySelector('[data-timer]');
  new MutationObserver(() => {
    window.flips[el.textContent] = performance.timeOrigin + performance.now();
  }).observe(el, {childList: true, characterData: true, subtree: true});
}
"""


def skewed_phone(browser, url, offset_ms):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    context.add_init_script(SKEW_SCRIPT % offset_ms)
    page = context.new_page()
    page.goto(url)
    return page


def test_skewed_phones_flip_with_the_projector(live_server, browser, pages, facilitator_page):
    demo = live_server.demo
    projector = pages(demo["projector_url"], 1920, 1080)
    fast = skewed_phone(browser, demo["join_url"], 10 * 60_000)
    slow = skewed_phone(browser, demo["join_url"], -7 * 60_000)
    screens = {"projector": projector, "fast": fast, "slow": slow}
    for page in screens.values():
        page.wait_for_function("() => window.facilitatorPage && window.facilitatorPage.bestRtt < Infinity")
        page.wait_for_timeout(300)  # let all five sync round trips finish
        page.evaluate(RECORD_FLIPS)
    assert fast.evaluate("Date.now()") - projector.evaluate("Date.now()") > 9 * 60_000

    facilitator = facilitator_page()
    facilitator.click('[data-action="timer-start"]')
    for page in screens.values():
        expect(page.locator("[data-timer]")).to_have_text("19:56", timeout=8000)
    flips = {name: page.evaluate("window.flips") for name, page in screens.items()}
    shared = [t for t in ("19:59", "19:58", "19:57", "19:56")
              if all(t in f for f in flips.values())]
    assert len(shared) >= 3, flips
    gaps = [abs(flips[name][t] - flips["projector"][t]) for name in ("fast", "slow") for t in shared]
    print(f"flip gaps vs projector (ms): {[round(g) for g in gaps]}")
    assert max(gaps) <= 250, gaps
