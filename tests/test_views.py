"""HTTP pages through Flask's test client on a real database."""
import io
import re
import uuid

import docx
import pytest

from facilitator import store
from facilitator.usecases import events, notes

from .conftest import gen_event, projector_url, room_quotes


def text(response):
    return response.get_data(as_text=True)


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"ok": True}


def test_root_leads_to_the_event_list(client, demo):
    assert client.get("/").headers["Location"].endswith("/f/")
    page = text(client.get("/f/"))
    assert demo.name in page and f"/f/events/{demo.id}" in page


def test_pages_are_swedish_by_default_and_english_on_request(client, demo):
    page = text(client.get(f"/j/{demo.join_code}"))
    assert '<html lang="sv">' in page and "Lägg i lådan" in page
    english = client.get(f"/j/{demo.join_code}?lang=en")
    assert '<html lang="en">' in text(english) and "Put it in the box" in text(english)
    assert "lang=en" in english.headers["Set-Cookie"]
    assert "Put it in the box" in text(client.get(f"/j/{demo.join_code}"))  # remembered


def test_english_event_pages_default_to_english(client, db):
    event = gen_event(db, language="en")
    assert '<html lang="en">' in text(client.get(f"/j/{event.join_code}"))


def test_create_event_and_open_it(client, db):
    response = client.post("/f/events", data={"name": "Café om elevhälsa", "date": "2026-12-01",
                                              "place": "Karlskoga", "organiser": "Kommunen",
                                              "language": "sv"})
    assert response.status_code == 302
    page = text(client.get(response.headers["Location"]))
    assert "Café om elevhälsa" in page
    assert 'data-action="timer-start"' in page and 'data-action="timer-pause"' in page


@pytest.mark.parametrize("form, message", [
    ({"name": ""}, "Fältet måste fyllas i."),
    ({"name": "x" * 10_000}, "Det här är för långt."),
    ({"name": "ok", "date": "igår"}, "Skriv datumet som ÅÅÅÅ-MM-DD."),
    ({"name": "ok", "language": "xx"}, "Välj svenska eller engelska."),
])
def test_bad_event_forms_explain_and_keep_input(client, db, form, message):
    response = client.post("/f/events", data={**form, "place": "Kvar här"})
    assert response.status_code == 400
    assert message in text(response) and 'value="Kvar här"' in text(response)
    assert store.list_events(db) == []


def test_hostile_event_name_is_escaped(client, db):
    client.post("/f/events", data={"name": '<script>alert("x")</script>', "language": "sv"})
    page = text(client.get("/f/"))
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_edit_event(client, db, demo):
    response = client.post(f"/f/events/{demo.id}/edit",
                           data={"name": "Ny rubrik", "date": "2026-12-24", "language": "en"})
    assert response.status_code == 302
    assert events.get_event(db, demo.id).name == "Ny rubrik"
    bad = client.post(f"/f/events/{demo.id}/edit", data={"name": ""})
    assert bad.status_code == 400 and events.get_event(db, demo.id).name == "Ny rubrik"


def test_delete_needs_confirmation(client, db, demo):
    confirm_page = client.get(f"/f/events/{demo.id}/delete")
    assert confirm_page.status_code == 200 and "Radera evenemanget" in text(confirm_page)
    refused = client.post(f"/f/events/{demo.id}/delete", data={})
    assert refused.status_code == 400 and events.get_event(db, demo.id) is not None
    done = client.post(f"/f/events/{demo.id}/delete", data={"confirm": "yes"})
    assert done.status_code == 302 and events.get_event(db, demo.id) is None
    assert client.get(f"/f/events/{demo.id}").status_code == 404


def test_projector_shows_code_qr_and_timer(app, client, demo):
    page = text(client.get(projector_url(app, demo.id)))
    assert f'data-join-code>{demo.join_code}<' in page
    assert 'data-timer role="timer" aria-live="off">20:00<' in page
    assert f"http://venue.example:5000/j/{demo.join_code}" in page  # FACILITATOR_PUBLIC_URL
    svg = client.get(f"/p/{demo.id}/qr.svg")
    assert svg.mimetype == "image/svg+xml" and svg.data.lstrip().startswith(b"<?xml")


def test_join_page_shows_timer_and_needs_no_name(client, demo):
    page = text(client.get(f"/j/{demo.join_code}"))
    assert "data-timer" in page and "20:00" in page and 'name="name"' not in page


@pytest.mark.parametrize("code", ["NOPE00", "x" * 5000, "<script>", "%00"])
def test_unknown_codes_get_a_friendly_404(client, code):
    response = client.get(f"/j/{code}")
    assert response.status_code == 404 and "Vi hittade inget evenemang" in text(response)


