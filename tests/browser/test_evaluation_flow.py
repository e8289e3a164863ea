"""Evaluation in real Chromium: the phone answers and changes its answer; the projector shows bars."""
from __future__ import annotations

import sqlite3

from playwright.sync_api import expect

from .support import show_on_projector


def test_phone_answers_and_the_projector_shows_results(live_server, pages, facilitator_page):
    demo = live_server.demo
    facilitator = facilitator_page(demo["facilitator_url"] + "/evaluation")
    facilitator.locator('[data-eval-item] [data-action="eval-open"]').first.click()
    projector = pages(demo["projector_url"], 1920, 1080)
    phone = pages(demo["join_url"], 360, 740, is_mobile=True)
    question = phone.locator("[data-eval-item]").first
    question.locator(".eval-choice", has_text="2").click()
    expect(question.locator("[data-eval-status]")).to_contain_text("Svaret är sparat")
    question.locator(".eval-choice", has_text="4").click()          # changed: still one answer
    expect(question.locator("[data-eval-status]")).to_contain_text("Svaret är sparat")
    with sqlite3.connect(live_server.db_path) as db:
        values = sorted(r[0] for r in db.execute(
            "SELECT value FROM eval_answers a JOIN eval_items i ON i.id = a.item_id"
            " WHERE i.kind = 'scale'"))
    assert values == [2, 2, 2, 2, 3, 3, 3, 3, 4, 4]     # nine from the seed, this phone's once
    control = facilitator_page()
    show_on_projector(control, "results")
    bars = projector.locator(".result").first.locator(".result-bar .count")
    expect(bars).to_have_text(["0", "4", "4", "2"])                  # seed answers plus this phone
