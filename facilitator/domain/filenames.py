"""Download file names an organiser can keep: "Sammanställning Dialogkonferens 2026-11-23.docx"."""
from __future__ import annotations

import re
import unicodedata

from ..models import Event

MAX_STEM = 120
# Characters Windows, macOS or a mail client would refuse or mangle, and controls.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]+')


def safe_stem(text: str, fallback: str = "facilitator") -> str:
    """Readable and safe on every system: no separators, controls or trailing dots."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(_UNSAFE.sub(" ", text).split())
    text = text[:MAX_STEM].rstrip(" .")
    return text.lstrip(". ") or fallback


def download_name(prefix: str, event: Event, ext: str) -> str:
    """``prefix`` (the word for "summary" or "notes"), the event's name and its date."""
    parts = [safe_stem(text) for text in (prefix, event.name, event.date) if safe_stem(text, "")]
    return f"{safe_stem(' '.join(parts))}.{ext}"
