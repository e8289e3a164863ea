"""Registration lists as a Swedish Excel writes them, and every way they go wrong."""
import pytest

from facilitator.domain.registration import (MAX_ROWS, PeopleRow, RegistrationError, Registrant,
                                             parse_people_csv, parse_registrations)


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
    (b"Kommun;Roll\nOrebro;x\n", "no_name_column"), ("Namn\nÅsa".encode("latin-1"), "not_utf8"),
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
