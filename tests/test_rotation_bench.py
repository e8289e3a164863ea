"""`facilitator bench rotation` runs (at a tiny size, so it cannot rot) and reports what it promises."""
import json

from facilitator.cli import main


class load:  # noqa: N801 - the tests below call load().main(argv), as before the move
    @staticmethod
    def main(argv):
        return main(["bench", "rotation", *argv])


def test_the_bench_measures_every_mode(capsys):
    assert load().main(["--cases", "9/3/3,20/5/2", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["people"], r["mode"]) for r in rows] == [
        (9, "mix"), (9, "pairs"), (9, "hosts"), (20, "mix"), (20, "pairs"), (20, "hosts")]
    mix = rows[0]
    assert mix["repeats"] == 0 and mix["met_min"] == 6 and mix["repeats_beyond_pairs"] is None
    assert rows[1]["repeats_beyond_pairs"] <= rows[1]["repeats"]
    assert all(r["seconds"] >= 0 for r in rows)


def test_the_bench_prints_a_markdown_table(capsys):
    assert load().main(["--cases", "9/3/2", "--modes", "mix", "--golfer", "", "--cafe", ""]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| people") and lines[2].startswith("| 9 | 3 | 2 | mix | 0 |")


def test_the_bench_reports_golfer_sizes_and_full_world_cafes(capsys):
    assert load().main(["--section", "golfer", "--golfer", "15/3/7,32/4/10", "--json"]) == 0
    golfer = json.loads(capsys.readouterr().out)
    assert [(r["people"], r["rounds"], r["repeats"]) for r in golfer] == [(15, 7, 0), (32, 10, 0)]
    assert load().main(["--section", "cafe", "--cafe", "5/5,4/5", "--json"]) == 0
    cafe = json.loads(capsys.readouterr().out)
    assert [(r["tables"], r["seats"]) for r in cafe] == [(5, 5), (4, 5)]
    assert cafe[0]["repeats"] == 0 and cafe[0]["revisits"] == 0
    assert cafe[1]["repeats"] > 0                    # 4 tables of 5: zero is impossible
    assert load().main(["--cases", "9/3/2", "--modes", "mix", "--golfer", "15/3/7",
                        "--cafe", "5/5"]) == 0
    text = capsys.readouterr().out
    assert "| 15 | 3 | 7 | 0 | 30 |" in text and "| 5 | 5 | 5 | 0 | 0 |" in text
    assert "1 of 1 golfer sizes with no repeat" in text
