"""Real Chromium (system first, then Playwright's) against a real server subprocess."""
from __future__ import annotations

import os

import pytest

from ..live_server import LiveServer
from .find_chromium import find_chromium

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def missing(what: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is required in CI")
    pytest.skip(f"{what} not installed")


@pytest.fixture(scope="session")
def browser():
    path = find_chromium()
    if not path:
        missing("Chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live_server(tmp_path):
    server = LiveServer(tmp_path)
    server.create_demo()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pages(browser):
    """Open pages in separate contexts: pages(url, width, height, **context_options)."""
    contexts = []

    def open_page(url, width, height, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, login: dict) -> None:
    """On the log-in page (where a control page redirects): log in and land back there."""
    page.fill("#username", login["username"])
    page.fill("#password", login["password"])
    page.click('[data-action="login"]')
    page.wait_for_url(lambda url: "/login" not in url)


@pytest.fixture
def facilitator_page(pages, live_server):
    """Open a control page at 1366x900 as the logged-in demo facilitator."""
    def open_page(url=None):
        page = pages(url or live_server.demo["facilitator_url"], 1366, 900)
        log_in(page, live_server.demo["login"])
        return page
    return open_page
