import pytest

from facilitator.domain import timer
from facilitator.models import TimerState

MIN20 = 20 * 60 * 1000


def test_load_step_is_idle_with_full_duration():
    state = timer.load_step(7, 20 * 60)
    assert state == TimerState("idle", 7, MIN20, None, MIN20)


@pytest.mark.parametrize("seconds", [-1, 24 * 3600 + 1])
def test_load_step_rejects_impossible_durations(seconds):
    with pytest.raises(timer.TimerError):
        timer.load_step(1, seconds)


def test_start_sets_absolute_end_in_server_time():
    state = timer.start(timer.load_step(1, 1200), now_ms=1_000)
    assert state.status == "running"
    assert state.ends_at_ms == 1_000 + MIN20
    assert timer.remaining_ms(state, 61_000) == MIN20 - 60_000


def test_pause_keeps_remaining_and_resume_continues_from_it():
    running = timer.start(timer.load_step(1, 1200), now_ms=0)
    paused = timer.pause(running, now_ms=90_000)
    assert paused.status == "paused" and paused.ends_at_ms is None
    assert timer.remaining_ms(paused, 10**9) == MIN20 - 90_000  # frozen
    resumed = timer.start(paused, now_ms=500_000)
    assert resumed.ends_at_ms == 500_000 + MIN20 - 90_000


def test_pause_in_overtime_keeps_negative_remaining():
    running = timer.start(timer.load_step(1, 60), now_ms=0)
    assert timer.pause(running, now_ms=75_000).remaining_ms == -15_000


def test_start_twice_and_pause_when_idle_change_nothing():
    running = timer.start(timer.load_step(1, 60), now_ms=0)
    assert timer.start(running, now_ms=5_000) == running
    idle = timer.load_step(1, 60)
    assert timer.pause(idle, now_ms=5_000) == idle


def test_start_with_nothing_left_is_an_error():
    with pytest.raises(timer.TimerError):
        timer.start(TimerState(), now_ms=0)


def test_reset_returns_to_full_duration():
    running = timer.start(timer.load_step(1, 60), now_ms=0)
    assert timer.reset(running) == timer.load_step(1, 60)


def test_reset_gives_back_the_planned_time_after_minutes_were_taken_or_added():
    state = timer.start(timer.load_step(1, 20 * 60), now_ms=0)
    for _ in range(3):
        state = timer.adjust(state, -60_000, now_ms=1_000)
    assert timer.remaining_ms(state, 1_000) == 17 * 60_000 - 1_000
    assert timer.reset(state, planned_s=20 * 60) == timer.load_step(1, 20 * 60)
    longer = timer.adjust(timer.load_step(1, 20 * 60), 60_000, now_ms=0)
    assert timer.reset(longer, planned_s=20 * 60).remaining_ms == 20 * 60_000


@pytest.mark.parametrize("ms, shown", [
    (MIN20, "20:00"),
    (MIN20 - 1, "20:00"),       # counts down with rounding up
    (MIN20 - 1000, "19:59"),
    (60_000, "01:00"),
    (59_001, "01:00"),
    (1, "00:01"),
    (0, "00:00"),
    (-999, "00:00"),            # zero shows for the first second of overtime
    (-1000, "-00:01"),
    (-61_000, "-01:01"),
    (100 * 60_000, "100:00"),
])
def test_format_clock(ms, shown):
    assert timer.format_clock(ms) == shown


@pytest.mark.parametrize("left, delta, expected", [
    (300_000, 60_000, 360_000),     # extend
    (300_000, -60_000, 240_000),    # shorten
    (30_000, -60_000, 0),           # shorten stops at zero
    (-30_000, 60_000, 30_000),      # extend in overtime
    (-30_000, -60_000, -30_000),    # shorten in overtime changes nothing
    (0, 60_000, 60_000),
])
def test_adjust_paused(left, delta, expected):
    state = TimerState("paused", 1, 600_000, None, left)
    assert timer.adjust(state, delta, now_ms=0).remaining_ms == expected


def test_adjust_running_moves_the_end():
    running = timer.start(timer.load_step(1, 600), now_ms=0)
    extended = timer.adjust(running, 60_000, now_ms=100_000)
    assert extended.ends_at_ms == 660_000 and extended.duration_ms == 660_000
    assert timer.remaining_ms(extended, 100_000) == 560_000


def test_adjust_cannot_exceed_a_day():
    state = TimerState("paused", 1, timer.MAX_DURATION_MS, None, timer.MAX_DURATION_MS)
    with pytest.raises(timer.TimerError):
        timer.adjust(state, 60_000, now_ms=0)
