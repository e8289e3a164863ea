"""The benchmark commands run end to end and report sane figures (small N; not timed)."""
import json
import subprocess
import sys

import pytest


def bench(*args):
    result = subprocess.run([sys.executable, "-m", "facilitator", "bench", *args, "--json"],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_bench_timer_spreads_its_phones_over_processes_and_says_so():
    data = bench("timer", "--clients", "21", "--rounds", "3", "--processes", "3")
    assert data["connected"] == 21 and data["missed"] == 0 and data["received"] == 63
    assert 0 <= data["propagation_p50_ms"] <= data["propagation_p99_ms"]
    assert data["rss_mb"] > 0
    assert data["load"]["client_processes"] == 3 and data["load"]["phones_per_process"] == [7, 7, 7]
    assert "aiohttp" in data["load"]["generator"] and "hand-framed" in data["load"]["generator"]
    assert data["load"]["phone_cpu_ms_per_round"] > 0


def test_the_outside_generator_measures_the_same_thing_independently():
    data = bench("outside", "--clients", "20", "--rounds", "3")
    assert data["connected"] == 20 and data["missed"] == 0 and data["received"] == 60
    assert 0 <= data["propagation_p50_ms"] <= data["propagation_p99_ms"]
    assert data["load"]["client_processes"] == 2 and "raw WebSocket" in data["load"]["generator"]


def test_bench_notes_counts_in_the_database():
    data = bench("notes", "--clients", "20")
    assert data["sent"] == data["acked"] == 20
    assert data["lost"] == 0 and data["duplicated"] == 0
    assert 0 <= data["ack_p50_ms"] <= data["ack_p99_ms"]


@pytest.mark.parametrize("args", [["timer", "--clients", "0"], ["notes", "--url", "http://127.0.0.1:9"],
                                  ["room", "--processes", "0", "--clients", "5"],
                                  ["outside", "--url", "http://127.0.0.1:9"]])
def test_bench_refuses_bad_arguments(args):
    result = subprocess.run([sys.executable, "-m", "facilitator", "bench", *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_bench_room_at_200_phones():
    """The CI-sized room: a regression in loss, duplication or delivery shows here."""
    data = bench("room", "--clients", "200", "--rounds", "3")
    print(f"\nbench room 200: {data}")
    assert data["connected"] == 200 and data["broadcasts_missed"] == 0
    assert data["notes_sent"] == data["notes_acked"] == 200
    assert data["notes_lost"] == data["notes_duplicated"] == 0
    assert {"broadcast_p50_ms", "broadcast_p99_ms", "ack_p99_ms", "rss_mb", "kb_per_client"} <= set(data)


def test_bench_votes_counts_every_phone_once():
    data = bench("votes", "--clients", "30")
    assert data["connected"] == data["phones_done"] == data["phones_counted"] == 30
    assert data["failed"] == 0 and data["tally_matches"] is True
    assert data["dots_counted"] == data["dots_expected"] == 90


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    from facilitator.bench.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("bench-client"))
    demo = server.create_demo()
    server.start()
    yield server, demo["event_id"]
    server.stop()


def test_the_bench_client_is_refused_clearly_and_gets_acks_and_raw_frames(live):
    """client.py against a real server: a refused namespace raises at once (no hang); a
    phone sees the connect state as raw frames, stamped; an emit with an ack id gets its
    ack; a hostile ack-less event times out instead of waiting for ever."""
    import asyncio
    import concurrent.futures
    import time

    from facilitator.bench.client import Socket, SocketError, session

    server, event_id = live

    async def scenario():
        async with session() as http:
            with pytest.raises(SocketError):
                await Socket.connect(http, server.base, {"event": "nope", "role": "participant"},
                                     timeout=10)
            frames = []
            before = time.monotonic()
            phone = await Socket.connect(http, server.base,
                                         {"event": event_id, "role": "participant"},
                                         lambda text, at: frames.append((text, at)))
            claimed = await phone.call("phone_key", {"key": None}, timeout=10)
            with pytest.raises(asyncio.TimeoutError):
                await phone.call("no_such_event", {"x": "å" * 10_000}, timeout=0.5)
            await phone.close()
            return before, frames, claimed, phone.pending
    # Its own thread and loop, as in a phone process: a browser test earlier in the same
    # session leaves Playwright's loop running on the main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        before, frames, claimed, pending = pool.submit(asyncio.run, scenario()).result()
    assert claimed["ok"] is True and claimed["key"]
    assert any(text.startswith('42["timer_state"') for text, _ in frames)
    assert all(before <= at <= time.monotonic() for _, at in frames)
    assert pending == {}
