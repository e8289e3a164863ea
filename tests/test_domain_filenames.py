"""Download names: readable, and safe on Windows, macOS and in a mail client."""
import pytest

from facilitator.domain.filenames import MAX_STEM, download_name, safe_stem
from facilitator.models import Event


@pytest.mark.parametrize("name, expected", [
    ("Dialogkonferens", "Sammanställning Dialogkonferens 2026-11-23.docx"),
    ('a/b\\c:d*e?f"g<h>i|j', "Sammanställning a b c d e f g h i j 2026-11-23.docx"),
    ("..", "Sammanställning 2026-11-23.docx"), ("", "Sammanställning 2026-11-23.docx"),
    ("\u202eevil\x07\n name", "Sammanställning evil name 2026-11-23.docx"),
    ("../../etc/passwd", "Sammanställning etc passwd 2026-11-23.docx"),
])
def test_download_names(name, expected):
    assert download_name("Sammanställning", Event("e", name, "2026-11-23"), "docx") == expected


def test_a_huge_name_is_cut_and_an_event_without_date_has_none():
    name = download_name("Summary", Event("e", "x" * 10_000), "md")
    assert name.startswith("Summary xxx") and len(name) <= MAX_STEM + 3
    assert download_name("Summary", Event("e", "Day"), "csv") == "Summary Day.csv"
    assert safe_stem("") == "facilitator"
