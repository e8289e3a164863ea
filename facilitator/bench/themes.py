"""Themes: speed and quality figures for docs/themes.md.

    .venv/bin/facilitator bench themes               # 100/500/2000 notes, ARI, the method's steps
    .venv/bin/facilitator bench themes --sizes 20 --no-cli --no-steps --json

The labelled sets are the test data (tests/data/themes_*.tsv): run it from a checkout, or
point --data at a copy of that folder.
    .venv/bin/facilitator bench themes --sizes 2000 --no-cli --app --sets ''   # in the app

ARI per labelled set: automatic (lexical, with e5), with the thesaurus switched off,
and "sort the rest" with two hand-placed notes per true theme (mean of 5 draws); with
--checked also after the facilitator has checked 10, 20 and 30 of the notes marked "kolla"
(bench/checking.py). The "e5"
rows use whatever gives the notes vectors here: the model with the `themes` extra, else the
word table a plain install ships; FACILITATOR_EMBEDDING=words measures the table where the
model is installed:
    FACILITATOR_EMBEDDING=words .venv/bin/facilitator bench themes --no-steps --sizes '' --no-cli --sets r6

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

from . import checking, labelled_sets
from ..domain.clustering import embedding
from ..domain.clustering.cluster import find_themes
from ..domain.clustering.scores import adjusted_rand_index, label_hits, theme_of_each
from ..domain.clustering.sort import sort_rest
# The labelled sets, also as this module's names (scripts/build_word_map.py, the tests).
from .labelled_sets import (DRAWS, GROUPS, ROOT, SETS, label_words, labelled, locale_of,
                            seeds_of, whiteboard_names)

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
    ("e5 + stems + char 4-grams, no thesaurus", {"thesaurus": False}),
    ("e5, no centring", {"center": False}),
    ("e5, one mean for both languages", {"per_language": False}),
    ("all, no shared-neighbour graph", {"share": 0}),
    ("all, copies not stacked", {"stack": False}),
    ("all, compounds not split", {"part_grams": False}),
    ("all (default)", {}),
]


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


def timed_cpu(row: dict, key: str, func):
    """Wall seconds in row[key] and this process's CPU seconds in row[key + "_cpu"]: on a
    shared machine the wall time grows with the load, the CPU time much less."""
    cpu = time.process_time()
    result, row[key] = timed(func)
    row[key + "_cpu"] = round(time.process_time() - cpu, 3)
    return result


def speed(sizes, cli: bool) -> list[dict]:
    rows = []
    model = embedding.available()
    for n in sizes:
        notes = sample(n)
        row = {"notes": n}
        if model:
            vectors, row["embed_batch_s"] = timed(lambda: embedding.pairs(notes))
            timed_cpu(row, "themes_stored_vectors_first_s", lambda: find_themes(notes, vectors=vectors))
            timed_cpu(row, "themes_stored_vectors_s", lambda: find_themes(notes, vectors=vectors))
            placed = [("A", (0, 1)), ("B", (2,)), ("C", (3, 4))]
            timed_cpu(row, "sort_rest_stored_vectors_s",
                      lambda: sort_rest(notes, placed, vectors=vectors))
        timed_cpu(row, "themes_lexical_s", lambda: find_themes(notes, params=LEXICAL))
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


def ari_auto(name: str, vectors, params: dict) -> float:
    labels, notes = labelled(name)
    themes = find_themes(notes, vectors=vectors, params=params, locale=locale_of(name))
    FOUND[(name, vectors is None, tuple(sorted(params.items())))] = themes
    return round(adjusted_rand_index(labels, theme_of_each(themes, len(notes))), 3)


def ari_shuffled(name: str, vectors, params: dict, orders: int = 3) -> float:
    """The automatic ARI over ``orders`` shuffled orders of the notes (seeds 1..orders): the
    method has order-dependent steps (k-means++ picks, tie breaks), and a set's file order
    is one draw that the tuning may have favoured without anyone meaning to."""
    labels, notes = labelled(name)
    scores = []
    for seed in range(1, orders + 1):
        order = list(range(len(notes)))
        random.Random(seed).shuffle(order)
        themes = find_themes([notes[i] for i in order],
                             vectors=None if vectors is None else [vectors[i] for i in order],
                             params=params, locale=locale_of(name))
        found = theme_of_each(themes, len(notes))
        scores.append(adjusted_rand_index([labels[i] for i in order], found))
    return round(sum(scores) / len(scores), 3)


FOUND: dict = {}        # (set, lexical, params) -> the automatic themes ari_auto found
LABELLED = ("lexical only", "all (default)")     # the configurations whose labels are scored


def label_table(name: str, lexical: bool, params: dict) -> dict:
    """The automatic themes' labels of one set, each with the true theme most of its notes
    have and whether the label names it (scores.label_hits)."""
    themes = FOUND.get((name, lexical, tuple(sorted(params.items()))))
    words = label_words(name)
    if themes is None or not words:
        return {}
    rows = label_hits(themes, labelled(name)[0], words)
    return {"hits": sum(hit for *_, hit in rows), "themes": len(rows),
            "labels": [list(row) for row in rows]}


def ari_seeded(name: str, vectors, params: dict, other: bool = False,
               whiteboard: bool = False) -> float:
    labels, notes = labelled(name)
    names = whiteboard_names(name) if whiteboard else None
    scores = []
    for draw in range(DRAWS):
        result = sort_rest(notes, seeds_of(labels, 2, draw, other, names), vectors=vectors,
                           params=params, locale=locale_of(name))
        scores.append(adjusted_rand_index(labels, theme_of_each(result.themes, len(notes))))
    return round(sum(scores) / len(scores), 3)


LEXICAL = {"w_embed": 0, "seed_w_embed": 0}
CONFIGS = [   # (title, lexical?, params, how)
    ("lexical only", True, {}, ari_auto),
    ("all (default)", False, {}, ari_auto),
    ("lexical, no thesaurus", True, {"thesaurus": False}, ari_auto),
    ("e5, no thesaurus", False, {"thesaurus": False}, ari_auto),
    ("sort the rest, 2 per theme, lexical", True, {}, ari_seeded),
    ("sort the rest, lexical, no thesaurus", True, {"thesaurus": False}, ari_seeded),
    ("sort the rest, 2 per theme, e5", False, {}, ari_seeded),
    ("sort the rest, e5, no thesaurus", False, {"thesaurus": False}, ari_seeded),
    ("sort the rest, e5, + 2 in Övrigt", False, {},
     lambda name, vectors, params: ari_seeded(name, vectors, params, other=True)),
    # Named as on the whiteboard (the set's first #words word) instead of by the set's key.
    ("sort the rest, e5, whiteboard names", False, {},
     lambda name, vectors, params: ari_seeded(name, vectors, params, whiteboard=True)),
]
SHUFFLED = [   # with --shuffled: the automatic rows again, the notes in 3 shuffled orders
    ("lexical only, 3 shuffled orders", True, {}, ari_shuffled),
    ("all (default), 3 shuffled orders", False, {}, ari_shuffled),
]


def quality(steps: bool, sets=SETS, shuffled: bool = False, checked: bool = False) -> dict:
    if not sets:
        return {}, {}
    vectors = ({name: embedding.pairs(labelled(name)[1]) for name in sets}
               if embedding.available() else {})
    configs = ([(t, p.get("w_embed", 1) == 0, p, ari_auto) for t, p in STEPS] if steps
               else CONFIGS) + (SHUFFLED if shuffled else []) + (
                   checking.CHECKED if checked else [])
    table, names = {}, {}
    for title, lexical, params, how in configs:
        if not lexical and not vectors:
            continue
        params = {**params, **(LEXICAL if lexical else {})}
        table[title] = {name: how(name, None if lexical else vectors[name], params)
                        for name in sets}
        if title in LABELLED and how is ari_auto:
            names[title] = {name: label_table(name, lexical, params) for name in sets}
    return table, names


def app_speed(n: int) -> dict:
    """"Find themes" and "Sortera resten" through the use cases on a real SQLite file,
    every note's vector stored (as the background loop leaves them)."""
    import uuid
    from array import array
    from datetime import datetime, timezone

    from .. import create_app, store
    from ..db import connect
    from ..models import EventDraft
    from ..usecases import events, note_vectors, notes as note_cases, themes

    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "DB_PATH": f"{tmp}/bench.sqlite3",
                          "INSTANCE_PATH": f"{tmp}/instance", "SECRET_KEY": "bench"})
        with app.app_context():
            db = connect(app.config["DB_PATH"])
            event = events.create_event(db, EventDraft(name="Bench", language="sv"),
                                        random.Random(1), now)
            texts = sample(n)
            for text in texts:
                note_cases.submit_note(db, event.id, {"id": str(uuid.uuid4()), "text": text}, now)
            row = {"notes": n}
            if embedding.available():
                stored = store.list_notes(db, event.id, visible_only=True)
                vectors = embedding.pairs([note.text for note in stored])
                with db.atomic():
                    store.save_vectors(db, event.id, note_vectors.model_name(),
                                       {note.id: array("f", v).tobytes()
                                        for note, v in zip(stored, vectors)})
            themes.find(db, event, None, now)        # a server has read its words before
            timed_cpu(row, "app_find_s", lambda: themes.find(db, event, None, now))
            first = themes.board(db, event.id, None)["themes"][0]
            themes.create(db, event, None, [first["notes"][0]["id"]], "Mitt tema", now)
            timed_cpu(row, "app_sort_rest_s", lambda: themes.sort_rest(db, event, None, now))
            _, row["app_board_s"] = timed(lambda: themes.board(db, event.id, None))
            row["model"] = embedding.available()
            db.close()
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="facilitator bench themes",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=labelled_sets.DATA,
                        help="folder of themes_*.tsv")
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--no-cli", action="store_true", help="skip the cold CLI runs")
    parser.add_argument("--no-steps", action="store_true", help="ARI of lexical and default only")
    parser.add_argument("--sets", default=",".join(SETS),
                        help="labelled sets for the ARI, or a group: field, unseen, new, r3, r4, r5, "
                             "r6, r7, r8, r9 (r9: the newest held-out sets; r8, r7, r6, r5, r4, r3, "
                             "new: earlier rounds' held-out sets, now tuning sets)")
    parser.add_argument("--app", action="store_true",
                        help="also time find / sort the rest through the use cases (SQLite)")
    parser.add_argument("--show-labels", action="store_true",
                        help="print every automatic theme's label with its true theme")
    parser.add_argument("--shuffled", action="store_true",
                        help="also the automatic ARI over 3 shuffled orders of each set's notes")
    parser.add_argument("--checked", action="store_true",
                        help="also \"sort the rest\" after 10, 20, 30 marked notes checked by "
                             "hand (moved when wrong, kept when right)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    labelled_sets.DATA = args.data
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    sets = [name for s in args.sets.split(",") if s for name in GROUPS.get(s, (s,))]
    report = {"model": embedding.available(), "vectors": embedding.backend(),
              "cpus": os.cpu_count(),
              "embed_one_ms": one_at_a_time(), "speed": speed(sizes, not args.no_cli),
              "load": [round(x, 1) for x in os.getloadavg()],
              "ari": {}, "labels": {}}
    report["ari"], report["labels"] = quality(not args.no_steps, sets, args.shuffled,
                                              args.checked)
    if args.app:
        report["app"] = [app_speed(n) for n in sizes]
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"model available: {report['model']} (vectors: {report['vectors']}; "
          "FACILITATOR_EMBEDDING=words for the word table, off for the words alone)   "
          f"cpus: {report['cpus']}   "
          f"load: {report['load']}   embed_one: {report['embed_one_ms']} ms/note")
    for row in report["speed"]:
        print("  ".join(f"{k}={v}" for k, v in row.items()))
    for row in report.get("app", []):
        print("app: " + "  ".join(f"{k}={v}" for k, v in row.items()))
    print(f"{'ARI':40}" + "".join(f"{name[-10:]:>11}" for name in sets) + "       mean")
    for title, scores in report["ari"].items():
        mean = sum(scores.values()) / max(1, len(scores))
        print(f"{title:40}" + "".join(f"{scores[name]:>11}" for name in sets) + f"{mean:>11.3f}")
    print_labels(report["labels"], sets, args.show_labels)
    return 0


def print_labels(labels: dict, sets: list[str], show: bool) -> None:
    """Per configuration: the share of automatic themes whose label names their true theme,
    per set and over all themes (and with --show-labels every label, + for a hit)."""
    for title, per_set in labels.items():
        scored = [name for name in sets if per_set.get(name)]
        hits = sum(per_set[name]["hits"] for name in scored)
        total = sum(per_set[name]["themes"] for name in scored)
        print(f"{'labels, ' + title:40}" + "".join(
            f"{per_set[name]['hits']:>6}/{per_set[name]['themes']:<4}" if per_set.get(name)
            else f"{'-':>11}" for name in sets) + f"{hits:>6}/{total} = {hits / max(1, total):.0%}")
        for name in scored if show else ():
            print(f"  {name}: " + ", ".join(f"{'+' if hit else '-'}{label} [{truth}]"
                                             for label, truth, hit in per_set[name]["labels"]))


if __name__ == "__main__":
    sys.exit(main())
