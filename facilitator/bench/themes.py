"""Themes: speed and quality figures for docs/themes.md.

    .venv/bin/facilitator bench themes               # 100/500/2000 notes, ARI, the method's steps
    .venv/bin/facilitator bench themes --sizes 20 --no-cli --no-steps --json

The labelled sets are the test data (tests/data/themes_*.tsv): run it from a checkout, or
point --data at a copy of that folder.

Larger inputs are the labelled notes sampled with small perturbations (a typo,
an opening phrase), so they read like real notes and repeat as real ones do.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..domain.clustering import embedding
from ..domain.clustering.cluster import find_themes
from ..domain.clustering.scores import adjusted_rand_index, read_labelled, theme_of_each

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
SETS = ("sv_dev", "en_dev", "sv_heldout", "en_heldout")
OPENINGS = ("", "", "", "Jag tycker: ", "Viktigt! ", "Vi behöver ", "Tänk på ", "I think ")
# The method step by step (parameters of find_themes); each line adds to the one above.
STEPS = [
    ("stems only (Snowball, TF-IDF)",
     {"w_embed": 0, "w_chars": 0, "w_group": 0, "refine": 0, "part_grams": False}),
    ("+ char 4-grams", {"w_embed": 0, "w_group": 0, "refine": 0, "part_grams": False}),
    ("+ thesaurus groups", {"w_embed": 0, "refine": 0, "part_grams": False}),
    ("+ one refinement pass", {"w_embed": 0, "part_grams": False}),
    ("+ compound parts' 4-grams (= lexical fallback)", {"w_embed": 0}),
    ("e5 vectors only", {"w_terms": 0, "w_chars": 0, "refine": 0}),
    ("e5 + stems + char 4-grams, no thesaurus", {"w_group": 0, "part_grams": False}),
    ("e5, no centring", {"center": False}),
    ("all, compounds not split", {"part_grams": False}),
    ("all (default)", {}),
    ("default + compound parts as stems (w_part 2)", {"w_part": 2}),
]


def labelled(name: str):
    path = DATA / f"themes_{name}.tsv"
    if not path.is_file():
        raise SystemExit(f"facilitator bench themes: no labelled set {path} (run it from a "
                         "checkout, or give --data DIR with the themes_*.tsv files)")
    return read_labelled(path.read_text(encoding="utf-8"))


def sample(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = [note for name in SETS for note in labelled(name)[1]]
    notes = []
    for _ in range(n):
        note = rng.choice(pool)
        if rng.random() < 0.3 and len(note) > 6:          # a typo: two letters swapped
            k = rng.randrange(1, len(note) - 2)
            note = note[:k] + note[k + 1] + note[k] + note[k + 2:]
        notes.append(rng.choice(OPENINGS) + note)
    return notes


def timed(func):
    start = time.perf_counter()
    result = func()
    return result, round(time.perf_counter() - start, 3)


def speed(sizes, cli: bool) -> list[dict]:
    rows = []
    model = embedding.available()
    for n in sizes:
        notes = sample(n)
        row = {"notes": n}
        if model:
            vectors, row["embed_batch_s"] = timed(lambda: embedding.embed(notes))
            _, row["themes_stored_vectors_s"] = timed(lambda: find_themes(notes, vectors=vectors))
        _, row["themes_lexical_s"] = timed(
            lambda: find_themes(notes, params={"w_embed": 0}))
        if cli:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "notes.txt"
                path.write_text("\n".join(notes), encoding="utf-8")
                command = [sys.executable, "-m", "facilitator", "cluster", str(path), "--json"]
                result, row["cli_cold_s"] = timed(lambda: subprocess.run(
                    command, capture_output=True, cwd=ROOT, timeout=1800))
                if result.returncode != 0:
                    row["cli_error"] = result.stderr.decode()[-200:]
        rows.append(row)
    return rows


def one_at_a_time(count: int = 30) -> float | None:
    if not embedding.available():
        return None
    notes = [f"{note} ({k})" for k, note in enumerate(sample(count, seed=11))]
    _, seconds = timed(lambda: [embedding.embed_one(note) for note in notes])
    return round(seconds / count * 1000, 1)


def quality(steps: bool, sets=SETS) -> dict:
    vectors = ({name: embedding.embed(labelled(name)[1]) for name in sets}
               if embedding.available() else {})
    configs = STEPS if steps else [("lexical only", {"w_embed": 0}), ("all (default)", {})]
    table = {}
    for title, params in configs:
        uses_model = params.get("w_embed", 1) != 0
        if uses_model and not vectors:
            continue
        scores = {}
        for name in sets:
            labels, notes = labelled(name)
            themes = find_themes(notes, vectors=vectors.get(name) if uses_model else None,
                                 params=params, locale=name[:2])
            scores[name] = round(adjusted_rand_index(labels, theme_of_each(themes, len(notes))), 3)
        table[title] = scores
    return table


def main(argv=None) -> int:
    global DATA
    parser = argparse.ArgumentParser(prog="facilitator bench themes",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of themes_*.tsv")
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--no-cli", action="store_true", help="skip the cold CLI runs")
    parser.add_argument("--no-steps", action="store_true", help="ARI of lexical and default only")
    parser.add_argument("--sets", default=",".join(SETS),
                        help="labelled sets for the ARI (the check sets: sv_fresh, sv_fresh2)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    DATA = args.data
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    report = {"model": embedding.available(), "cpus": os.cpu_count(),
              "embed_one_ms": one_at_a_time(), "speed": speed(sizes, not args.no_cli),
              "ari": quality(not args.no_steps, args.sets.split(","))}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"model available: {report['model']}   cpus: {report['cpus']}   "
          f"embed_one: {report['embed_one_ms']} ms/note")
    for row in report["speed"]:
        print("  ".join(f"{k}={v}" for k, v in row.items()))
    sets = args.sets.split(",")
    print(f"{'ARI':48}" + "".join(f"{name:>12}" for name in sets))
    for title, scores in report["ari"].items():
        print(f"{title:48}" + "".join(f"{scores[name]:>12}" for name in sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
