"""The command-line contract, run as a real subprocess."""
import json
import os
import shutil
import subprocess
import sys

import pytest


def run(tmp_path, *args):
    env = {**os.environ, "FACILITATOR_INSTANCE_PATH": str(tmp_path / "instance")}
    return subprocess.run([sys.executable, "-m", "facilitator", *args], capture_output=True,
                          text=True, env=env, timeout=60)


def test_demo_json_contract_and_idempotence(tmp_path):
    db = tmp_path / "x.sqlite3"
    first = run(tmp_path, "demo", "--db", str(db), "--base-url", "http://10.0.0.5:8080/", "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert {"event_id", "join_url", "projector_url", "facilitator_url"} <= set(data)
    assert data["join_url"] == f"http://10.0.0.5:8080/j/{data['join_code']}"
    assert data["projector_url"] == f"http://10.0.0.5:8080/p/{data['event_id']}"
    assert data["facilitator_url"] == f"http://10.0.0.5:8080/f/events/{data['event_id']}"
    again = json.loads(run(tmp_path, "demo", "--db", str(db), "--json").stdout)
    assert again["event_id"] == data["event_id"] and again["created"] is False


def test_demo_human_output(tmp_path):
    result = run(tmp_path, "demo", "--db", str(tmp_path / "h.sqlite3"))
    assert result.returncode == 0 and "Dialogkonferens" in result.stdout


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_qr_writes_by_extension(tmp_path, fmt):
    out = tmp_path / f"code.{fmt}"
    result = run(tmp_path, "qr", "http://192.168.1.20:5000/j/ABC234", "-o", str(out))
    assert result.returncode == 0, result.stderr
    head = out.read_bytes()[:8]
    assert head.startswith(b"\x89PNG") if fmt == "png" else b"<" in head


@pytest.mark.parametrize("args, message", [
    (["http://x/j/A", "-o", "code.gif"], ".png or .svg"),
    (["   ", "-o", "code.png"], "empty"),
    (["http://x/j/A", "-o", "/nonexistent-dir/sub/code.png"], "cannot write"),
    (["http://x/j/A", "-o", "noextension"], ".png or .svg"),
])
def test_qr_errors_are_plain(tmp_path, args, message):
    result = run(tmp_path, "qr", *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_qr_too_long_for_a_code_is_refused_plainly(tmp_path):
    result = run(tmp_path, "qr", "http://x/" + "a" * 5000, "-o", str(tmp_path / "big.png"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_unknown_command_shows_usage(tmp_path):
    result = run(tmp_path, "explode")
    assert result.returncode == 2 and "usage" in result.stderr


@pytest.mark.skipif(shutil.which("zbarimg") is None and os.environ.get("CI") != "true",
                    reason="zbarimg (zbar-tools) not installed")
def test_qr_png_decodes_to_exactly_the_url(tmp_path):
    url = "http://192.168.1.20:5000/j/KZFXEE?lang=sv&x=åäö"
    out = tmp_path / "code.png"
    assert run(tmp_path, "qr", url, "-o", str(out)).returncode == 0
    # -Sbinary: raw bytes, so zbar's character-set guess cannot garble UTF-8.
    decoded = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", str(out)],
                             capture_output=True, check=True).stdout
    assert decoded.decode("utf-8").rstrip("\n") == url


def test_export_contract(tmp_path):
    db = tmp_path / "e.sqlite3"
    data = json.loads(run(tmp_path, "demo", "--db", str(db), "--json").stdout)
    csv_out = run(tmp_path, "export", data["event_id"], "--db", str(db), "--format", "csv",
                  "--semicolon")
    assert csv_out.returncode == 0 and csv_out.stdout.startswith("id;question;text")
    target = tmp_path / "notes.json"
    assert run(tmp_path, "export", data["event_id"], "--db", str(db), "--format", "json",
               "-o", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["event"]["id"] == data["event_id"]
    written = tmp_path / "notes.csv"
    run(tmp_path, "export", data["event_id"], "--db", str(db), "-o", str(written))
    assert written.read_bytes().startswith(b"\xef\xbb\xbfid,question")


@pytest.mark.parametrize("args, message", [
    (["nope"], "no event"),
    (["x", "--format", "xml"], "invalid choice"),
])
def test_export_errors(tmp_path, args, message):
    result = run(tmp_path, "export", *args, "--db", str(tmp_path / "e.sqlite3"))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
