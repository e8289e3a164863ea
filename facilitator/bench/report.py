"""The summary: how long building it takes at volume, and how many pages it gets.

    .venv/bin/facilitator bench report                       # 150, 1000, 2000 notes: .docx, md, json
    .venv/bin/facilitator bench report --sizes 2000 --pdf    # also the PDF (LibreOffice) and pages

Events come from facilitator/bench/volume.py (distinct notes of mixed length,
copies and small talk, themes from the real clustering, a real SQLite file).
Times are the median of --repeat runs of the use case, from the database to
the bytes, wall clock (``_s``) and this process's CPU (``_cpu_s``); the PDF is
one run (two LibreOffice conversions, wall clock).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .. import pdf
from ..db import connect, migrate
from ..usecases import reports
from .volume import volume_event

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
FORMATS = ("docx", "md", "json")


def timed(build: Callable[[], bytes], repeat: int) -> tuple[float, float, bytes]:
    """The median wall and CPU seconds of ``repeat`` builds, and the last one's bytes (on a
    shared machine the CPU time is what the build costs, the wall time what a user waits)."""
    walls, cpus, body = [], [], b""
    for _ in range(max(1, repeat)):
        start, cpu = time.perf_counter(), time.process_time()
        body = build()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), body


def measure(size: int, repeat: int, with_pdf: bool, folder: Path) -> dict:
    """One event of ``size`` notes: seconds and kB per format (and the PDF's pages)."""
    path = folder / f"bench{size}.sqlite3"
    migrate(path)
    db = connect(path)
    start = time.perf_counter()
    event = volume_event(db, size, NOW)
    row: dict = {"notes": size, "setup_s": round(time.perf_counter() - start, 2)}
    for fmt in FORMATS:
        seconds, cpu, body = timed(lambda: reports.report_bytes(db, event.id, fmt, NOW), repeat)
        row[f"{fmt}_s"] = round(seconds, 3)
        row[f"{fmt}_cpu_s"] = round(cpu, 3)
        row[f"{fmt}_kb"] = round(len(body) / 1024)
    if with_pdf and pdf.soffice():
        seconds, _cpu, body = timed(lambda: reports.report_pdf(db, event.id, NOW), 1)
        row["pdf_s"] = round(seconds, 1)
        row["pages"] = len([p for p in pdf.page_texts(body) or [] if p.strip()])
    return row


def table(rows: list[dict]) -> str:
    """The figures as an aligned text table (one line per size)."""
    keys = list(dict.fromkeys(key for row in rows for key in row))
    lines = [keys] + [[str(row.get(key, "")) for key in keys] for row in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(keys))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(line, widths)) for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="facilitator bench report",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per format (median)")
    parser.add_argument("--pdf", action="store_true", help="also convert with LibreOffice")
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    args = parser.parse_args(argv)
    if any(size < 1 or size > 20000 for size in args.sizes):
        parser.error("--sizes: between 1 and 20000 notes")
    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp:
        rows = [measure(size, args.repeat, args.pdf, Path(tmp)) for size in args.sizes]
    if args.json:
        print(json.dumps(rows))
    else:
        load = f"; load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
        print(f"report build times in s, sizes in kB (median of {args.repeat}{load}):")
        print(table(rows))
    return 0
