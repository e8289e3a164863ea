"""Evaluation in the room: items, anonymous changeable answers, results, report."""
import io
import json
import uuid

import docx
import pytest

from facilitator.usecases import evaluation, reports
from facilitator import store
from facilitator.domain.evaluation import EvalError, clean_item_form
from facilitator.usecases.validation import ValidationError

from .conftest import NOW, gen_event

SCALE = {"kind": "scale", "prompt": "Hur nöjd är du?", "scale": "1-4",
         "low_label": "Inte alls", "high_label": "Helt"}


def opened(db, event, form=SCALE):
    item_id = evaluation.add_item(db, event.id, form)
    return evaluation.set_flags(db, event.id, item_id, is_open=True)


def ans(item, value=None, comment="", key=None):
    return {"item_id": item.id, "key": key or str(uuid.uuid4()), "value": value, "comment": comment}


def test_answers_change_until_the_item_closes(db, demo):
    item = opened(db, demo)
    key = str(uuid.uuid4())
    evaluation.answer(db, demo.id, ans(item, 2, key=key), NOW)
    evaluation.answer(db, demo.id, ans(item, 4, "Bra upplägg", key=key), NOW)   # changed
    evaluation.answer(db, demo.id, ans(item, 3), NOW)                           # another phone
    result = evaluation.result(db, item)
    assert result["n"] == 2 and result["counts"] == [0, 0, 1, 1]
    assert result["mean"] == 3.5 and result["comments"] == ["Bra upplägg"]
    evaluation.set_flags(db, demo.id, item.id, is_open=False)
    with pytest.raises(EvalError) as info:
        evaluation.answer(db, demo.id, ans(item, 1, key=key), NOW)
    assert info.value.code == "closed" and evaluation.result(db, item)["counts"] == [0, 0, 1, 1]


@pytest.mark.parametrize("payload, code", [
    ({"value": 0}, "bad_value"), ({"value": 5}, "bad_value"), ({"value": "tre"}, "bad_value"),
    ({"value": 2.5}, "bad_value"), ({"value": True}, "bad_value"), ({"value": None}, "bad_value"),
    ({"value": 2, "key": "not-a-uuid"}, "bad_key"), ({"value": 2, "comment": "x" * 2001}, "too_long"),
    ({"value": 2, "comment": ["lista"]}, "bad_comment"), ({"value": 2, "item_id": 99999}, "no_item"),
    ({"value": 2, "item_id": "drop table"}, "no_item"),
])
def test_bad_answers_change_nothing(db, demo, payload, code):
    item = opened(db, demo)
    with pytest.raises(EvalError) as info:
        evaluation.answer(db, demo.id, {**ans(item), **payload}, NOW)
    assert info.value.code == code and evaluation.result(db, item)["n"] == 0


def test_choice_and_comment_items(db, demo):
    choice = opened(db, demo, {"kind": "choice", "prompt": "Bästa passet?", "options": "Café\nPlenum\nFika"})
    comment = opened(db, demo, {"kind": "comment", "prompt": "Något mer?"})
    evaluation.answer(db, demo.id, ans(choice, 2), NOW)
    with pytest.raises(EvalError):
        evaluation.answer(db, demo.id, ans(choice, 3), NOW)
    with pytest.raises(EvalError):
        evaluation.answer(db, demo.id, ans(comment, comment="   "), NOW)
    evaluation.answer(db, demo.id, ans(comment, comment="Mer tid för samtal"), NOW)
    assert evaluation.result(db, choice)["counts"] == [0, 0, 1]
    assert evaluation.result(db, comment)["comments"] == ["Mer tid för samtal"]


@pytest.mark.parametrize("form, field", [
    ({"kind": "poll", "prompt": "x"}, "kind"), ({"kind": "scale", "prompt": ""}, "prompt"),
    ({"kind": "scale", "prompt": "x" * 501}, "prompt"), ({"kind": "scale", "prompt": "x", "scale": "0-100"}, "scale"),
    ({"kind": "choice", "prompt": "x", "options": "bara en"}, "options"),
    ({"kind": "choice", "prompt": "x", "options": "\n".join("abcdefghijk")}, "options"),
])
def test_bad_item_forms(form, field):
    _fields, errors = clean_item_form(form)
    assert field in errors


def test_results_are_hidden_from_the_projector_until_closed(db, demo):
    item = opened(db, demo)
    evaluation.set_flags(db, demo.id, item.id, results_visible=False)
    assert [r["item_id"] for r in evaluation.shown_results(db, demo.id)] == [
        i.id for i in evaluation.items(db, demo.id) if not i.is_open and i.kind != "comment"]
    evaluation.set_flags(db, demo.id, item.id, is_open=False)
    assert item.id in [r["item_id"] for r in evaluation.shown_results(db, demo.id)]


