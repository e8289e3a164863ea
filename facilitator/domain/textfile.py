"""The text of an uploaded file and the encoding it was read in, detected and said, never
silently guessed.

What organisers have: Excel's "CSV UTF-8" (UTF-8 with a byte-order mark), plain UTF-8 from
other tools, Excel's "Unicode text" (UTF-16 with a mark) and, most often, a Swedish Excel's
default "CSV (semikolonavgränsad)", which is Windows-1252 (Latin-1 plus typographic quotes,
dashes and the euro sign in 0x80-0x9F).

UTF-8 is tried first: a file that is not UTF-8 almost never decodes as UTF-8 by accident.
Windows-1252 decodes nearly any bytes, so it is accepted only when the letters it gives look
like Western European text: å, ä, ö, é ... come from 0xC0-0xFF in Windows-1252. The same
letters from a DOS (CP850) or Mac Roman file land in 0x80-0x9F and read as † „ ” ™ Š š Œ
inside words; when those outnumber the real letters the file is refused with a clear
message rather than imported as "G”teborg".
"""
from __future__ import annotations

from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Windows-1252 characters of 0x80-0x9F (all above U+00FF once decoded) that are ordinary in
# text: dashes, the euro sign and the apostrophe never count as misread; quotes and the
# ellipsis only when squeezed between two letters (CP850's ä and ö are „ and ” there).
NEVER_MISREAD = set("\u2013\u2014\u20ac\u2019")
BETWEEN_LETTERS = set("\u2018\u201a\u201c\u201d\u201e\u2026")


class EncodingError(ValueError):
    """Not a text encoding we can read for certain (code: unknown_encoding or not_text)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str   # utf-8 | utf-8-sig | utf-16 | windows-1252


def decode(data: bytes) -> DecodedText:
    """The file's text and the encoding it was read in, or EncodingError."""
    if data.startswith(UTF8_BOM):
        return DecodedText(_strict(data[len(UTF8_BOM):], "utf-8"), "utf-8-sig")
    if data.startswith(UTF16_BOMS):
        return DecodedText(_strict(data, "utf-16"), "utf-16")
    if b"\x00" in data:
        raise EncodingError("not_text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = _strict(data, "windows-1252")
    if not looks_western(data, text):
        raise EncodingError("unknown_encoding")
    return DecodedText(text, "windows-1252")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError("unknown_encoding") from exc


def looks_western(data: bytes, text: str) -> bool:
    """True when Windows-1252 gives real letters, not another code page's letters misread."""
    letters = sum(1 for byte in data if byte >= 0xC0 and byte not in (0xD7, 0xF7))
    misread = sum(1 for index, ch in enumerate(text) if _misread_letter(text, index, ch))
    return misread <= letters


def _misread_letter(text: str, index: int, ch: str) -> bool:
    """A 0x80-0x9F character next to a letter, where another code page has a letter."""
    if ord(ch) < 0x100 or ch in NEVER_MISREAD:
        return False
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if ch in BETWEEN_LETTERS:
        return before.isalpha() and after.isalpha()
    return before.isalpha() or after.isalpha()
