"""`facilitator bench report` runs end to end at a tiny size (the real figures are in
docs/report.md)."""
import json
import subprocess
import sys

from facilitator.bench import report


def test_bench_at_a_tiny_size(capsys):
    assert report.main(["--sizes", "20", "--repeat", "1", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["notes"] == 20 and row["docx_kb"] > 0 and {"md_s", "json_s"} <= set(row)


def test_the_cli_prints_a_table_of_figures():
    done = subprocess.run([sys.executable, "-m", "facilitator", "bench", "report", "--sizes", "12",
                           "--repeat", "1"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    header, row = done.stdout.splitlines()[1:3]
    assert header.split()[:3] == ["notes", "setup_s", "docx_s"] and row.split()[0] == "12"


def test_a_size_out_of_range_is_refused_plainly():
    done = subprocess.run([sys.executable, "-m", "facilitator", "bench", "report", "--sizes", "0"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "between 1 and 20000" in done.stderr
