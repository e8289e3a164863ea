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
    assert data["projector_url"].startswith(f"http://10.0.0.5:8080/p/{data['event_id']}?key=")
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


# -- facilitator rotate: run in-process through main(), the files in tmp_path ---------------

from facilitator.cli import main


def rotate(tmp_path, capsys, csv: bytes | str, *args, attendance=None):
    people = tmp_path / "people.csv"
    people.write_bytes(csv.encode("utf-8") if isinstance(csv, str) else csv)
    extra = []
    if attendance is not None:
        (tmp_path / "att.json").write_text(attendance, encoding="utf-8")
        extra = ["--attendance", str(tmp_path / "att.json")]
    code = main(["rotate", str(people), *args, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def room_csv(n, sep=",", hosts=0):
    lines = [sep.join(("id", "name", "org", "host"))]
    lines += [sep.join((f"p{i}", f"Person {i}", f"org {i % 4}", str(i + 1) if i < hosts else ""))
              for i in range(n)]
    return "\n".join(lines) + "\n"


def test_rotate_json_contract(tmp_path, capsys):
    code, out, err = rotate(tmp_path, capsys, room_csv(16), "--rounds", "5", "--table-size", "4",
                            "--seed", "3", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == ["rounds"] and len(data["rounds"]) == 5
    pairs = set()
    for played in data["rounds"]:
        assert list(played) == ["tables"] and [len(t) for t in played["tables"]] == [4] * 4
        assert sorted(p for t in played["tables"] for p in t) == sorted(f"p{i}" for i in range(16))
        for table in played["tables"]:
            new = {frozenset((a, b)) for a in table for b in table if a < b}
            assert not new & pairs                     # nobody meets anyone twice in 5 rounds
            pairs |= new
    again = rotate(tmp_path, capsys, room_csv(16), "--rounds", "5", "--table-size", "4",
                   "--seed", "3", "--json")[1]
    assert again == out


def test_rotate_hosts_list_their_host_first(tmp_path, capsys):
    code, out, _ = rotate(tmp_path, capsys, room_csv(20, hosts=4), "--rounds", "3",
                          "--table-size", "5", "--mode", "hosts", "--json")
    assert code == 0
    for played in json.loads(out)["rounds"]:
        assert [t[0] for t in played["tables"]] == ["p0", "p1", "p2", "p3"]


def test_rotate_pairs_and_attendance(tmp_path, capsys):
    code, out, _ = rotate(tmp_path, capsys, room_csv(17), "--rounds", "3", "--table-size", "4",
                          "--mode", "pairs", "--json",
                          attendance='{"join": {"2": ["p16"]}, "leave": {"3": ["p0", "p1"]}}')
    assert code == 0
    seated = [sorted(p for t in r["tables"] for p in t) for r in json.loads(out)["rounds"]]
    everyone = sorted(f"p{i}" for i in range(17))
    assert seated == [sorted(set(everyone) - {"p16"}), everyone,
                      sorted(set(everyone) - {"p0", "p1"})]


def test_rotate_swedish_excel_file_and_odd_names_pass_through(tmp_path, capsys):
    csv = ("\ufeffid;Namn;Kommun\r\nåsa;Åsa Öberg;Örebro\r\n=1+1;=HYPERLINK(\"x\");Nora\r\n"
           "@x;Per;Laxå\r\n+4;Li;Kumla\r\n-5;Bo;Nora\r\nä6;Ann;Örebro\r\n")
    code, out, _ = rotate(tmp_path, capsys, csv.encode("utf-8"), "--rounds", "2",
                          "--table-size", "3", "--json")
    assert code == 0
    ids = {p for r in json.loads(out)["rounds"] for t in r["tables"] for p in t}
    assert ids == {"åsa", "=1+1", "@x", "+4", "-5", "ä6"}
    code, out, _ = rotate(tmp_path, capsys, csv.encode("utf-8"), "--rounds", "1",
                          "--table-size", "3")
    assert code == 0 and "Round 1" in out and "Åsa Öberg" in out


def test_rotate_reads_a_swedish_excel_default_csv(tmp_path, capsys):
    csv = "id;Namn\r\n" + "".join(f"{i};Åsa Öberg {i}\r\n" for i in range(6))
    code, out, _ = rotate(tmp_path, capsys, csv.encode("cp1252"), "--rounds", "1",
                          "--table-size", "3")
    assert code == 0 and "Åsa Öberg 5" in out


@pytest.mark.parametrize("csv, args, message", [
    (b"", [], "no people"),
    (b"id,name,org\n", [], "no people"),
    (b"name,org\nA,x\nB,y\nC,z\n", [], "no 'id' column"),
    (b"id,name\n1,A\n2,B\n1,C\n", [], "line 4: duplicate id '1'"),
    (b"id,name\n" + b"9,x\n" * (10 * 1024 * 1024 // 4), [], "larger than"),
    ("id,name\n1,Göteborg\n".encode("cp850"), [], "not UTF-8, UTF-16 or Windows-1252"),
    (room_csv(9).encode(), ["--mode", "zigzag"], "unknown mode 'zigzag'"),
    (room_csv(9).encode(), ["--rounds", "0"], "--rounds must be 1..100"),
    (room_csv(9).encode(), ["--rounds", "101"], "--rounds must be 1..100"),
    (room_csv(9).encode(), ["--table-size", "1"], "table size must be at least 2"),
    (room_csv(9).encode(), ["--mode", "hosts"], "needs at least one host"),
    (room_csv(9, hosts=1).replace(",1\n", ",7\n", 1).encode(), ["--mode", "hosts"], "1..1"),
    (b"id,name,host\n1,A,x\n", ["--mode", "hosts"], "host 'x' is not a table number"),
])
def test_rotate_bad_people_files_fail_in_one_line(tmp_path, capsys, csv, args, message):
    argv = ["--rounds", "2", "--table-size", "3", "--json", *args]
    if "--rounds" in args:
        argv = argv[2:]
    code, out, err = rotate(tmp_path, capsys, csv, *argv)
    assert code == 2 and out == ""
    assert err.startswith("facilitator: ") and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("attendance, message", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected an object"),
    ('{"arrive": {}}', "expected an object"),
    ('{"join": ["p1"]}', "must map round numbers"),
    ('{"join": {"two": ["p1"]}}', "must be a round number"),
    ('{"join": {"2": "p1"}}', "must be a round number"),
    ('{"join": {"2": ["nobody"]}}', "unknown id 'nobody'"),
    ('{"leave": {"9": ["p1"]}}', "is not 1..3"),
])
def test_rotate_bad_attendance_fails_in_one_line(tmp_path, capsys, attendance, message):
    code, out, err = rotate(tmp_path, capsys, room_csv(12), "--rounds", "3", "--table-size", "4",
                            "--json", attendance=attendance)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1, err


def test_rotate_unreadable_files(tmp_path, capsys):
    assert main(["rotate", str(tmp_path / "missing.csv"), "--rounds", "2"]) == 2
    assert "cannot read" in capsys.readouterr().err
    (tmp_path / "p.csv").write_text(room_csv(6), encoding="utf-8")
    assert main(["rotate", str(tmp_path / "p.csv"), "--rounds", "2",
                 "--attendance", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_rotate_as_a_real_process(tmp_path):
    (tmp_path / "p.csv").write_text(room_csv(8), encoding="utf-8")
    result = run(tmp_path, "rotate", str(tmp_path / "p.csv"), "--rounds", "2", "--table-size",
                 "4", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["rounds"]) == 2


def test_rotate_is_the_same_whatever_the_hash_seed(tmp_path):
    (tmp_path / "p.csv").write_text(room_csv(14, hosts=3), encoding="utf-8")
    (tmp_path / "a.json").write_text('{"join": {"2": ["p5"]}}', encoding="utf-8")
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run([sys.executable, "-m", "facilitator", "rotate",
                                 str(tmp_path / "p.csv"), "--rounds", "3", "--mode", "hosts",
                                 "--attendance", str(tmp_path / "a.json"), "--json"],
                                capture_output=True, text=True, env=env, timeout=60)
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize("args, message", [
    (["--rounds", "many"], "invalid int value"), ([], "--rounds"),
    (["--rounds", "2", "--seed", "x"], "invalid int value"),
])
def test_rotate_bad_arguments_fail_in_one_line(tmp_path, capsys, args, message):
    (tmp_path / "p.csv").write_text(room_csv(6), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["rotate", str(tmp_path / "p.csv"), *args])
    err = capsys.readouterr().err
    assert info.value.code == 2 and message in err and err.count("\n") == 1, err
