"""`facilitator cluster NOTES.txt [--seeds SEEDS.json] --json`: the themes of a file of notes.

The same code path as the app: domain.clustering.cluster.find_themes, or with --seeds the
app's "Sortera resten" (domain.clustering.sort.sort_rest), with vectors computed
here when the optional model is installed (the app stores them per note).
"""
from __future__ import annotations

import json
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 20_000
MAX_SEEDS_BYTES = 1024 * 1024
MAX_SEED_THEMES = 100
MAX_LABEL = 120


def _read_bytes(path: str, limit: int, error) -> bytes:
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise error(f"{path} is not a file")
        if size > limit:
            raise error(f"{path} is larger than {limit // (1024 * 1024)} MB")
        return file.read_bytes()
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from exc


def _decode(path: str, data: bytes, error) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not UTF-8 text (byte {exc.start})") from exc


def read_lines(path: str, error) -> list[str]:
    """Every line of a UTF-8 notes file (empty ones too: seeds count lines)."""
    lines = _decode(path, _read_bytes(path, MAX_BYTES, error), error).splitlines()
    if len(lines) > MAX_LINES:
        raise error(f"{path} has more than {MAX_LINES} lines")
    if not any(line.strip() for line in lines):
        raise error(f"no notes in {path}")
    return lines


def read_notes(path: str, error) -> list[str]:
    """The non-empty lines of a UTF-8 file; `error(message)` raises the CLI's user error."""
    return [line.strip() for line in read_lines(path, error) if line.strip()]


def read_seeds(path: str, lines: list[str], error) -> list[tuple[str, tuple[int, ...]]]:
    """(label, note ids) from {"label": [0-based line numbers]}; line numbers count every
    line of the notes file, note ids only the non-empty ones (the output's ids)."""
    text = _decode(path, _read_bytes(path, MAX_SEEDS_BYTES, error), error)
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise error(f"{path} is not valid JSON ({str(exc)[:80]})") from exc
    if not isinstance(raw, dict) or not raw:
        raise error(f'{path} must be a JSON object {{"theme label": [line numbers], ...}}')
    if len(raw) > MAX_SEED_THEMES:
        raise error(f"{path} has more than {MAX_SEED_THEMES} themes")
    note_id, seen, seeds = _note_ids(lines), {}, []
    for label, numbers in raw.items():
        name = " ".join(label.split())
        if not name or len(name) > MAX_LABEL or any(ord(c) < 32 for c in name):
            raise error(f"{path}: a theme label must be 1 to {MAX_LABEL} characters of text")
        if not isinstance(numbers, list) or not numbers:
            raise error(f'{path}: "{name}" needs a list of line numbers')
        ids = []
        for number in numbers:
            if not isinstance(number, int) or isinstance(number, bool):
                raise error(f'{path}: "{name}" has {json.dumps(number)[:20]}, not a line number')
            if not 0 <= number < len(lines):
                raise error(f'{path}: "{name}" has line {number}; the notes have lines '
                            f"0 to {len(lines) - 1}")
            if number not in note_id:
                raise error(f'{path}: "{name}" has line {number}, which is empty')
            if number in seen and seen[number] != name:
                raise error(f'{path}: line {number} is in "{seen[number]}" and "{name}"')
            seen[number] = name
            ids.append(note_id[number])
        seeds.append((name, tuple(dict.fromkeys(ids))))
    return seeds


def _note_ids(lines: list[str]) -> dict[int, int]:
    ids: dict[int, int] = {}
    for number, line in enumerate(lines):
        if line.strip():
            ids[number] = len(ids)
    return ids


def run(path: str, lang: str, n_themes: int | None, as_json: bool, error,
        seeds: str | None = None) -> int:
    if n_themes is not None and not 1 <= n_themes <= 100:
        raise error("--themes must be 1..100")
    if seeds is not None and n_themes is not None:
        raise error("--themes and --seeds cannot be used together")
    lines = read_lines(path, error)
    notes = [line.strip() for line in lines if line.strip()]
    placed = read_seeds(seeds, lines, error) if seeds is not None else None
    from ..domain.text import language_of, words

    if lang == "auto":
        english = sum(language_of(words(n)) == "en" for n in notes)
        locale = "en" if english * 2 > len(notes) else "sv"
    else:
        locale = lang
    themes, review = _themes(notes, lang, n_themes, locale, placed)
    if as_json:
        print(json.dumps({"themes": [{"label": t.label, "notes": list(t.notes), "other": t.other}
                                     for t in themes]}, ensure_ascii=False))
        return 0
    for theme in themes:
        print(f"{theme.label} ({len(theme.notes)})")
        for i in theme.quotes:
            print(f"  - {notes[i][:120]}")
    if review:
        print(f"check these notes (least certain first): {', '.join(str(i) for i in review)}")
    return 0


def _themes(notes, lang, n_themes, locale, placed):
    if placed is None:
        from ..domain.clustering.cluster import find_themes

        return find_themes(notes, lang=lang, n_themes=n_themes, locale=locale), ()
    from ..domain.clustering.sort import sort_rest

    result = sort_rest(notes, placed, lang=lang, locale=locale)
    return result.themes, result.review
