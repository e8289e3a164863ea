"""Browser helpers shared by the browser tests and scripts/screenshots.py.

The server side (a `facilitator serve` subprocess on a free port with the demo
event) lives in one place, facilitator/bench/server.py (`LiveServer`), which
the benchmarks use too; this module holds the browser side.
"""
from __future__ import annotations

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

# The three screens of the room: (width, height, extra context options).
FACILITATOR = (1366, 900, {})
PROJECTOR = (1920, 1080, {})
PHONE = (360, 740, {"is_mobile": True, "has_touch": True})


def launch(playwright, executable_path: str | None):
    """Chromium from `executable_path` (system or Playwright's cache) with quiet flags."""
    return playwright.chromium.launch(executable_path=executable_path, args=LAUNCH_ARGS)


def open_page(browser, url: str, screen: tuple, **options):
    """A page in its own context (own cookies and storage), sized like `screen`."""
    width, height, defaults = screen
    context = browser.new_context(viewport={"width": width, "height": height},
                                  **{**defaults, **options})
    page = context.new_page()
    page.goto(url)
    return page


def log_in(page, login: dict) -> None:
    """On the log-in page (where a control page redirects): log in and land back there."""
    page.fill("#username", login["username"])
    page.fill("#password", login["password"])
    page.click('[data-action="login"]')
    page.wait_for_url(lambda url: "/login" not in url)


def submit(page, selector: str) -> None:
    """Click a button that posts a plain form and return once the page the server answers
    with has loaded. The next fill, click or script injection would otherwise race the
    navigation: typed into the old page, or axe added to a document being torn down
    ("Cannot read properties of null (reading 'appendChild')"). The URL after the post's
    redirect is often the same, so waiting for the URL would not do."""
    with page.expect_navigation(wait_until="load"):
        page.click(selector)


def wait_for_welcome(control) -> None:
    """Until the control page's socket has had its welcome (the programme, drawn with each
    step's clock time): a checkbox ticked before that is set back by the welcome's box_state
    ("Clicking the checkbox did not change its state")."""
    from playwright.sync_api import expect

    expect(control.locator("[data-programme] [data-step-clock]").first).to_be_visible()


def send_note(phone, text: str) -> None:
    """Type a note on the phone page and put it in the box (does not wait for the ack)."""
    phone.fill("[data-note-text]", text)
    phone.click('[data-action="note-send"]')


def show_on_projector(control, view: str) -> None:
    """Choose what the projector shows from the control page.

    Not Playwright's check(): while the page's socket is still connecting, the
    welcome message may set the radio back to the stored view right after the
    click. The choice is sent either way (socket.io buffers it), and the
    server's broadcast then checks the radio again, so wait for that.
    """
    from playwright.sync_api import expect

    radio = control.locator(f'[data-action="projector-view"][value="{view}"]')
    radio.click()
    expect(radio).to_be_checked()
