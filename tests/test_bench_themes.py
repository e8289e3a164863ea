"""`facilitator bench themes` runs end to end at a tiny size (the real figures are in docs/themes.md)."""
import json

from facilitator.bench import themes as bench
from facilitator.cli import main


def test_bench_at_a_tiny_size(capsys):
    assert main(["bench", "themes", "--sizes", "12", "--no-cli", "--no-steps", "--sets",
                 "en_heldout", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["speed"][0]["notes"] == 12 and report["speed"][0]["themes_lexical_s"] < 5
    assert report["ari"]["lexical only"]["en_heldout"] > 0.4
    assert len(bench.sample(50)) == 50 and bench.sample(50) == bench.sample(50)
