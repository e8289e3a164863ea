"""Real Chromium (system first, then Playwright's) against a real server subprocess."""
from __future__ import annotations

import os
import threading

import pytest

from ..live_server import LiveServer
from .find_chromium import find_chromium
from .support import FACILITATOR, launch, log_in, open_page


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def missing(what: str):
    """A missing tool fails the run in CI and skips the test elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is required in CI")
    pytest.skip(f"{what} not installed")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if not path:
        missing("Chromium (apt install chromium, or playwright install chromium)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = launch(p, chromium_path)
        yield chromium
        chromium.close()


def drain(stream, sink: list[str]) -> threading.Thread:
    """Read a child's pipe so a chatty server never blocks on a full pipe buffer."""
    def run():
        for line in stream:
            sink.append(line)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def live_server(tmp_path):
    """`facilitator demo` + `facilitator serve` on a fresh SQLite file and a free port.

    Yields the LiveServer: .base, .db_path and .demo (the demo command's JSON).
    The server's output is kept in tmp_path/server.log.
    """
    server = LiveServer(tmp_path)
    try:
        server.create_demo()
        server.start()
    except Exception as exc:  # CalledProcessError, RuntimeError (died, or no /healthz)
        stderr = getattr(exc, "stderr", "") or ""
        pytest.fail(f"demo server did not start: {exc}\n{stderr}")
    log: list[str] = []
    readers = [drain(server.process.stdout, log), drain(server.process.stderr, log)]
    yield server
    server.stop()
    for reader in readers:
        reader.join(timeout=2)
    (tmp_path / "server.log").write_text("".join(log), encoding="utf-8")


@pytest.fixture
def pages(browser):
    """Open pages in separate contexts: pages(url, width, height, **context_options)."""
    contexts = []

    def open_sized(url, width, height, **options):
        page = open_page(browser, url, (width, height, {}), **options)
        contexts.append(page.context)
        return page

    yield open_sized
    for context in contexts:
        context.close()


@pytest.fixture
def facilitator_page(pages, live_server):
    """Open a control page at 1366x900 as the logged-in demo facilitator."""
    width, height, _ = FACILITATOR

    def open_logged_in(url=None):
        page = pages(url or live_server.demo["facilitator_url"], width, height)
        log_in(page, live_server.demo["login"])
        return page
    return open_logged_in
