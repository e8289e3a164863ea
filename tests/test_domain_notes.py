import uuid

import pytest

from facilitator.domain.notes import MAX_CHARS, NoteError, validate_note_id, validate_note_text


@pytest.mark.parametrize("text", [
    "Mer samverkan mellan skola och socialtjänst",
    "  indrag och radbrytningar\nbehålls  ",
    "åäö ÅÄÖ é ü – ”citat” 🙂👍🏽",
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
    "x",
    "a" * MAX_CHARS,
])
def test_text_is_kept_exactly(text):
    assert validate_note_text(text) == text


@pytest.mark.parametrize("raw, code", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("a" * (MAX_CHARS + 1), "too_long"),
    ("x" * 10_000_000, "too_long"),
    (None, "bad_text"),
    (123, "bad_text"),
    (["list"], "bad_text"),
    ("nul\x00byte", "bad_text"),
])
def test_bad_text_is_rejected_with_a_code(raw, code):
    with pytest.raises(NoteError) as info:
        validate_note_text(raw)
    assert info.value.code == code


def test_note_id_is_normalised_uuid():
    raw = str(uuid.uuid4()).upper()
    assert validate_note_id(raw) == raw.lower()


@pytest.mark.parametrize("raw", [None, "", "not-a-uuid", 42, "x" * 100, {"id": 1},
                                 "'; DROP TABLE notes; --"])
def test_bad_note_ids_are_rejected(raw):
    with pytest.raises(NoteError) as info:
        validate_note_id(raw)
    assert info.value.code == "bad_id"
