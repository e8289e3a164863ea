"""Regenerate the README screenshots from a running demo.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Starts the demo server on a free loopback port in a temporary folder (the same
LiveServer the browser tests use), sends a few notes from a phone, starts the
timer and saves projector.png (1920x1080), phone.png (360 px wide, full page)
and facilitator.png (1366x900); then seats twelve people, checks the phone in,
shows round 1 and saves rotation-phone.png and rotation-projector.png (the
table map) for the guide.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from facilitator.bench.server import LiveServer
from tests.browser.find_chromium import find_chromium  # noqa: E402
from tests.browser.support import (FACILITATOR, PHONE, PROJECTOR, launch, log_in,  # noqa: E402
                                   open_page, send_note, show_on_projector, submit)

# In the words of the day's themes: samverkan, elevhälsa, skolutveckling.
NOTES = [
    "Vi behöver gemensamma mötesplatser mellan skola, socialtjänst och fritid "
    "– inte bara när det brinner.",
    "Elevhälsan och vårdcentralen borde ha en väg in för barn och familjer.",
    "Skolutveckling tar tid: låt forskningen och den lokala kontexten mötas.",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        server = LiveServer(Path(workdir))
        server.create_demo()
        server.start()
        try:
            shoot(server, out)
        finally:
            server.stop()
    print(f"screenshots written to {out}")
    return 0


def shoot(server: LiveServer, out: Path) -> None:
    demo = server.demo
    with sync_playwright() as p:
        browser = launch(p, find_chromium())
        facilitator = open_page(browser, demo["facilitator_url"], FACILITATOR)
        log_in(facilitator, demo["login"])
        projector = open_page(browser, demo["projector_url"], PROJECTOR)
        phone = open_page(browser, demo["join_url"], PHONE)
        for text in NOTES:
            send_note(phone, text)
            expect(phone.locator("[data-my-note]", has_text=text)).to_have_attribute(
                "data-state", "received")
        expect(facilitator.locator("[data-note-list] [data-note-id]")).to_have_count(len(NOTES))
        facilitator.click('[data-action="timer-start"]')
        for page in (projector, phone, facilitator):  # a couple of seconds into the round
            expect(page.locator("[data-timer]")).to_have_text(re.compile(r"^19:5[0-8]$"))
        projector.screenshot(path=str(out / "projector.png"))
        phone.screenshot(path=str(out / "phone.png"), full_page=True)
        facilitator.screenshot(path=str(out / "facilitator.png"))
        shoot_rotation(facilitator, projector, phone, demo, out)
        browser.close()


PEOPLE = ["Anna Lindqvist", "Björn Åberg", "Cecilia Öhman", "David Nilsson", "Eva Karlsson",
          "Fredrik Ek", "Gunilla Strand", "Hassan Ali", "Ingrid Berg", "Johan Sjöberg",
          "Karin Holm"]


def shoot_rotation(facilitator, projector, phone, demo, out: Path) -> None:
    facilitator.goto(demo["facilitator_url"] + "/rotation")
    for name in PEOPLE:
        facilitator.fill("#rot-name", name)
        submit(facilitator, '[data-action="rotation-add"]')
    submit(facilitator, '[data-action="checkin-open"]')
    phone.reload()
    phone.fill("#checkin-name", "Lars Wik")
    phone.click('[data-action="checkin"]')
    facilitator.reload()
    submit(facilitator, '[data-action="rotation-show"]')
    facilitator.goto(demo["facilitator_url"])
    show_on_projector(facilitator, "tables")
    expect(projector.locator('[data-view-panel="tables"]')).to_be_visible()
    expect(projector.locator("[data-map] li")).to_have_count(len(PEOPLE) + 1)
    expect(phone.locator("[data-seat-table]")).not_to_be_empty()
    projector.screenshot(path=str(out / "rotation-projector.png"))
    phone.locator("[data-seat-section]").screenshot(path=str(out / "rotation-phone.png"))


if __name__ == "__main__":
    sys.exit(main())
