"""Regenerate the README screenshots from a running demo.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Starts the demo server on a free loopback port in a temporary folder, sends a
few notes from a phone, starts the timer and saves projector.png (1920x1080),
phone.png (360 px wide) and facilitator.png (1366x900).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.browser.conftest import ARGS, log_in  # noqa: E402
from tests.browser.find_chromium import find_chromium  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

NOTES = [
    "Vi behöver gemensamma mötesplatser mellan skola, socialtjänst och fritid – inte bara när det brinner.",
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
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=ARGS)
        facilitator = browser.new_page(viewport={"width": 1366, "height": 900})
        facilitator.goto(server.demo["facilitator_url"])
        log_in(facilitator, server.demo["login"])
        projector = browser.new_page(viewport={"width": 1920, "height": 1080})
        projector.goto(server.demo["projector_url"])
        phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                    has_touch=True).new_page()
        phone.goto(server.demo["join_url"])
        for text in NOTES:
            phone.fill("[data-note-text]", text)
            phone.click('[data-action="note-send"]')
        expect(phone.locator('[data-my-note][data-state="received"]')).to_have_count(len(NOTES))
        facilitator.click('[data-action="timer-start"]')
        expect(projector.locator("[data-timer-box]")).to_have_attribute("data-status", "running")
        projector.wait_for_timeout(2200)
        projector.screenshot(path=str(out / "projector.png"))
        phone.screenshot(path=str(out / "phone.png"), full_page=True)
        facilitator.screenshot(path=str(out / "facilitator.png"))
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
