"""Coalesced pushes: the first at once, a burst becomes one more push, the last state goes out."""
import threading
import time

from facilitator.notify import Coalescer


class Threads:
    """What Coalescer needs from a SocketIO: background tasks and sleep (threading mode)."""

    def start_background_task(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        return thread

    def sleep(self, seconds):
        time.sleep(seconds)


def test_a_burst_costs_one_push_now_and_one_at_the_end_of_the_interval():
    pushed = []
    coalescer = Coalescer(Threads(), 0.2, lambda key: pushed.append((key, time.monotonic())))
    started = time.monotonic()
    for _ in range(100):
        coalescer.request("event-a")
    coalescer.request("event-b")                   # another event has its own interval
    assert [key for key, _ in pushed] == ["event-a", "event-b"]
    time.sleep(0.5)
    assert [key for key, _ in pushed] == ["event-a", "event-b", "event-a"]
    assert pushed[2][1] - started >= 0.19          # the trailing push waited for the interval
    coalescer.request("event-a")                   # a quiet interval later: at once again
    assert len(pushed) == 4


def test_interval_zero_pushes_every_time():
    pushed = []
    coalescer = Coalescer(Threads(), 0, pushed.append)
    for _ in range(3):
        coalescer.request("event-a")
    assert pushed == ["event-a"] * 3
