"""The URL value parsers: one per type, each total (any string in, a value or None out, never raises)."""

from __future__ import annotations

import pytest

from filmdash.core.params import (
    TEXT_LIMIT,
    URL_LIMIT,
    parse_choice,
    parse_choices,
    parse_count,
    parse_seconds,
    parse_text,
    parse_url,
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


# the hostile values that are plain numbers ('20211', '2021\n' stripped, '2021.5') are valid counts or durations
NOT_A_COUNT = [v for v in HOSTILE if v not in ("20211", "2021\n")]
NOT_A_DURATION = [v for v in NOT_A_COUNT if v not in ("2021.0", "2021.5")]


@pytest.mark.parametrize("raw", NOT_A_COUNT + ["0", "-1", "+3", "3.0", "1000001", "９"])
def test_parse_count_refuses_what_is_not_a_count_in_range(raw):
    assert parse_count(raw) is None


@pytest.mark.parametrize(("raw", "count"), [("1", 1), (" 12 ", 12), ("1000000", 1_000_000), ("007", 7), (None, None)])
def test_parse_count(raw, count):
    assert parse_count(raw) == count


@pytest.mark.parametrize("raw", NOT_A_DURATION + ["0.1", "86401", "1e3", "nan", "Infinity", "0x10", "1.2345", ".5", "5."])
def test_parse_seconds_refuses_what_is_not_a_plain_duration_in_range(raw):
    assert parse_seconds(raw, 0.2, 86_400) is None


@pytest.mark.parametrize(("raw", "seconds"), [("0.25", 0.25), ("20", 20.0), (" 86400 ", 86_400.0), ("0.2", 0.2)])
def test_parse_seconds(raw, seconds):
    assert parse_seconds(raw, 0.2, 86_400) == seconds


@pytest.mark.parametrize("raw", HOSTILE + [
    "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://host/x", "http://", "https:///path",
    "http://[::1", "http://host:99999", "http://host:port", "http://ho st", "http://host/\x00", "http://host/\u202e",
    "//host/x", "http://" + "h" * URL_LIMIT,
])
def test_parse_url_refuses_what_is_not_a_public_http_address(raw):
    assert parse_url(raw) is None


@pytest.mark.parametrize(("raw", "url"), [
    ("http://192.168.1.20:8501", "http://192.168.1.20:8501"),
    ("https://fair.example/dash/?slide=2#top", "https://fair.example/dash"),
    (" https://[::1]:8501/ ", "https://[::1]:8501"),
    (None, None),
])
def test_parse_url(raw, url):
    assert parse_url(raw) == url


def test_a_link_too_long_for_a_qr_code_gets_none():
    from filmdash.core import qr

    assert qr.encodable("https://fair.example/cities?cities=" + "x" * 900)
    assert not qr.encodable("https://fair.example/cities?cities=" + "x" * 1000)
    assert not qr.encodable("https://fair.example/?q=" + "青" * 400)  # bytes, not characters
