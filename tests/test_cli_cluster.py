"""`facilitator cluster NOTES.txt --json`: the contract, judged from outside as a real subprocess."""
import json
import os
import subprocess
import sys

import pytest

NOTES = """Mer samverkan mellan skola och socialtjänst
Samarbetet med kommunerna måste bli bättre

Vi måste jobba ihop över förvaltningsgränserna
Elevhälsan behöver fler kuratorer
EHT måste komma in tidigare
Elevhälsoteamet borde jobba förebyggande
Fritids har för stora barngrupper
Fritidshemmet glöms bort
fritids behöver mer personal
bra fika!
"""


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "facilitator", "cluster", *map(str, args)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def check(result, n):
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"themes"}
    ids = sorted(i for t in data["themes"] for i in t["notes"])
    assert ids == list(range(n))
    assert sum(t["other"] for t in data["themes"]) <= 1
    for t in data["themes"]:
        assert set(t) == {"label", "notes", "other"} and isinstance(t["label"], str)
    return data["themes"]


@pytest.mark.parametrize("model", ["on", "off"])
def test_json_contract_ids_count_non_empty_lines(tmp_path, model):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    themes = check(run(path, "--json", env={"FACILITATOR_EMBEDDING": model}), 10)
    groups = {tuple(t["notes"]): t for t in themes}
    assert (0, 1, 2) in groups and (3, 4, 5) in groups and (6, 7, 8) in groups
    assert groups[(9,)] == {"label": "Övrigt", "notes": [9], "other": True}


def test_english_lang_and_about_n_themes(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("\n".join(["Work together across agencies", "More cooperation with police",
                               "collaboration between schools", "Parents must be involved",
                               "Interpreters at parent meetings", "Invite parents more often",
                               "great coffee!"]), encoding="utf-8")
    themes = check(run(path, "--lang", "en", "--json"), 7)
    assert themes[-1]["label"] == "Other"
    assert len([t for t in themes if not t["other"]]) == 2
    themes = check(run(path, "--themes", "1", "--json"), 7)
    assert len([t for t in themes if not t["other"]]) == 1


def test_human_output(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    result = run(path)
    assert result.returncode == 0 and "Övrigt (1)" in result.stdout


@pytest.mark.parametrize("content, message", [
    (None, "cannot read"),
    (b"", "no notes"),
    (b"\n  \n\t\n", "no notes"),
    (b"\xff\xfe\x00bad", "not UTF-8"),
    (b"a\n" * 20_001, "more than 20000 lines"),
    (b"x" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "notes.txt"
    if content is not None:
        path.write_bytes(content)
    result = run(path, "--json")
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("facilitator: ") and message in lines[0]


def test_a_directory_and_bad_n(tmp_path):
    result = run(tmp_path, "--json")
    assert result.returncode != 0 and result.stderr.startswith("facilitator: ")
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    result = run(path, "--themes", "0", "--json")
    assert result.returncode != 0 and result.stderr.startswith("facilitator: ")


def test_hostile_lines(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("\ufeff<script>alert(1)</script>\n🎉🎉\n" + "x" * 10_000 + "\noch det är\n",
                    encoding="utf-8")
    check(run(path, "--json"), 4)
