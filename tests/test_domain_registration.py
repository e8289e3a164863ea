"""Registration lists as a Swedish Excel writes them, and every way they go wrong."""
import pytest

from facilitator.domain.registration import (MAX_ROWS, RegistrationError, Registrant,
                                             parse_registrations)


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
