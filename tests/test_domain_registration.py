"""Registration lists as a Swedish Excel writes them, and every way they go wrong."""
from pathlib import Path

import pytest

from facilitator.domain.registration import (MAX_ROWS, PeopleRow, RegistrationError,
                                             Registrant, parse_people_csv, parse_registrations,
                                             read_people_csv, read_registrations)

FILES = Path(__file__).parent / "data" / "csv"
NAMES = ["Åsa Öberg", "Per Ärlemalm", "Märta Ekström", "Anne-Sofie Dupré", "Jörgen Åkesson"]


@pytest.mark.parametrize("name, encoding", [
    ("excel_semikolon_windows1252.csv", "windows-1252"),   # Swedish Excel's default CSV
    ("excel_csv_utf8_bom.csv", "utf-8-sig"), ("utf8_no_bom_comma.csv", "utf-8"),
    ("excel_unicode_text_utf16.txt", "utf-16"),
])
def test_real_files_in_each_encoding_read_with_the_right_letters(name, encoding):
    read = read_registrations((FILES / name).read_bytes())
    assert read.encoding == encoding
    assert [r.name for r in read.rows] == NAMES
    assert read.rows[1].role == "Utvecklare – barnhälsa"
    assert read.rows[4].role == "Samordnare, ”Barnens bästa”"
    assert read.rows[3].host_table == 3 and read.rows[0].host


@pytest.mark.parametrize("name", ["dos_cp850.csv", "mac_roman.csv"])
def test_other_code_pages_are_refused_not_misread(name):
    with pytest.raises(RegistrationError) as info:
        parse_registrations((FILES / name).read_bytes())
    assert info.value.code == "unknown_encoding"


@pytest.mark.parametrize("data, code", [
    ("Namn;Kommun\nGöteborg;Häst\n".encode("cp850"), "unknown_encoding"),  # no Å: decodes
    ("Namn;Kommun\nGöteborg;Häst\n".encode("mac_roman"), "unknown_encoding"),
    (b"Namn\n\x81\x8d\n", "unknown_encoding"),          # undefined in Windows-1252
    ("Namn\nÅsa".encode("utf-16-le"), "not_text"),         # UTF-16 without its mark
    (b"\xff\xfeN\x00\x00\xd8", "unknown_encoding"),       # a broken UTF-16 surrogate
    (b"\xef\xbb\xbfNamn\n\xe5", "unknown_encoding"),        # a BOM, then not UTF-8
    (b"\xff\xfe", "empty"), (b"\xef\xbb\xbf\r\n", "empty"),
    (b"Namn\n" + b"x" * 200_000 + b"\n", "malformed"),     # one cell beyond csv's limit
])
def test_undecidable_or_broken_files_get_a_clear_code(data, code):
    with pytest.raises(RegistrationError) as info:
        parse_registrations(data)
    assert info.value.code == code


def test_windows_1252_typography_and_an_apostrophe_are_not_taken_for_another_code_page():
    data = "Namn;Roll\nAnn’s Öberg;”Chef” – 5 €\nPer…;x\n".encode("cp1252")
    read = read_registrations(data)
    assert read.encoding == "windows-1252"
    assert [(r.name, r.role) for r in read.rows] == [("Ann’s Öberg", "”Chef” – 5 €"), ("Per…", "x")]


def test_latin_1_is_read_as_windows_1252_which_it_is_part_of():
    assert read_registrations("Namn\nÅsa".encode("latin-1")).rows == [Registrant("Åsa")]


def test_people_csv_says_its_encoding_too():
    data = "id;Namn;Kommun\n1;Åsa Öberg;Örebro\n".encode("cp1252")
    assert read_people_csv(data).encoding == "windows-1252"
    assert read_people_csv(data).rows == [PeopleRow("1", "Åsa Öberg", "Örebro")]


def test_excel_semicolon_with_bom_and_swedish_headers():
    data = ("\ufeffNamn;Kommun;Roll;Bordsvärd\r\nÅsa Öberg;Örebro;Skolchef;ja\r\n"
            "Per Ek;Lindesberg;;\r\n;;;\r\n").encode("utf-8")
    assert parse_registrations(data) == [Registrant("Åsa Öberg", "Örebro", "Skolchef", True),
                                         Registrant("Per Ek", "Lindesberg", "", False)]


def test_comma_english_and_quoted_fields():
    data = b'name,organization,host\n"Ek, Per",Region,x\nLi,Kumla,\n'
    assert parse_registrations(data) == [Registrant("Ek, Per", "Region", "", True),
                                         Registrant("Li", "Kumla")]


@pytest.mark.parametrize("data, code", [
    (b"", "empty"), (b"   \n", "empty"), (b"Namn;Kommun\n", "empty"),
    (b"Kommun;Roll\nOrebro;x\n", "no_name_column"), 
    (b"Namn\n" + b"x" * (3 * 1024 * 1024), "too_big"), (b"Na\x00mn\nx\n", "not_text"),
    (("Namn\n" + "x\n" * (MAX_ROWS + 1)).encode(), "too_many_rows"),
])
def test_whole_file_problems(data, code):
    with pytest.raises(RegistrationError) as info:
        parse_registrations(data)
    assert info.value.code == code


def test_every_bad_row_is_reported_and_nothing_is_taken():
    data = ("Namn;Kommun\nÅsa;Örebro\n;Kumla\n" + "x" * 201 + ";Nora\nPer;Laxå\n").encode()
    with pytest.raises(RegistrationError) as info:
        parse_registrations(data)
    assert info.value.code == "bad_rows"
    assert [(e.row, e.code) for e in info.value.rows] == [(3, "missing_name"), (4, "too_long")]


def test_hostile_cells_stay_text():
    data = 'Namn;Kommun\n=HYPERLINK("x");<script>\n'.encode()
    assert parse_registrations(data) == [Registrant('=HYPERLINK("x")', "<script>")]


def test_people_csv_for_a_rotation():
    data = ("\ufeffid;Namn;Kommun;Värd\r\n1;Åsa Öberg;Örebro;2\r\n2;Per Ek;;\r\n;;;\r\n"
            "x7;=SUM(A1);Nora;1\r\n").encode("utf-8")
    assert parse_people_csv(data) == [PeopleRow("1", "Åsa Öberg", "Örebro", 2),
                                      PeopleRow("2", "Per Ek"),
                                      PeopleRow("x7", "=SUM(A1)", "Nora", 1)]


@pytest.mark.parametrize("data, code", [
    (b"", "empty"), (b"id,name\n", "empty"), (b"name,org\nAsa,x\n", "no_id_column"),
    (b"id,org\n1,x\n", "no_name_column"), (b"\xef\xbb\xbf", "empty"),
])
def test_people_csv_whole_file_problems(data, code):
    with pytest.raises(RegistrationError) as info:
        parse_people_csv(data)
    assert info.value.code == code


def test_people_csv_reports_every_bad_row():
    data = b"id,name,host\n1,A,\n1,B,\n,C,\n3,D,two\n4,E,0\n"
    with pytest.raises(RegistrationError) as info:
        parse_people_csv(data)
    assert [(e.row, e.code, e.value) for e in info.value.rows] == [
        (3, "duplicate_id", "1"), (4, "missing_id", ""), (5, "bad_host", "two"),
        (6, "bad_host", "0")]
