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
