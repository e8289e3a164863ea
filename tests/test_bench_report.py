"""bench/report.py runs end to end at a tiny size (the real figures are in docs/report.md)."""
import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "report.py"


def test_bench_at_a_tiny_size(capsys):
    spec = importlib.util.spec_from_file_location("bench_report", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--sizes", "20", "--repeat", "1", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["notes"] == 20 and row["docx_kb"] > 0 and {"md_s", "json_s"} <= set(row)