def test_join_code_typed_by_hand_is_forgiving(client, demo):
    typed = demo.join_code[:3].lower() + "-" + demo.join_code[3:].lower()
    response = client.get(f"/j/?code={typed}")
    assert response.headers["Location"].endswith(f"/j/{demo.join_code}")
    assert client.get("/j/?code=ZZZZZZ").status_code == 404


def test_note_form_without_javascript(client, db, demo):
    note_id = str(uuid.uuid4())
    form = {"id": note_id, "text": "Gemensam kompetensutveckling åäö"}
    response = client.post(f"/j/{demo.join_code}/notes", data=form)
    assert response.status_code == 302 and "sent=1" in response.headers["Location"]
    client.post(f"/j/{demo.join_code}/notes", data=form)  # double submit
    assert notes.count_notes(db, demo.id) == 1
    assert "Mottagen ✓" in text(client.get(response.headers["Location"]))


@pytest.mark.parametrize("body, message", [
    ("", "Skriv något först."),
    ("   ", "Skriv något först."),
    ("å" * 2001, "Lappen är för lång"),
])
def test_bad_note_form_keeps_the_text(client, db, demo, body, message):
    response = client.post(f"/j/{demo.join_code}/notes", data={"id": str(uuid.uuid4()), "text": body})
    assert response.status_code == 400 and message in text(response)
    if body.strip():
        assert body in text(response)
    assert notes.count_notes(db, demo.id) == 0


def test_oversized_request_gets_413(client, demo):
    response = client.post(f"/j/{demo.join_code}/notes",
                           data={"id": str(uuid.uuid4()), "text": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413 and "för mycket" in text(response)


def test_report_download(client, db, demo):
    client.post(f"/j/{demo.join_code}/notes", data={"id": str(uuid.uuid4()), "text": "Lyssna på eleverna"})
    response = client.get(f"/f/events/{demo.id}/report.docx")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.data))
    assert room_quotes(document) == [("List Bullet", "Lyssna på eleverna")]


def test_unknown_event_pages_are_404(client):
    for url in ("/f/events/nope", "/p/nope", "/p/nope/qr.svg", "/f/events/nope/report.docx"):
        assert client.get(url).status_code == 404


def submit(client, demo, text):
    return client.post(f"/j/{demo.join_code}/notes", data={"id": str(uuid.uuid4()), "text": text})


def test_exports(client, demo):
    submit(client, demo, "Semikolon; och ”citat” åäö")
    response = client.get(f"/f/events/{demo.id}/notes.csv?sep=semicolon")
    assert response.mimetype == "text/csv" and response.data.startswith("\ufeff".encode())
    assert "Semikolon; och ”citat” åäö" in response.data.decode("utf-8")
    header = response.data.decode("utf-8").lstrip("\ufeff").splitlines()[0]
    assert header == "id;Fråga;Text;Skapad;Framlyft;Dold;Förberedd;Kommun;Bord;Gemensamt eller eget"
    assert "filename*=UTF-8''Lappar%20" in response.headers["Content-Disposition"]
    data = client.get(f"/f/events/{demo.id}/notes.json").get_json()
    assert data["notes"][0]["text"] == "Semikolon; och ”citat” åäö"
    assert client.get(f"/f/events/{demo.id}/notes.xlsx").status_code == 404


def test_cloud_json_leaves_out_hidden_notes(app, client, db, demo):
    from facilitator.usecases import notes
    notes.set_projector_view(db, demo.id, "cloud")
    submit(client, demo, "Samverkan mellan skolor")
    submit(client, demo, "Samverka mera")
    secret = store.list_notes(db, demo.id)[1]
    notes.moderate(db, demo.id, {"id": secret.id, "hidden": True})
    data = client.get(projector_url(app, demo.id, "/cloud.json")).get_json()
    assert data["notes"] == 1 and [w["word"] for w in data["words"]] == ["samverkan", "skolor"]


def test_wall_json_stacks_copies_and_leaves_out_hidden_notes(app, client, db, demo):
    notes.set_projector_view(db, demo.id, "wall")
    for text in ("En dörr in för familjer", "en dörr in för familjer!", "Hemligt", "Fika"):
        submit(client, demo, text)
    secret = next(n for n in store.list_notes(db, demo.id) if n.text == "Hemligt")
    notes.moderate(db, demo.id, {"id": secret.id, "hidden": True})
    assert client.get(f"/p/{demo.id}/wall.json").status_code == 403      # no projector key
    data = client.get(projector_url(app, demo.id, "/wall.json")).get_json()
    assert data["visible"] == 3
    assert sorted((c["text"], c["count"]) for c in data["cards"]) == [
        ("En dörr in för familjer", 2), ("Fika", 1)]
    assert client.get("/p/no-such-event/wall.json").status_code == 404


