"""Issue 24, item 9: hostile input at the edges, each attack written before its fix.

A lone surrogate gave server_error (and the phone resent it forever), a CSV with a 1 MB
quoted field gave 500, a frame nested 3,000 deep gave RecursionError and no ack, a note of
zero-width characters was taken, ESC and BEL reached the terminal through `export`, and a
note could add headings and rules to the Markdown report.
"""
import re
import sqlite3
import subprocess
import sys
import uuid

import pytest

from facilitator.usecases import evaluation, notes

from .conftest import NOW, note_payload


def note_rows(app):
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        return raw.execute("SELECT text FROM notes").fetchall()


@pytest.mark.parametrize("text", ["\ud800", "hej \udfff då", "a\ud83d"])
def test_a_lone_surrogate_is_a_clear_error_not_a_server_error(app, demo, sockets, text):
    phone = sockets(demo.id)
    answer = phone.emit("note_submit", note_payload(text), callback=True)
    assert answer == {"ok": False, "error": "bad_text", "message": answer["message"]}
    assert note_rows(app) == []


@pytest.mark.parametrize("text", ["\u200b", "\u200b\u200c\u200d\u2060\ufeff", " \u200b \n\t",
                                  "\u00ad\u034f", "\u3164\u2800", "\u202e\u202c"])
def test_a_note_of_only_invisible_characters_is_refused(app, demo, sockets, text):
    answer = sockets(demo.id).emit("note_submit", note_payload(text), callback=True)
    assert answer["ok"] is False and answer["error"] == "empty"
    assert note_rows(app) == []


@pytest.mark.parametrize("text", ["\x1b[2J\x1b]0;owned\x07", "ring\x07", "a\x9b31mb", "x\x08y"])
def test_a_note_with_terminal_control_characters_is_refused(app, demo, sockets, text):
    answer = sockets(demo.id).emit("note_submit", note_payload(text), callback=True)
    assert answer["ok"] is False and answer["error"] == "bad_text"


@pytest.mark.parametrize("text", ["Rad ett\nrad två\r\nrad tre\tmed tabb", "emoji 👩‍👩‍👧 ✔️",
                                  "עברית \u202binbäddad\u202c", "å\u0301"])
def test_real_notes_with_line_breaks_emoji_and_scripts_are_kept_exactly(app, demo, sockets, text):
    answer = sockets(demo.id).emit("note_submit", note_payload(text), callback=True)
    assert answer["ok"] is True
    assert note_rows(app) == [(text,)]


def test_the_plain_form_refuses_the_same(app, demo, anonymous):
    for text in ("\u200b\u200b", "\x1b[31mröd"):
        response = anonymous.post(f"/j/{demo.join_code}/notes",
                                  data={"id": str(uuid.uuid4()), "text": text})
        assert response.status_code == 400
    assert note_rows(app) == []


def test_an_evaluation_comment_with_a_lone_surrogate_is_a_clear_error(db, demo, sockets):
    item = evaluation.set_flags(db, demo.id, evaluation.add_item(
        db, demo.id, {"kind": "comment", "prompt": "Något mer?"}), is_open=True)
    answer = sockets(demo.id).emit("eval_answer", {"item_id": item.id, "key": str(uuid.uuid4()),
                                                   "comment": "\ud800"}, callback=True)
    assert answer["ok"] is False and answer["error"] == "bad_comment"


def test_the_phone_drops_a_refused_note_instead_of_resending_it():
    """Only the waiting errors are retried; bad_text and the rest give the text back."""
    from pathlib import Path
    script = (Path(__file__).parent.parent / "static" / "js" / "participant.js").read_text()
    retried = re.search(r'res\.error === "rate_limited"[^{]*\{', script).group(0)
    assert "bad_text" not in retried and "unstorable" not in retried


def deep_frame(event: str, depth: int, ack_id: int = 7) -> str:
    """A Socket.IO EVENT packet (type 2) with an ack id, as it arrives inside Engine.IO's "4"."""
    return f'2{ack_id}["{event}",' + "[" * depth + "]" * depth + "]"


@pytest.mark.parametrize("event", ["note_submit", "eval_answer", "time_sync", "box_set"])
def test_a_frame_nested_3000_deep_gets_a_clear_error_in_its_ack(app, demo, sockets, event, caplog):
    phone = sockets(demo.id)
    server = app.extensions["socketio"].server
    server._handle_eio_message(phone.eio_sid, deep_frame(event, 3000))
    ack = phone.acks["args"][0]
    assert ack["ok"] is False and ack["error"] == "too_deep"
    assert "RecursionError" not in caplog.text
    assert phone.emit("time_sync", callback=True)["ok"] is True        # the socket lives on


