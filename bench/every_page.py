"""Screenshots of every page at the four widths the room uses, to look at by eye (issue 22).

    .venv/bin/python bench/every_page.py [--out DIR] [--notes 150] [--widths 360,1024,1366,1920]

Starts the demo (`facilitator demo --notes N`) on a free loopback port in a temporary folder
(the LiveServer the browser tests use), seats twelve people, finds themes, and saves
<page>-<width>.png for every page: log-in, event list, control page, remote, programme,
a step's edit form, evaluation, rotation (and its print), themes, settings, delete, the
join page (code), the phone page, the pre-event box, privacy, and the projector in each
view (and the light theme). Pages are full length; the projector is one screen. The summary
is rendered .docx -> PDF -> PNG (first pages) when LibreOffice is installed. Output goes to a
temporary folder (printed at the end), never into the repository.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from facilitator.bench.server import LiveServer  # noqa: E402
from tests.browser.find_chromium import find_chromium  # noqa: E402
from tests.browser.support import launch, log_in, show_on_projector, submit  # noqa: E402

HEIGHTS = {360: 740, 1024: 768, 1366: 768, 1920: 1080}
PEOPLE = ["Anna Lindqvist", "Björn Åberg", "Cecilia Öhman", "David Nilsson", "Eva Karlsson",
          "Fredrik Ek", "Gunilla Strand", "Hassan Ali", "Ingrid Berg", "Johan Sjöberg",
          "Karin Holm", "Lars Wik"]
VIEWS = ("timer", "wall", "cloud", "results", "tables", "themes")
# The innermost elements that reach past the right edge of the screen (a sideways scroll).
WIDER_THAN_THE_SCREEN = """() => {
  const edge = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll('*')].filter(e => {
    const r = e.getBoundingClientRect();
    let scroller = e.parentElement;   // inside a row that scrolls by design (the event nav)
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) {
      scroller = scroller.parentElement;
    }
    return !scroller && r.right > edge + 1 && r.width > 0 && getComputedStyle(e).position !== 'fixed';
  });
  return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 6).map(e =>
    e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') +
    ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="")
    parser.add_argument("--notes", type=int, default=150)
    parser.add_argument("--widths", default="360,1024,1366,1920")
    parser.add_argument("--only", default="", help="comma-separated page names")
    args = parser.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="facilitator-pages-"))
    out.mkdir(parents=True, exist_ok=True)
    widths = [int(w) for w in args.widths.split(",")]
    with tempfile.TemporaryDirectory() as workdir:
        server = LiveServer(Path(workdir))
        server.create_demo()
        subprocess.run([sys.executable, "-m", "facilitator", "demo", "--db", str(server.db_path),
                        "--base-url", server.base, "--notes", str(args.notes)],
                       env=server.env(), check=True, capture_output=True, timeout=120)
        server.start()
        try:
            shoot(server, out, widths, set(filter(None, args.only.split(","))))
            summary_pages(server, out)
        finally:
            server.stop()
    print(f"screenshots in {out}")
    return 0


def shoot(server: LiveServer, out: Path, widths: list[int], only: set[str]) -> None:
    demo, base = server.demo, server.base
    event = f"{base}/f/events/{demo['event_id']}"
    with sync_playwright() as p:
        browser = launch(p, find_chromium())
        control = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        control.goto(demo["facilitator_url"])
        log_in(control, demo["login"])
        prepare = re.search(r'data-link="prepare">([^<]+)<', control.content()).group(1)
        step = re.search(r'href="([^"]+/steps/\d+/edit)"', control.content())
        set_up(control, event)
        pages = {"login": (f"{base}/login", False), "events": (f"{base}/f/", True),
                 "control": (event, True), "remote": (f"{event}/remote", True),
                 "programme": (f"{event}/programme", True),
                 "evaluation": (f"{event}/evaluation", True), "rotation": (f"{event}/rotation", True),
                 "rotation-print": (f"{event}/rotation/print", True),
                 "themes": (f"{event}/themes", True), "settings": (f"{event}/edit", True),
                 "delete": (f"{event}/delete", True), "enter-code": (f"{base}/j/", False),
                 "phone": (demo["join_url"], False), "prepare": (prepare, False),
                 "privacy": (f"{base}/j/privacy", False)}
        if step:
            pages["step-edit"] = (base + step.group(1), True)
        cookies = control.context.cookies()
        for width in widths:
            for name, (url, logged_in) in pages.items():
                if only and name not in only:
                    continue
                page = sized(browser, width, cookies if logged_in else None, mobile=width == 360)
                page.goto(url)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
                for line in page.evaluate(WIDER_THAN_THE_SCREEN):
                    print(f"{name}-{width}: wider than the screen: {line}")
                page.context.close()
            if not only or "projector" in only:
                projector_views(browser, control, demo, out, width)
        if not only or "projector" in only:   # the light theme with a logo, at two sizes
            light_with_logo(control, event, out)
            for width in (1366, 1920):
                projector_views(browser, control, demo, out, width, "light-")
        browser.close()


