"""bench/themes.py runs end to end at a tiny size (the real figures are in docs/themes.md)."""
import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "themes.py"


def test_bench_at_a_tiny_size(capsys):
    spec = importlib.util.spec_from_file_location("bench_themes", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--sizes", "12", "--no-cli", "--no-steps", "--sets",
                       "en_heldout", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["speed"][0]["notes"] == 12 and report["speed"][0]["themes_lexical_s"] < 5
    assert report["ari"]["lexical only"]["en_heldout"] > 0.4
    assert len(bench.sample(50)) == 50 and bench.sample(50) == bench.sample(50)
