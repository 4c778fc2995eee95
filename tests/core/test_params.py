"""The URL value parsers: one per type, each total (any string in, a value or None out, never raises)."""

from __future__ import annotations

import pytest

from filmdash.core.params import (
    TEXT_LIMIT,
    parse_choice,
    parse_choices,
    parse_text,
    parse_year,
    parse_years,
    shown_value,
    years_text,
)
from filmdash.views.map import parse_selection

HOSTILE = ["inf", "-inf", "+inf", "nan", "1e400", "-1e400", "２０２１", "٢٠٢١", "2021.0", "2021.5", " ", "",
           "0x7e5", "2_021", "20211", "-2021", "\x00", "2021\n", "2016-2020-2030", "9" * 5000, "<b>2021</b>"]


@pytest.mark.parametrize("raw", HOSTILE)
def test_parse_year_refuses_what_is_not_a_year(raw):
    assert parse_year(raw) is None if raw.strip() != "2021" else parse_year(raw) == 2021


@pytest.mark.parametrize(("raw", "year"), [("2021", 2021), (" 1999 ", 1999), ("0", 0), (None, None)])
def test_parse_year(raw, year):
    assert parse_year(raw) == year


@pytest.mark.parametrize("raw", HOSTILE + ["inf-inf", "1e400-2020", "２０１６-２０２０", "2016-", "-2020", "2016--2020"])
def test_parse_years_refuses_what_is_not_a_range(raw):
    assert parse_years(raw, 1990, 2025) is None


@pytest.mark.parametrize(("raw", "years"), [
    ("2016-2020", (2016, 2020)), ("2020-2016", (2016, 2020)),  # put in order
    ("1900-2000", (1990, 2000)), ("2000-2100", (2000, 2025)),  # clamped
    ("1800-1900", None), ("2030-2040", None),  # wholly outside
])
def test_parse_years(raw, years):
    assert parse_years(raw, 1990, 2025) == years


def test_years_text_leaves_the_full_span_out():
    assert years_text((1990, 2025), 1990, 2025) is None
    assert years_text((2016, 2020), 1990, 2025) == "2016-2020"
    assert parse_years(years_text((2016, 2020), 1990, 2025), 1990, 2025) == (2016, 2020)


@pytest.mark.parametrize("raw", HOSTILE + ["A", "a ", "a,b"])
def test_parse_choice_is_exact(raw):
    assert parse_choice(raw, ["a", "b"]) is None
    assert parse_choice(None, ["a"]) is None
    assert parse_choice("b", ("a", "b")) == "b"


def test_parse_choices_keeps_known_in_order_and_names_the_rest():
    assert parse_choices("b,zz,a,,", ["a", "b"]) == (["b", "a"], ["zz"])
    assert parse_choices(",,,", ["a"]) == ([], [])
    assert parse_choices(None, ["a"]) == ([], [])
    assert parse_choices("inf,-inf,1e400", ["a"]) == ([], ["inf", "-inf", "1e400"])


@pytest.mark.parametrize("raw", ["\x00", "a\nb", "a\rb", "\u202eevil", "zero\u200bwidth", "\ufeffbom", "x" * (TEXT_LIMIT + 1)])
def test_parse_text_refuses_what_no_one_types(raw):
    assert parse_text(raw) is None


@pytest.mark.parametrize("raw", ["", "inf", "青岛", "<b>x</b> [a](b)", "x" * TEXT_LIMIT])
def test_parse_text_keeps_what_a_person_types(raw):
    assert parse_text(raw) == raw


def test_shown_value_is_short_and_visible():
    assert shown_value("9" * 5000) == "9" * 39 + "…"
    assert shown_value("a\x00b\u202ec") == "a\N{REPLACEMENT CHARACTER}b\N{REPLACEMENT CHARACTER}c"
    assert shown_value("inf") == "inf"


@pytest.mark.parametrize(("raw", "selection"), [
    ("city:qingdao", ("city", "qingdao")), ("country:cn", ("country", "CN")),
    ("planet:mars", None), ("city:", None), ("qingdao", None), ("", None), (None, None),
])
def test_parse_selection(raw, selection):
    assert parse_selection(raw) == selection


def test_a_text_area_keeps_its_lines_and_length_but_not_control_characters():
    from filmdash.core.params import parse_text

    query = "SELECT company_id\nFROM companies\n\tWHERE city_id = 'hangzhou'\r\n" + "-- note\n" * 40
    assert parse_text(query) is None  # a search box takes one short line
    assert parse_text(query, 20_000, multiline=True) == query
    assert parse_text("SELECT 1\x00", 20_000, multiline=True) is None
    assert parse_text("SELECT '\u202e'", 20_000, multiline=True) is None
