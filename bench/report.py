"""The summary: how long building it takes at volume, and how many pages it gets.

    .venv/bin/python bench/report.py                  # 150, 1000, 2000 notes: .docx, md, json
    .venv/bin/python bench/report.py --sizes 2000 --pdf   # also the PDF (LibreOffice) and pages

Events come from tests/report_volume.py (distinct notes of mixed length, copies
and small talk, themes from the real clustering, a real SQLite file). Times are
the median of --repeat runs of the use case, from the database to the bytes.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from facilitator import pdf  # noqa: E402
from facilitator.usecases import reports  # noqa: E402
from facilitator.db import migrate  # noqa: E402
from tests.report_volume import volume_event  # noqa: E402

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def timed(build, repeat: int) -> tuple[float, bytes]:
    times, body = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        body = build()
        times.append(time.perf_counter() - start)
    return statistics.median(times), body


def measure(size: int, repeat: int, with_pdf: bool, folder: Path) -> dict:
    path = folder / f"bench{size}.sqlite3"
    migrate(path)
    db = Database(path)
    event = volume_event(db, size, NOW)
    row = {"notes": size}
    for fmt in ("docx", "md", "json"):
        seconds, body = timed(lambda: reports.report_bytes(db, event.id, fmt, NOW), repeat)
        row[f"{fmt}_s"] = round(seconds, 3)
        row[f"{fmt}_kb"] = round(len(body) / 1024)
    if with_pdf and pdf.soffice():
        seconds, body = timed(lambda: reports.report_pdf(db, event.id, NOW), 1)
        row["pdf_s"] = round(seconds, 1)
        row["pages"] = len([p for p in pdf.page_texts(body) or [] if p.strip()])
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also convert with LibreOffice")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(size, args.repeat, args.pdf, Path(tmp)) for size in args.sizes]
    if args.json:
        print(json.dumps(rows))
        return 0
    for row in rows:
        print("  ".join(f"{key} {value}" for key, value in row.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
