"""Rotation quality and speed for a range of rooms: `facilitator bench rotation [--json]`.

For each room (people/table size/rounds) and mode: repeat encounters (in pairs mode also
those left when the pairs that moved together are not counted), same-organisation pairs at
a table (summed over rounds), the fewest distinct people anyone met, and the seconds
plan_rounds took on this machine. Organisations are of about five people;
hosts mode has one host per table. Then the social golfer sizes up to 40 people (repeats
and same-organisation pairs at the most rounds known repeat-free) and World Café rooms with every table full for as
many rounds as tables (repeats, and movers back at a table they sat at).
"""
from __future__ import annotations

import argparse
import json
import time

from ..domain.rotation import MODES, Person, encounter_stats, plan_rounds, same_org_pairs

CASES = ("16/4/5", "32/4/10", "40/5/3", "100/5/5", "400/5/10", "1000/5/10")
# Social golfer sizes up to 40 people (people/table/rounds) at the most rounds for which a
# repeat-free schedule is known (docs/rotation.md says where from), and 48 at tables of 4
# (no field of order 12); 0 repeats is the goal.
GOLFER = ("9/3/4", "12/3/4", "15/3/7", "18/3/8", "21/3/10", "24/3/11", "27/3/13", "30/3/14",
          "33/3/16", "36/3/17", "39/3/19", "16/4/5", "20/4/5", "24/4/7", "28/4/9", "32/4/10",
          "36/4/11", "40/4/13", "25/5/6", "30/5/6", "35/5/7", "40/5/8", "36/6/3", "48/4/15")
# World Café with every table full (a host and seats-1 movers) for as many rounds as tables.
CAFE = tuple(f"{tables}/{seats}" for seats in (4, 5) for tables in range(3, 11))


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


def golfer(case: str, seed: int = 0) -> dict:
    """Repeats at a social golfer size (mix mode, organisations of about five)."""
    return measure(*(int(part) for part in case.split("/")), "mix", seed)


def cafe(case: str, seed: int = 0) -> dict:
    """World Café, all tables full, as many rounds as tables: repeats and revisits."""
    tables, seats = (int(part) for part in case.split("/"))
    people = tables * seats
    room = [Person(f"p{i}", f"org {i % max(1, people // 5)}", host=i + 1 if i < tables else None)
            for i in range(people)]
    started = time.perf_counter()
    plan = plan_rounds(room, tables, mode="hosts", seed=seed)
    seconds = time.perf_counter() - started
    visits = [[t for played in plan for t, table in enumerate(played) if p.id in table]
              for p in room[tables:]]
    return {"tables": tables, "seats": seats, "rounds": tables,
            "repeats": encounter_stats(plan, room)["repeat_encounters"],
            "revisits": sum(len(v) - len(set(v)) for v in visits), "seconds": round(seconds, 3)}


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
    parser.add_argument("--golfer", default=",".join(GOLFER), help="PEOPLE/SIZE/ROUNDS,... ('' skips)")
    parser.add_argument("--cafe", default=",".join(CAFE), help="TABLES/SEATS,... ('' skips)")
    parser.add_argument("--json", action="store_true", help="print the rows of --section as JSON")
    parser.add_argument("--section", choices=("modes", "golfer", "cafe"), default="modes")
    args = parser.parse_args(argv)
    if args.json:
        rows = {"modes": lambda: run(args.cases.split(","), args.modes.split(","), args.seed),
                "golfer": lambda: [golfer(c, args.seed) for c in args.golfer.split(",") if c],
                "cafe": lambda: [cafe(c, args.seed) for c in args.cafe.split(",") if c]}
        print(json.dumps(rows[args.section]()))
        return 0
    results = run(args.cases.split(","), args.modes.split(","), args.seed)
    golfers = [golfer(case, args.seed) for case in args.golfer.split(",") if case]
    cafes = [cafe(case, args.seed) for case in args.cafe.split(",") if case]
    _print_modes(results)
    if golfers:
        print("\nSocial golfer sizes (mix mode, the most rounds known repeat-free):\n")
        print("| people | table | rounds | repeats | same-org pairs | seconds |")
        print("|---:|---:|---:|---:|---:|---:|")
        for r in golfers:
            print(f"| {r['people']} | {r['table_size']} | {r['rounds']} | {r['repeats']} "
                  f"| {r['same_org_pairs']} | {r['seconds']:.3f} |")
        zero = sum(r["repeats"] == 0 for r in golfers)
        print(f"\n{zero} of {len(golfers)} golfer sizes with no repeat, the slowest in "
              f"{max(r['seconds'] for r in golfers):.3f} s")
    if cafes:
        print("\nWorld Café, every table full, as many rounds as tables:\n")
        print("| tables | seats | rounds | repeats | revisits | seconds |")
        print("|---:|---:|---:|---:|---:|---:|")
        for r in cafes:
            print(f"| {r['tables']} | {r['seats']} | {r['rounds']} | {r['repeats']} "
                  f"| {r['revisits']} | {r['seconds']:.3f} |")
    return 0


def _print_modes(results: list[dict]) -> None:
    print("| people | table | rounds | mode | repeats | beyond pairs | same-org pairs | met_min "
          "| seconds |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        beyond = "" if r["repeats_beyond_pairs"] is None else r["repeats_beyond_pairs"]
        print(f"| {r['people']} | {r['table_size']} | {r['rounds']} | {r['mode']} | {r['repeats']} "
              f"| {beyond} | {r['same_org_pairs']} | {r['met_min']} | {r['seconds']:.3f} |")


if __name__ == "__main__":
    raise SystemExit(main())
