import pytest

from facilitator.usecases import programme
from facilitator.domain.programme import ProgrammeError, parse_template


def test_demo_template_is_the_seed_method():
    template = programme.load_template("grupper-40")
    assert template.title == "Grupper för diskussion (40 min)"
    assert [s["duration_s"] for s in template.steps] == [20 * 60, 15 * 60, 5 * 60]
    assert [s["kind"] for s in template.steps] == ["discussion", "rotation", "write_note"]
    assert "samverkan" in template.questions[0]


VALID = {"title": "T", "questions": ["Q?"],
         "steps": [{"kind": "discussion", "title": "D", "minutes": 20, "question": 0}]}


@pytest.mark.parametrize("broken", [
    {**VALID, "title": ""},
    {**VALID, "questions": [""]},
    {**VALID, "steps": [{"kind": "dance", "minutes": 5}]},
    {**VALID, "steps": [{"kind": "discussion", "minutes": 0}]},
    {**VALID, "steps": [{"kind": "discussion", "minutes": "20"}]},
    {**VALID, "steps": [{"kind": "discussion", "minutes": 5, "question": 3}]},
])
def test_broken_templates_are_refused(broken):
    with pytest.raises(ProgrammeError):
        parse_template("broken", broken)


def test_valid_template_parses():
    template = parse_template("ok", VALID)
    assert template.steps[0]["duration_s"] == 1200
