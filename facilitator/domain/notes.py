"""Rules for a note in the box. Text is kept exactly as written."""
from __future__ import annotations

import unicodedata
import uuid

MIN_CHARS = 1
MAX_CHARS = 2000


class NoteError(ValueError):
    """A note that cannot be accepted; ``code`` is stable for clients and tests."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def validate_note_id(raw: object) -> str:
    """The phone makes the id (a UUID) so a resend is recognised as the same note."""
    if not isinstance(raw, str) or len(raw) > 64:
        raise NoteError("bad_id", "note id must be a UUID string")
    try:
        return str(uuid.UUID(raw))
    except ValueError as exc:
        raise NoteError("bad_id", "note id must be a UUID string") from exc


# What no one can see: spaces, format characters (zero-width space/joiners, soft hyphen,
# bidi marks), marks with nothing to sit on, unassigned and private code points, and the
# few letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern).
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})
BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Control characters a note may hold: tab and line breaks. ESC, BEL, backspace and the
# C1 controls would act on a terminal that shows an export.
ALLOWED_CONTROLS = frozenset("\t\n\r")


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored as typed: "bad_text" for a lone surrogate (no UTF-8 for
    it, so SQLite would refuse it) or a control character; None when it is fine."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "bad_text"
    if any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text):
        return "bad_text"
    return None


def has_visible(text: str) -> bool:
    """True when at least one character of ``text`` shows on a screen."""
    return any(unicodedata.category(ch) not in INVISIBLE_CATEGORIES and ch not in BLANK_GLYPHS
               for ch in text)


def validate_note_text(raw: object) -> str:
    """Accept 1-2,000 characters, some of them visible; return the text unchanged."""
    if not isinstance(raw, str):
        raise NoteError("bad_text", "note text must be a string")
    if text_problem(raw):
        raise NoteError("bad_text", "note text holds a control character or broken Unicode")
    if len(raw.strip()) < MIN_CHARS or not has_visible(raw):
        raise NoteError("empty", "note is empty")
    if len(raw) > MAX_CHARS:
        raise NoteError("too_long", f"note is longer than {MAX_CHARS} characters")
    return raw


def optional_whole_number(raw: object, code: str, message: str) -> int | None:
    """An optional id or number from a form or JSON: None when absent, else an int.

    Booleans, floats, lists and words are refused with ``code`` rather than guessed at.
    """
    if raw in (None, ""):
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise NoteError(code, message)
    try:
        return int(raw)
    except ValueError as exc:
        raise NoteError(code, message) from exc


def note_question(sent: int | None, picked: bool, step_question: int | None) -> int | None:
    """The question a note is filed under.

    A question the participant picked by hand wins. Otherwise the note answers
    the question of the step the room was in when it was written; only a step
    without a question leaves the phone's choice (or none) in place. So a page
    that missed a step change, or an old cached page that always sends its
    first option, cannot file a note under a question the room is not on.
    """
    if picked and sent is not None:
        return sent
    return step_question if step_question is not None else sent