def sized(browser, width: int, cookies, mobile: bool):
    context = browser.new_context(viewport={"width": width, "height": HEIGHTS.get(width, 900)},
                                  is_mobile=mobile, has_touch=mobile)
    if cookies:
        context.add_cookies(cookies)
    return context.new_page()


def set_up(control, event: str) -> None:
    """A room mid-day: twelve people seated for round 1, themes found, the timer running."""
    control.goto(f"{event}/rotation")
    for name in PEOPLE:
        control.fill("#rot-name", name)
        submit(control, '[data-action="rotation-add"]')
    submit(control, '[data-action="rotation-show"]')
    control.goto(f"{event}/themes")
    control.click('[data-action="themes-find"]')
    expect(control.locator("[data-theme-id]").first).to_be_visible(timeout=120_000)
    control.goto(event)
    control.click('[data-action="timer-start"]')
    expect(control.locator("[data-timer-box]")).to_have_attribute("data-status", "running")


def light_with_logo(control, event: str, out: Path) -> None:
    """The settings page: light theme on, a wide PNG logo uploaded."""
    from PIL import Image, ImageDraw
    logo = out / "logo-upload.png"
    image = Image.new("RGB", (480, 160), (255, 255, 255))
    ImageDraw.Draw(image).rectangle((10, 10, 150, 150), fill=(31, 95, 139))
    ImageDraw.Draw(image).text((170, 60), "Region Örebro län", fill=(20, 20, 20))
    image.save(logo)
    control.goto(f"{event}/edit")
    control.check("[data-light-theme]")
    submit(control, '[data-action="theme-save"]')
    control.set_input_files("[data-logo-input]", str(logo))
    submit(control, '[data-action="logo-upload"]')
    control.screenshot(path=str(out / "settings-after-upload-1366.png"), full_page=True)
    control.goto(event)


def projector_views(browser, control, demo, out: Path, width: int, prefix: str = "") -> None:
    height = HEIGHTS.get(width, 1080) if width > 360 else 640
    projector = browser.new_context(viewport={"width": max(width, 1024) if width > 360 else 1280,
                                              "height": height if width > 360 else 720}).new_page()
    if width == 360:      # no projector is 360 px wide: the smallest one seen, 1280x720
        width_name = "1280"
    else:
        width_name = str(width)
    projector.goto(demo["projector_url"])
    for view in VIEWS:
        show_on_projector(control, view)
        expect(projector.locator(f'[data-view-panel="{view}"]')).to_be_visible()
        ready(projector, view)
        projector.screenshot(path=str(out / f"projector-{prefix}{view}-{width_name}.png"))
    show_on_projector(control, "timer")
    projector.context.close()


def ready(projector, view: str) -> None:
    """Until the view has drawn what it fetched."""
    selector = {"wall": "[data-wall] li", "cloud": "[data-cloud] span", "results": "[data-results] .result",
                "tables": "[data-map] li", "themes": "[data-harvest] li"}.get(view)
    if selector:
        expect(projector.locator(selector).first).to_be_visible(timeout=30_000)
    projector.wait_for_load_state("networkidle")


def summary_pages(server: LiveServer, out: Path) -> None:
    """The Word summary as PNG pages (LibreOffice, pdftoppm), if both are installed."""
    office, pdftoppm = shutil.which("libreoffice") or shutil.which("soffice"), shutil.which("pdftoppm")
    if not (office and pdftoppm):
        print("no LibreOffice/pdftoppm: summary not rendered")
        return
    session = server.login()
    docx = out / "summary.docx"
    url = f"{server.base}/f/events/{server.demo['event_id']}/report.docx"
    with session.opener.open(url, timeout=300) as response:
        docx.write_bytes(response.read())
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=300)
    subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "4", str(out / "summary.pdf"),
                    str(out / "summary")], check=True, timeout=120)


if __name__ == "__main__":
    sys.exit(main())
