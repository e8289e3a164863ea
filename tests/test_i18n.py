"""Swedish is complete: every user-visible string has a Swedish translation."""
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "facilitator" / "translations" / "sv" / "LC_MESSAGES" / "messages.po"


def used_messages() -> set[str]:
    method_map = [("facilitator/**.py", "python"), ("templates/**.html", "jinja2")]
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(ROOT), method_map):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_string_in_the_ui_has_a_swedish_translation():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue
                  if m.id and not m.fuzzy
                  and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    missing = used_messages() - translated
    assert not missing, f"add Swedish for: {sorted(missing)} (run `make messages`)"


def test_swedish_uses_real_letters():
    text = CATALOGUE.read_text(encoding="utf-8")
    assert "Lägg i lådan" in text and "Radera evenemanget" in text
