"""Rotation quality and speed for a range of rooms: `facilitator bench rotation [--json]`.

For each room (people/table size/rounds) and mode: repeat encounters (in pairs mode also
those left when the pairs that moved together are not counted), same-organisation pairs at
a table (summed over rounds), the fewest distinct people anyone met, and the seconds
plan_rounds took on this machine. Organisations are of about five people;
hosts mode has one host per table.
"""
from __future__ import annotations

import argparse
import json
import time

from ..domain.rotation import MODES, Person, encounter_stats, plan_rounds, same_org_pairs

CASES = ("16/4/5", "32/4/10", "40/5/3", "100/5/5", "400/5/10", "1000/5/10")


def measure(people: int, size: int, rounds: int, mode: str, seed: int = 0) -> dict:
    tables = max(1, people // size)
    room = [Person(f"p{i}", f"org {i % max(1, people // 5)}",
                   host=i + 1 if mode == "hosts" and i < tables else None)
            for i in range(people)]
    started = time.perf_counter()
    plan = plan_rounds(room, rounds, mode=mode, table_size=size, seed=seed)
    seconds = time.perf_counter() - started
    stats = encounter_stats(plan, room)
    together = sum(len(_pairs(before) & _pairs(after)) for before, after in zip(plan, plan[1:]))
    return {"people": people, "table_size": size, "rounds": rounds, "mode": mode,
            "repeats": stats["repeat_encounters"],
            "repeats_beyond_pairs": stats["repeat_encounters"] - together if mode == "pairs"
            else None,
            "same_org_pairs": same_org_pairs(plan, room),
            "met_min": stats["met_min"], "seconds": round(seconds, 3)}


def _pairs(played) -> set:
    return {frozenset((a, b)) for table in played for a in table for b in table if a != b}


def run(cases=CASES, modes=MODES, seed: int = 0) -> list[dict]:
    results = []
    for case in cases:
        people, size, rounds = (int(part) for part in case.split("/"))
        results.extend(measure(people, size, rounds, mode, seed) for mode in modes)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="facilitator bench rotation",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES), help="PEOPLE/SIZE/ROUNDS,...")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    args = parser.parse_args(argv)
    results = run(args.cases.split(","), args.modes.split(","), args.seed)
    if args.json:
        print(json.dumps(results))
        return 0
    print("| people | table | rounds | mode | repeats | beyond pairs | same-org pairs | met_min "
          "| seconds |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        beyond = "" if r["repeats_beyond_pairs"] is None else r["repeats_beyond_pairs"]
        print(f"| {r['people']} | {r['table_size']} | {r['rounds']} | {r['mode']} | {r['repeats']} "
              f"| {beyond} | {r['same_org_pairs']} | {r['met_min']} | {r['seconds']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
