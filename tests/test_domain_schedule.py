"""Planned clock times and ahead/behind: plain tables of inputs and outputs."""
from facilitator.domain.schedule import schedule

MIN = 60_000
NINE = 9 * 60 * MIN


def test_before_the_start_the_plan_runs_from_now():
    plan = schedule([1200, 900, 300], [0, 0, 0], None, 0, None, NINE)
    assert plan.starts_ms == [NINE, NINE + 20 * MIN, NINE + 35 * MIN]
    assert plan.planned_end_ms == NINE + 40 * MIN and plan.behind_ms == 0


def test_a_step_that_ran_long_puts_the_room_behind():
    # Step 1 ran 25 of its 20 min, step 2 has 15 min left at 09:25.
    plan = schedule([1200, 900, 300], [25 * MIN, 0, 0], 1, 15 * MIN, NINE, NINE + 25 * MIN)
    assert plan.starts_ms[1] == NINE + 20 * MIN
    assert plan.behind_ms == 5 * MIN


def test_a_step_cut_short_puts_the_room_ahead():
    plan = schedule([1200, 900, 300], [10 * MIN, 0, 0], 1, 15 * MIN, NINE, NINE + 10 * MIN)
    assert plan.behind_ms == -10 * MIN


def test_overtime_counts_until_now():
    plan = schedule([600], [12 * MIN], 0, -2 * MIN, NINE, NINE + 12 * MIN)
    assert plan.behind_ms == 2 * MIN


def test_an_empty_programme():
    plan = schedule([], [], None, 0, None, NINE)
    assert plan.starts_ms == [] and plan.behind_ms == 0