def test_answers_hold_nothing_that_joins_them_to_a_phone(db, demo):
    columns = set(db["eval_answers"].columns_dict)
    assert columns == {"item_id", "answer_key", "value", "comment", "updated_at"}


def test_demo_has_the_seed_evaluation_and_the_report_a_chart(db, demo):
    scale = next(i for i in evaluation.items(db, demo.id) if i.kind == "scale")
    assert evaluation.result(db, scale)["counts"] == [0, 4, 4, 1]     # as in seed 001
    document = docx.Document(io.BytesIO(reports.report_docx(db, demo.id, NOW)))
    texts = [p.text for p in document.paragraphs]
    assert "Utvärdering" in texts and any("medelvärde 2,67 · median 3" in t for t in texts)
    assert not [t for t in texts if "?:" in t]  # "... utvecklas? n = 9 svar", not "utvecklas?:"
    assert len(document.inline_shapes) == 2      # the bar chart: in the summary and its section
    assert any("skolutveckling är komplext" in t for t in texts)


def test_the_report_json_and_markdown_carry_the_evaluation(db, demo):
    data = json.loads(reports.report_json(db, demo.id))
    assert {"event", "sections", "encounters", "counts", "summary", "votes", "other_comments",
            "prepared", "evaluation"} <= set(data)
    scale = next(e for e in data["evaluation"] if e["kind"] == "scale")
    assert scale["counts"] == [0, 4, 4, 1] and scale["mean"] == 2.67 and scale["n"] == 9
    assert any("skolutveckling är komplext" in c for e in data["evaluation"] for c in e["comments"])
    text = reports.report_markdown(db, demo.id)
    assert "## Utvärdering" in text and "medelvärde 2,67 · median 3" in text


def test_template_adds_questions_steps_and_items(db):
    event = gen_event(db)
    evaluation.apply_template(db, event.id)
    assert len(store.list_questions(db, event.id)) == 3
    assert [i.kind for i in evaluation.items(db, event.id)] == ["scale", "comment"]


def test_socket_answers_and_results(db, demo, sockets):
    facilitator, phone = sockets(demo.id, "facilitator"), sockets(demo.id)
    item = opened(db, demo)
    ack = phone.emit("eval_answer", ans(item, 3), callback=True)
    assert ack == {"ok": True}
    results = [m["args"][0] for m in facilitator.get_received() if m["name"] == "eval_results"][-1]
    assert any(r["item_id"] == item.id and r["counts"] == [0, 0, 1, 0] for r in results["results"])
    assert "eval_results" not in [m["name"] for m in phone.get_received()]
    assert phone.emit("eval_answer", "garbage", callback=True)["error"] == "bad_payload"


def test_evaluation_page(client, db, demo):
    page = client.get(f"/f/events/{demo.id}/evaluation").get_data(as_text=True)
    assert "I vilken grad anser du" in page
    assert client.post(f"/f/events/{demo.id}/evaluation/items", data={"kind": "scale", "prompt": ""}).status_code == 400
    assert client.post(f"/f/events/{demo.id}/evaluation/items", data=SCALE).status_code == 302
    item = evaluation.items(db, demo.id)[-1]
    for change in ("open", "hide", "show", "close", "delete"):
        assert client.post(f"/f/events/{demo.id}/evaluation/items/{item.id}/{change}").status_code == 302
    assert item.id not in [i.id for i in evaluation.items(db, demo.id)]
    assert client.post(f"/f/events/{demo.id}/evaluation/items/{item.id}/open").status_code == 404
    assert client.post(f"/f/events/{demo.id}/evaluation/items/1/explode").status_code == 404


def test_items_of_a_step_open_when_the_room_gets_there(db):
    from facilitator.usecases import timing
    event = gen_event(db)
    evaluation.apply_template(db, event.id)
    survey = store.list_steps(db, event.id)[-1]
    assert all(i.step_id == survey.id and not i.is_open for i in evaluation.items(db, event.id))
    timing.timer_command(db, event.id, "goto", 0, step_id=survey.id)
    assert all(i.is_open for i in evaluation.items(db, event.id))
    assert len(evaluation.public_items(db, event.id)) == 2


def test_item_tied_to_a_foreign_step_is_refused(db, demo):
    other = gen_event(db)
    evaluation.apply_template(db, other.id)
    foreign = store.list_steps(db, other.id)[0].id
    with pytest.raises(ValidationError):
        evaluation.add_item(db, demo.id, {**SCALE, "step_id": str(foreign)})
    with pytest.raises(ValidationError):
        evaluation.add_item(db, demo.id, {**SCALE, "step_id": "första"})