def test_a_deep_frame_for_no_known_event_is_answered_too(app, demo, sockets):
    phone = sockets(demo.id)
    app.extensions["socketio"].server._handle_eio_message(phone.eio_sid,
                                                         "23[" + "[" * 3000 + "]" * 3000 + "]")
    assert phone.acks["args"][0]["error"] == "too_deep"


def test_a_moderately_nested_frame_is_an_ordinary_bad_payload(app, demo, sockets):
    phone = sockets(demo.id)
    app.extensions["socketio"].server._handle_eio_message(phone.eio_sid,
                                                         deep_frame("note_submit", 500))
    assert phone.acks["args"][0]["error"] == "bad_payload"


def big_quoted_field_csv() -> bytes:
    return ('namn,organisation\n"' + "x" * (1024 * 1024) + '",Örebro\n').encode()


def test_a_csv_with_a_1mb_quoted_field_is_a_clear_message(client, demo):
    import io
    response = client.post(f"/f/events/{demo.id}/rotation/import",
                           data={"file": (io.BytesIO(big_quoted_field_csv()), "people.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "för lång" in response.get_data(as_text=True)


def test_the_rotate_command_says_the_same_for_a_huge_field(tmp_path):
    people = tmp_path / "people.csv"
    people.write_bytes(('id,name\n1,"' + "x" * (1024 * 1024) + '"\n').encode())
    result = subprocess.run([sys.executable, "-m", "facilitator", "rotate", str(people),
                             "--rounds", "2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "too long" in result.stderr or "far too long" in result.stderr


def test_export_to_a_terminal_never_passes_escape_or_bell(tmp_path, app, db, demo):
    """Notes stored before control characters were refused still reach `export`."""
    with sqlite3.connect(app.config["DB_PATH"]) as raw:
        for text in ("\x1b]0;owned\x07\x1b[2J", "c1 \x9b31m", "vanlig\nlapp"):
            raw.execute("INSERT INTO notes (id, event_id, text, created_at) VALUES (?, ?, ?, ?)",
                        [str(uuid.uuid4()), demo.id, text, "2026-11-23T09:00:00.000+00:00"])
    for fmt in ("csv", "json"):
        out = subprocess.run([sys.executable, "-m", "facilitator", "export", demo.id,
                              "--format", fmt, "--db", app.config["DB_PATH"]],
                             capture_output=True, timeout=60,
                             env={**__import__("os").environ,
                                  "FACILITATOR_INSTANCE_PATH": app.instance_path})
        assert out.returncode == 0, out.stderr
        assert b"\x1b" not in out.stdout and b"\x07" not in out.stdout
        assert "\x9b" not in out.stdout.decode("utf-8")
        assert "owned" in out.stdout.decode("utf-8")                  # shown, not dropped
    written = tmp_path / "notes.csv"
    subprocess.run([sys.executable, "-m", "facilitator", "export", demo.id, "-o", str(written),
                    "--db", app.config["DB_PATH"]], check=True, timeout=60,
                   env={**__import__("os").environ, "FACILITATOR_INSTANCE_PATH": app.instance_path})
    assert "\x1b]0;owned" in written.read_text(encoding="utf-8-sig")   # a file keeps the data


HOSTILE_NOTES = ["Första raden\n# Falsk rubrik\n---\n## Till", "rad\r# Rubrik via CR\r---",
                 "===\nSetext", "- lista\n+ plus\n1. numrerad", "> citat\n```\nkod", "~~~"]


def test_a_note_cannot_add_headings_or_rules_to_the_markdown_report(app, db, demo, client):
    """The report keeps each note on one line of its own list item, every Markdown character
    escaped: whatever a note holds, no line of the report becomes a heading, rule or fence."""
    for text in HOSTILE_NOTES:
        notes.submit_note(db, demo.id, note_payload(text), NOW, prepared_by="")
    body = client.get(f"/f/events/{demo.id}/report.md").get_data(as_text=True)
    words = ("Falsk", "Rubrik via", "Setext", "numrerad", "citat", "kod")
    for line in re.split(r"\r\n|\r|\n", body):
        if not any(w in line for w in words):
            continue
        inner = re.sub(r"^(?:> ?)*(?:[-*] |\| )?(?:\*\*)?", "", line)  # our own item or cell
        assert not re.match(r"^\s{0,3}(#{1,6}(\s|$)|[-*_=]{3,}\s*$|[-+*]\s|\d+[.)]\s|>|```|~~~)",
                            inner), line
        assert not re.match(r"^\s{0,3}#{1,6}\s", line), line
    assert "Falsk rubrik" in body and "Rubrik via CR" in body


def test_markdown_shows_the_note_text_unchanged_when_rendered():
    from facilitator.domain.report.markdown import _line
    shown = _line("# inte rubrik\n---")
    assert not shown.startswith("#")
    assert re.sub(r"\\(.)", r"\1", shown) == "# inte rubrik ---"
