"""`facilitator cluster NOTES.txt --json`: the themes of a file of notes, one note a line.

The same code path as the app: domain.themes.find_themes, with vectors computed
here when the optional model is installed (the app stores them per note).
"""
from __future__ import annotations

import json
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 20_000


def read_notes(path: str, error) -> list[str]:
    """The non-empty lines of a UTF-8 file; `error(message)` raises the CLI's user error."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise error(f"{path} is not a file")
        if size > MAX_BYTES:
            raise error(f"{path} is larger than 5 MB")
        data = file.read_bytes()
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not UTF-8 text (byte {exc.start})") from exc
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise error(f"{path} has more than {MAX_LINES} lines")
    notes = [line.strip() for line in lines if line.strip()]
    if not notes:
        raise error(f"no notes in {path}")
    return notes


def run(path: str, lang: str, n_themes: int | None, as_json: bool, error) -> int:
    if n_themes is not None and not 1 <= n_themes <= 100:
        raise error("--themes must be 1..100")
    notes = read_notes(path, error)
    from ..domain.text import language_of, words
    from ..domain.clustering.cluster import find_themes

    if lang == "auto":
        english = sum(language_of(words(n)) == "en" for n in notes)
        locale = "en" if english * 2 > len(notes) else "sv"
    else:
        locale = lang
    themes = find_themes(notes, lang=lang, n_themes=n_themes, locale=locale)
    if as_json:
        print(json.dumps({"themes": [{"label": t.label, "notes": list(t.notes), "other": t.other}
                                     for t in themes]}, ensure_ascii=False))
        return 0
    for theme in themes:
        print(f"{theme.label} ({len(theme.notes)})")
        for i in theme.quotes:
            print(f"  - {notes[i][:120]}")
    return 0
