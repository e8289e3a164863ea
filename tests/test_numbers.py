"""Numbers in the reader's language: 3,2 in Swedish, 3.2 in English, from one formatter
(domain/numbers.py) on every server-rendered page and in the summary."""
from __future__ import annotations

import io
import uuid

import docx
import pytest

from facilitator.domain.numbers import decimal
from facilitator.domain.report.structure import number
from facilitator.usecases import evaluation, reports

from .conftest import NOW, gen_event

SCALE = {"kind": "scale", "prompt": "Hur nöjd är du?", "scale": "1-4",
         "low_label": "Inte alls", "high_label": "Helt"}


@pytest.mark.parametrize("value, sv, en", [
    (3.2, "3,2", "3.2"), (3, "3", "3"), (3.0, "3", "3"), (2.675, "2,68", "2.68"),
    (0.5, "0,5", "0.5"), (1234.5, "1\u00a0234,5", "1,234.5"), (3.333333, "3,33", "3.33"),
])
def test_one_formatter_for_both_languages(value, sv, en):
    assert decimal(value, "sv") == sv and decimal(value, "en") == en
    assert number(value, "sv") == sv and number(value, "en") == en   # the report's


def test_an_unknown_language_falls_back_to_swedish():
    assert decimal(3.2, "xx") == "3,2"


def rated(db, event, values=(3, 3, 4)):
    item_id = evaluation.add_item(db, event.id, SCALE)
    item = evaluation.set_flags(db, event.id, item_id, is_open=True)
    for v in values:
        evaluation.answer(db, event.id, {"item_id": item.id, "key": str(uuid.uuid4()), "value": v,
                                         "comment": ""}, NOW)
    return item


@pytest.mark.parametrize("lang, mean, median", [("sv", "3,33", "3"), ("en", "3.33", "3")])
def test_the_control_page_shows_the_mean_in_the_page_language(client, db, demo, lang, mean, median):
    rated(db, demo)
    page = client.get(f"/f/events/{demo.id}/evaluation?lang={lang}").get_data(as_text=True)
    assert f"<span data-mean>{mean}</span>" in page
    assert f"<span data-median>{median}</span>" in page


def test_a_half_median_has_a_comma_in_swedish(client, db, demo):
    rated(db, demo, (2, 3))
    page = client.get(f"/f/events/{demo.id}/evaluation?lang=sv").get_data(as_text=True)
    assert "<span data-mean>2,5</span>" in page and "<span data-median>2,5</span>" in page


@pytest.mark.parametrize("language, expected", [("sv", "3,33"), ("en", "3.33")])
def test_the_summary_uses_the_event_language(db, user, language, expected):
    event = gen_event(db, owner=user, language=language)
    rated(db, event)
    document = docx.Document(io.BytesIO(reports.report_bytes(db, event.id, "docx", NOW)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert expected in text
    assert ("3.33" if language == "sv" else "3,33") not in text
