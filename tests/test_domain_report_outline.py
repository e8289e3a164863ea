"""The report's outline: pure, tested with plain tables of notes and themes."""
from facilitator.domain.report.structure import ReportData
from facilitator.domain.report.outline import Quote, diverse, outline, quota, rank
from facilitator.models import Event, Note, Question, Theme, ThemeNote

EVENT = Event("e", "Dag")
Q = [Question(1, "e", 0, "Vad behöver barn?"), Question(2, "e", 1, "Vad gör vi?")]


def note(i, text, q=1, **kw):
    return Note(str(i), "e", text, "2026-11-23T09:00:00Z", q, **kw)


def test_quota_gives_each_theme_one_and_the_larger_ones_up_to_three_within_budget():
    assert quota([10, 5, 1]) == [3, 3, 1]
    assert quota([10, 5, 1], budget=4) == [2, 1, 1]
    assert quota([30] * 30) == [1] * 30          # more themes than the budget: one each
    assert quota([]) == []


def test_rank_puts_pinned_then_featured_then_the_most_central_first():
    quotes = [Quote("Något helt annat om bussar", ("1",)),
              Quote("Samverkan skola socialtjänst", ("2",)),
              Quote("Mer samverkan mellan skola och socialtjänst", ("3", "3b")),
              Quote("Framlyft lapp", ("4",), starred=True),
              Quote("Fäst lapp", ("5",), pinned=True)]
    order = [q.note_ids[0] for q in rank(quotes)]
    assert order[:2] == ["5", "4"] and set(order[2:4]) == {"2", "3"} and order[4] == "1"
    same = [Quote("Fler fritidsgårdar", ("x",)), Quote("Fler fritidsgårdar!", ("y", "z"))]
    assert rank(same)[0].count == 2                 # as central, and more people said it


def test_diverse_skips_a_near_repeat_while_others_are_left():
    a, b, c = (Quote("Läxhjälp på biblioteket i Kumla", ("a",)),
               Quote("Läxhjälp på biblioteket i Örebro", ("b",)), Quote("Fler fritidsgårdar", ("c",)))
    assert diverse([a, b, c], 2) == [a, c]
    assert diverse([a, b], 2) == [a, b]          # nothing else left: the repeat after all


def test_outline_keeps_small_talk_and_prepared_answers_out_of_the_themes():
    notes = [note(1, "Mer samverkan mellan skola och socialtjänst"), note(2, "Bra fika!"),
             note(3, "Mer samverkan mellan skola och socialtjänst!"), note(4, "Lyssna på barnen"),
             note(5, "Förberett svar", prepared=True, prepared_by="Kumla kommun"),
             note(6, "Tack för en bra dag", q=2), note(7, "Bra fika", q=2)]
    themes = {1: [Theme(1, "Samverkan", tuple(ThemeNote(n) for n in notes[:3])),
                  Theme(2, "Övrigt", (ThemeNote(notes[3]), ThemeNote(notes[4])), 1, True)]}
    plan = outline(ReportData(EVENT, Q, [], notes, themes=themes))
    first = plan.questions[0]
    assert [(t.label, t.count, t.other) for t in first.themes] == [
        ("Samverkan", 2, False), ("Övrigt (lappar som inte passar i något tema)", 1, True)]
    assert first.themes[0].quotes[0].count == 2     # the copy is stacked and counted
    assert first.themes[0].highlights == first.themes[0].quotes[:1]
    assert first.themes[1].highlights == ()         # Övrigt is never in the summary
    assert [(q.text, q.count) for q in plan.small_talk] == [("Bra fika!", 2), ("Tack för en bra dag", 1)]
    assert plan.summary_themes == [("Vad behöver barn?", [first.themes[0]])]
    assert plan.prepared == (("Kumla kommun", (("Vad behöver barn?", Quote(
        "Förberett svar", ("5",), by="Kumla kommun")),)),)
    assert plan.counts["notes"] == 6 and plan.counts["prepared"] == 1 and plan.counts["themes"] == 1


def test_a_pinned_note_stays_in_its_theme_even_if_it_reads_like_small_talk():
    notes = [note(1, "Bra fika!"), note(2, "Mer tid för samtal")]
    themes = {1: [Theme(1, "Mötet", (ThemeNote(notes[0], True), ThemeNote(notes[1])))]}
    plan = outline(ReportData(EVENT, Q[:1], [], notes, themes=themes))
    assert plan.small_talk == () and plan.questions[0].themes[0].quotes[0].text == "Bra fika!"


def test_an_event_without_notes_or_questions_has_one_empty_part():
    plan = outline(ReportData(EVENT))
    assert [(q.heading, q.count) for q in plan.questions] == [("Lappar", 0)]