def prepare_url(client, demo):
    import re
    page = text(client.get(f"/f/events/{demo.id}"))
    return re.search(r'data-link="prepare">http://venue.example:5000([^<]+)<', page).group(1)


def test_pre_event_box(client, db, demo):
    url = prepare_url(client, demo)
    form_page = text(client.get(url))
    question = events.list_questions(db, demo.id)[0]
    assert question.text in form_page
    note_id = re.search(rf'name="id-{question.id}" value="([^"]+)"', form_page).group(1)
    form = {"prepared_by": "Lekebergs kommun", f"id-{question.id}": note_id,
            f"answer-{question.id}": "Vi har startat en familjecentral."}
    done = client.post(url, data=form)
    assert done.status_code == 200 and "Mottagen ✓" in text(done)
    client.post(url, data=form)  # sent twice: still one answer
    stored = store.list_notes(db, demo.id)
    assert len(stored) == 1 and stored[0].prepared and stored[0].prepared_by == "Lekebergs kommun"


@pytest.mark.parametrize("answer, message", [("", "Svara på minst en fråga."),
                                             ("x" * 2001, "Lappen är för lång")])
def test_pre_event_box_errors_keep_the_text(client, db, demo, answer, message):
    url = prepare_url(client, demo)
    question = events.list_questions(db, demo.id)[0]
    response = client.post(url, data={"prepared_by": "Kvar", f"id-{question.id}": str(uuid.uuid4()),
                                      f"answer-{question.id}": answer})
    assert response.status_code == 400 and message in text(response) and 'value="Kvar"' in text(response)
    assert notes.count_notes(db, demo.id) == 0


def test_pre_event_box_with_a_forged_id(client, db, demo):
    url = prepare_url(client, demo)
    question = events.list_questions(db, demo.id)[0]
    response = client.post(url, data={f"id-{question.id}": "not-a-uuid",
                                      f"answer-{question.id}": "hej"})
    assert response.status_code == 400 and notes.count_notes(db, demo.id) == 0


def test_unknown_pre_event_link(client):
    assert client.get("/j/pre/" + "a" * 24).status_code == 404


def test_closed_box_form_keeps_the_text(client, db, demo):
    from facilitator.usecases import notes
    notes.set_box(db, demo.id, False)
    response = submit(client, demo, "Skrivet när lådan var stängd")
    assert response.status_code == 400 and "Lådan är stängd" in text(response)
    assert "Skrivet när lådan var stängd" in text(response)


def test_each_screen_has_exactly_one_timer_hook(app, client, demo):
    """External checks drive the app through [data-timer]: one per page."""
    for url in (projector_url(app, demo.id), f"/j/{demo.join_code}", f"/f/events/{demo.id}"):
        assert len(re.findall(r"\sdata-timer[\s>]", text(client.get(url)))) == 1, url


HOSTILE = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', "javascript:alert(1)",
           "{{ 7*7 }}{% raw %}", "\u202eRTL override\u202c", "zero\u200bwidth", "emoji 🙂 åäö"]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_notes_are_shown_as_text(client, db, demo, payload):
    from markupsafe import escape
    submit(client, demo, payload)
    page = text(client.get(f"/f/events/{demo.id}"))
    if "<" in payload:
        assert payload not in page
    assert str(escape(payload)) in page          # shown exactly, as text, never run
    assert notes_texts(db, demo) == [payload]    # and stored exactly as written


def notes_texts(db, demo):
    return [n.text for n in store.list_notes(db, demo.id)]


def test_dates_are_written_the_way_each_language_writes_them(client, demo):
    assert "23 november 2026" in text(client.get("/f/"))
    assert "November 23, 2026" in text(client.get("/f/?lang=en"))


def test_stacks_json_lists_copies_for_the_owner_only(client, anonymous, db, demo):
    for text in ("Mer tid för samtal", "mer tid för samtal!", "Annat"):
        submit(client, demo, text)
    data = client.get(f"/f/events/{demo.id}/stacks.json").get_json()
    assert len(data["stacks"]) == 1 and len(data["stacks"][0]) == 2
    assert anonymous.get(f"/f/events/{demo.id}/stacks.json").status_code in (302, 401, 403, 404)
