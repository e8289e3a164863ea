"""Notes go under the room's question: the phone's choice follows the step live."""
from __future__ import annotations

import sqlite3

from playwright.sync_api import expect

from .support import PHONE, send_note

SECOND = "Vad gör vi nu, konkret, på måndag?"


def _stored_question(db_path, text):
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT q.text FROM notes n LEFT JOIN questions q ON q.id = n.question_id"
                         " WHERE n.text = ?", [text]).fetchone()
    return row[0] if row else "<no such note>"


def _send(phone, text):
    send_note(phone, text)
    expect(phone.locator("[data-my-note]", has_text=text)).to_have_attribute("data-state", "received")


def _goto(control, title):
    step = control.locator("[data-step-id]", has=control.locator(".step-name", has_text=title))
    step.locator('[data-action="step-goto"]').click()
    expect(step).to_have_attribute("aria-current", "step")


def _with_second_question(facilitator_page, demo):
    """The demo programme plus a step asking a second question; the control page open."""
    control = facilitator_page(demo["facilitator_url"] + "/programme")
    control.fill("#step-title", "Runda 2")
    control.fill("#step-question", SECOND)
    control.fill("#step-minutes", "10")
    control.click('[data-action="step-add"]')
    control.goto(demo["facilitator_url"])
    return control


def test_the_phone_follows_the_rooms_question(live_server, pages, facilitator_page):
    demo = live_server.demo
    control = _with_second_question(facilitator_page, demo)
    _goto(control, "Diskutera i grupper")

    phone = pages(demo["join_url"], 360, 740, **PHONE[2])
    select = phone.locator("select[data-note-question]")
    first_id = select.locator("option", has_text="Hur kan vi").get_attribute("value")
    second_id = select.locator("option", has_text=SECOND).get_attribute("value")
    expect(select).to_have_value(first_id)

    # The room moves to the second question: the open page follows, the note goes there.
    _goto(control, "Runda 2")
    expect(phone.locator("[data-step-question]")).to_have_text(SECOND)
    expect(select).to_have_value(second_id)
    _send(phone, "Börja med ett gemensamt möte")
    assert _stored_question(live_server.db_path, "Börja med ett gemensamt möte") == SECOND

    # Picked by hand: kept for every note of this step, also over a reload.
    select.select_option(first_id)
    expect(phone.locator("[data-question-picked-hint]")).to_be_visible()
    _send(phone, "Tillbaka till första frågan")
    phone.reload()
    expect(select).to_have_value(first_id)
    _send(phone, "Fortfarande första frågan")
    for text in ("Tillbaka till första frågan", "Fortfarande första frågan"):
        assert _stored_question(live_server.db_path, text).startswith("Hur kan vi")

    # The step changes: the hand-picked choice gives way to the room's question again.
    _goto(control, "Rotera 2 och 2")
    expect(select).to_have_value(first_id)
    expect(phone.locator("[data-question-picked-hint]")).to_be_hidden()
    _goto(control, "Runda 2")
    expect(select).to_have_value(second_id)
    _send(phone, "Efter bytet igen")
    assert _stored_question(live_server.db_path, "Efter bytet igen") == SECOND


def test_an_old_cached_page_cannot_misfile(live_server, pages, facilitator_page):
    """A page from before question-follow sends its first option and nothing else."""
    demo = live_server.demo
    control = _with_second_question(facilitator_page, demo)
    _goto(control, "Runda 2")
    phone = pages(demo["join_url"], 360, 740, **PHONE[2])
    first_id = phone.locator("select[data-note-question] option", has_text="Hur kan vi") \
        .get_attribute("value")
    ack = phone.evaluate("""([text, question]) => new Promise(resolve => {
        const socket = window.facilitatorPage.socket;
        const send = () => socket.emit("note_submit",
            {id: crypto.randomUUID(), text: text, question_id: parseInt(question, 10)}, resolve);
        if (socket.connected) { send(); } else { socket.once("connect", send); }
    })""", ["Skrivet på en gammal sida", first_id])
    assert ack["ok"] is True
    assert _stored_question(live_server.db_path, "Skrivet på en gammal sida") == SECOND
