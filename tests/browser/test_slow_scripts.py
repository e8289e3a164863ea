"""A venue's Wi-Fi can be slow: a projector whose view script arrives after the socket's
welcome must still draw the view it was told to show.

The welcome (the view, the table map) used to be able to arrive while a later script was
still loading; its listener was not there yet, so the cloud or the harvest stayed empty
until the facilitator changed the view (seen once in CI as an empty harvest at 150 notes).
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

from ..live_server import LiveServer
from .support import PROJECTOR

# A script this much slower than the page: long enough for the socket's welcome to come first.
SLOW_SCRIPT_S = 1.5


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """The demo with 40 notes, served."""
    server = LiveServer(tmp_path_factory.mktemp("slow"))
    server.create_demo()
    subprocess.run([sys.executable, "-m", "facilitator", "demo", "--db", str(server.db_path),
                    "--base-url", server.base, "--notes", "40"],
                   env=server.env(), check=True, capture_output=True, timeout=120)
    server.start()
    yield server
    server.stop()


def _show(server, view: str) -> None:
    with sqlite3.connect(server.db_path) as db:
        db.execute("UPDATE events SET projector_view = ? WHERE id = ?",
                   [view, server.demo["event_id"]])


@pytest.mark.parametrize("view, script, ready", [
    ("cloud", "cloud.js", "[data-cloud][data-cloud-ready] span"),
    ("wall", "wall.js", "[data-wall] li"),
])
def test_a_view_script_that_loads_late_still_draws_its_view(browser, room, view, script, ready):
    _show(room, view)
    width, height, _ = PROJECTOR
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()

        def slow(route):
            time.sleep(SLOW_SCRIPT_S)   # the network's delay, not a wait for the page
            route.continue_()
        page.route(f"**/static/js/{script}", slow)
        page.goto(room.demo["projector_url"])
        expect(page.locator(ready).first).to_be_visible(timeout=15_000)
    finally:
        context.close()
