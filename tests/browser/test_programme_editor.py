"""The programme editor: drag a step to a new place (saved without a reload), delete a step
after a confirmation and bring it back with Ångra."""
from playwright.sync_api import expect


def step_titles(page):
    return page.locator("[data-programme-editor] > li strong").all_inner_texts()


def test_drag_a_step_then_delete_and_undo(facilitator_page, live_server):
    page = facilitator_page(live_server.demo["facilitator_url"] + "/programme")
    first, second, third = step_titles(page)
    with page.expect_response(lambda r: r.url.endswith("/programme/order")) as saved:
        page.locator("[data-programme-editor] > li").nth(2).locator(".drag-handle").drag_to(
            page.locator("[data-programme-editor] > li").nth(0).locator(".drag-handle"))
    assert saved.value.ok
    page.reload()
    assert step_titles(page) == [third, first, second]

    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator("[data-programme-editor] > li").nth(1).locator("button.danger-outline").click()
    assert step_titles(page) == [third, second]
    expect(page.locator("form.undo")).to_contain_text(first)
    with page.expect_navigation():
        page.click('[data-action="step-restore"]')
    assert step_titles(page) == [third, first, second]


def test_a_declined_confirmation_deletes_nothing(facilitator_page, live_server):
    page = facilitator_page(live_server.demo["facilitator_url"] + "/programme")
    before = step_titles(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("[data-programme-editor] > li").nth(0).locator("button.danger-outline").click()
    expect(page.locator("form.undo")).to_have_count(0)
    page.reload()
    assert step_titles(page) == before
