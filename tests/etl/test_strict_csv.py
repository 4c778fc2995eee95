"""The strict CSV reader: no row is lost to a missing quote, every physical line is accounted for."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import csvread
from etl.build import build
from etl.extract import extract
from etl.schema import TABLES
from tests.etl.helpers import edit, problems_for

ROOT = Path(__file__).resolve().parents[2]
PC = "raw/production_countries/pc.csv"
UNCLOSED = ("a quoted field opens on this line and is not closed on it: a record must stay on one line, so add "
            'the closing quote (a quote inside a field is written twice, "")')
ONE_COUNTRY = ("raw/productions/productions.csv, line 2, column 'is_coproduction', value 'true': a co-production "
               "needs at least two countries in production_countries; it has 1")


@pytest.mark.parametrize("text, expected", [
    # the closing quote deleted on line 2: line 3 is read as its own row, not swallowed into line 2's quote
    ('red-silk,RU,co-producer,s-news,"Russia-China\nred-silk,CN,co-producer,s-news,"Russia-China"\n',
     [f"{PC}, line 2, column 'quote', value 'Russia-China': {UNCLOSED}", ONE_COUNTRY]),
    # the same on the last line, with and without a final line break (the end-of-file cases)
    ('red-silk,RU,co-producer,s-news,"Russia-China"\nred-silk,CN,co-producer,s-news,"Russia-China\n',
     [f"{PC}, line 3, column 'quote', value 'Russia-China': {UNCLOSED}", ONE_COUNTRY]),
    ('red-silk,RU,co-producer,s-news,"Russia-China"\nred-silk,CN,co-producer,s-news,"Russia-China',
     [f"{PC}, line 3, column 'quote', value 'Russia-China': {UNCLOSED}", ONE_COUNTRY]),
    # a quote opened in a middle column, closed further on the next line
    ('red-silk,"RU,co-producer,s-news,Russia-China\nred-silk,CN",co-producer,s-news,Russia-China\n',
     [f"{PC}, line 2, column 'country_iso2', value 'RU,co-producer,s-news,Russia-China': {UNCLOSED}",
      f"{PC}, line 3, column 'country_iso2', value 'CN\"': has a quote inside a field that does not "
      'start with one: put the whole field in quotes and write the inner quote twice ("")']),
    ('red-silk,RU,co-producer,s-news,"Russia"-China\nred-silk,CN,co-producer,s-news,Russia-China\n',
     [f"{PC}, line 2, column 'quote', value '\"Russia\"-China': has text after its closing quote: a quote inside a "
      'quoted field is written twice ("")', ONE_COUNTRY]),
    ('red-silk,RU,co-producer,s-news,Russia"China\nred-silk,CN,co-producer,s-news,Russia-China\n',
     [f"{PC}, line 2, column 'quote', value 'Russia\"China': has a quote inside a field that does not start with "
      'one: put the whole field in quotes and write the inner quote twice ("")', ONE_COUNTRY]),
])
def test_a_broken_quote_is_a_problem_at_the_line_where_it_opened(mini, tmp_path, text, expected):
    (mini / "production_countries" / "pc.csv").write_text("production_id,country_iso2,role,source_id,quote\n" + text,
                                                          encoding="utf-8")
    assert problems_for(mini, tmp_path) == expected


def test_a_header_with_an_open_quote(mini, tmp_path):
    edit(mini / "production_countries" / "pc.csv", "production_id,", '"production_id,')
    assert problems_for(mini, tmp_path) == [
        f"{PC}, line 1, value 'production_id,country_iso2,role,source_id,quote': the header cannot be read: "
        f"{UNCLOSED}"]


def test_quoted_fields_with_commas_and_doubled_quotes_load_exactly(mini, tmp_path):
    edit(mini / "production_countries" / "pc.csv", "s-news,Russia-China\nred-silk,CN",
         's-news,"Russia, China: ""The Red Silk"""\r\nred-silk,CN')
    path = build(mini, tmp_path / "out", root=tmp_path).path
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT country_iso2, quote FROM production_countries ORDER BY ALL").fetchall() == [
        ("CN", "Russia-China"), ("RU", 'Russia, China: "The Red Silk"')]
    con.close()


def _shipped_copy(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    return raw


def test_the_reported_row_loss_in_the_shipped_coproductions(tmp_path):
    """The case from issue 20: line 43 of the shipped file without its closing quote published a row fewer."""
    raw = _shipped_copy(tmp_path)
    path = raw / "production_countries" / "coproductions.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[42].endswith('"'), "the shipped file changed: line 43 no longer ends with a quote"
    lines[42] = lines[42][:-1]
    path.write_text("\n".join(lines), encoding="utf-8")
    broken = path.read_text(encoding="utf-8")
    # Python's csv module, which the reader used to be, reads one row fewer and says nothing
    assert len(list(csv.reader(io.StringIO(broken, newline="")))) == len(lines) - 2
    ex = extract(raw, tmp_path)
    quote = lines[42].split(",", 4)[4][1:].replace('""', '"')
    assert [str(p) for p in ex.problems.kept] == [
        f"raw/production_countries/coproductions.csv, line 43, column 'quote', value '{quote[:57]}...': {UNCLOSED}"]
    assert len([r for r in ex.rows["production_countries"] if r.file.endswith("/coproductions.csv")]) == \
        len([line for line in lines[1:] if line]) - 1


def _closing_quote_lines(raw: Path) -> list[tuple[str, int]]:
    found = []
    for path in sorted(raw.glob("*/*.csv")):
        lines = path.read_bytes().split(b"\n")
        found += [(str(path.relative_to(raw)), n) for n, line in enumerate(lines, 1)
                  if n > 1 and line.rstrip(b"\r").endswith(b'"')]
    return found


def test_every_closing_quote_of_the_shipped_data_deleted_is_found(tmp_path):
    """Each line of the shipped data that ends in a quote, with that quote deleted: a problem at that line."""
    raw = _shipped_copy(tmp_path)
    places = _closing_quote_lines(raw)
    assert len(places) > 100
    for rel, number in places[:: max(1, len(places) // 40)]:
        path = raw / rel
        original = path.read_bytes()
        lines = original.split(b"\n")
        line = lines[number - 1]
        cut = len(line.rstrip(b"\r")) - 1
        lines[number - 1] = line[:cut] + line[cut + 1:]
        path.write_bytes(b"\n".join(lines))
        problems = extract(raw, tmp_path).problems.kept
        assert any(p.file == f"raw/{rel}" and p.line == number and p.reason == UNCLOSED for p in problems), \
            (rel, number, [str(p) for p in problems])
        path.write_bytes(original)


@pytest.fixture
def multiline_attendance(monkeypatch):
    """events.attendance_text declared multi-line (no shipped column is)."""
    table = TABLES["events"]
    columns = tuple(dataclasses.replace(c, multiline=True) if c.name == "attendance_text" else c
                    for c in table.columns)
    monkeypatch.setitem(TABLES, "events", dataclasses.replace(table, columns=columns))


EVENT = "qingdao-week-2023,Qingdao Film and TV Week 2023,,,film-week,qingdao,2023-04-07,2023-04-09,,,held,"


def test_a_declared_multiline_column_may_span_lines(mini, tmp_path, multiline_attendance):
    path = mini / "events" / "events.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f'{header}\n{EVENT}"about 3,000\r\nvisitors",s-news,opened on April 7\n'
                    f"{EVENT.replace('2023,', '2024,', 1).replace('-2023', '-2024').replace(',held,', ',announced,')}"
                    "many,s-nowhere,opened\n", encoding="utf-8")
    # the second event starts on physical line 4: its line is right after the two-line first event
    assert problems_for(mini, tmp_path) == [
        "raw/events/events.csv, line 4, column 'source_id', value 's-nowhere': unknown source: no row in 'sources' "
        "has this id (a dangling reference)"]
    edit(path, "s-nowhere", "s-news")
    built = build(mini, tmp_path / "built", root=tmp_path).path
    con = duckdb.connect(str(built), read_only=True)
    assert con.execute("SELECT event_id, attendance_text FROM events ORDER BY 1").fetchall() == [
        ("qingdao-week-2023", "about 3,000\nvisitors"), ("qingdao-week-2024", "many")]
    con.close()


def test_a_multiline_quote_never_closed_is_named_where_it_opened(mini, tmp_path, multiline_attendance):
    path = mini / "events" / "events.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f'{header}\n{EVENT}"about 3,000\nvisitors,s-news,opened on April 7\n', encoding="utf-8")
    assert problems_for(mini, tmp_path) == [
        "raw/events/events.csv, line 2, column 'attendance_text', value 'about 3,000\\nvisitors,s-news,opened on "
        "April 7': the quoted field opened on this line is never closed: the file ends inside it"]


def test_a_newline_in_a_column_not_declared_multiline_is_refused(mini, tmp_path):
    path = mini / "events" / "events.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f'{header}\n{EVENT}"about 3,000\nvisitors",s-news,opened on April 7\n', encoding="utf-8")
    assert problems_for(mini, tmp_path) == [
        f"raw/events/events.csv, line 2, column 'attendance_text', value 'about 3,000': {UNCLOSED}",
        "raw/events/events.csv, line 3, column 'event_id', value 'visitors\"': has a quote inside a field "
        'that does not start with one: put the whole field in quotes and write the inner quote twice ("")']


def _csv_module_records(lines, multiline=None):
    """The old reader: Python's csv module, which lets a quoted field swallow the next line."""
    reader = csv.reader(io.StringIO("\n".join(lines) + "\n", newline=""))
    before = 0
    for fields in reader:
        yield csvread.Record(before + 1, reader.line_num, fields)
        before = reader.line_num


def test_the_line_count_catches_a_reader_that_loses_a_row(mini, tmp_path, monkeypatch):
    """The row count is checked against the physical lines, independently of the reader."""
    monkeypatch.setattr(csvread, "records", _csv_module_records)
    (mini / "production_countries" / "pc.csv").write_text(
        'production_id,country_iso2,role,source_id,quote\nred-silk,RU,co-producer,s-news,"Russia-China\n'
        'red-silk,CN,co-producer,s-news,"Russia-China"\n', encoding="utf-8")
    problems = problems_for(mini, tmp_path)
    assert f"{PC}, line 3: the file has 3 lines, but the rows read do not account for line 3: a row would be lost" \
        in problems


RAGGED_1 = f"{PC}, line 4: ragged row: it has 1 field, the header has 5"


@pytest.mark.parametrize("ending, expected", [
    ('"', [f"{PC}, line 4, column 'production_id', value '': {UNCLOSED}"]),
    ('"\n', [f"{PC}, line 4, column 'production_id', value '': {UNCLOSED}"]),
    ("red-silk,CN,co-", [f"{PC}, line 4: ragged row: it has 3 fields, the header has 5"]),
    ("\x00\x00", [RAGGED_1]),
    ("\ufeff", [RAGGED_1]),
    ("red-silk,GB,co-producer,s-news,Russia-China\x1a",
     [f"{PC}, line 4, column 'quote', value 'Russia-China\\x1a': holds a control character (U+001A), which is "
      f"invisible: delete it"]),
    ("red-silk,GB,co-producer,s-news,Russia\u2028China",
     [f"{PC}, line 4, column 'quote', value 'Russia\\u2028China': holds a line break (U+2028): a value in this "
      f"column is one line"]),
    ('red-silk,GB,co-producer,s-news,"Russia-China""', [
        f"{PC}, line 4, column 'quote', value 'Russia-China\"': {UNCLOSED}"]),
])
def test_what_the_end_of_a_file_holds_is_read_or_refused(mini, tmp_path, ending, expected):
    path = mini / "production_countries" / "pc.csv"
    path.write_bytes(path.read_bytes() + ending.encode("utf-8"))
    assert problems_for(mini, tmp_path) == expected


@pytest.mark.parametrize("ending", ["\n", "\r\n\r\n", ",,,,\n", "   \n"])
def test_blank_lines_at_the_end_are_no_rows(mini, tmp_path, ending):
    path = mini / "production_countries" / "pc.csv"
    path.write_bytes(path.read_bytes() + ending.encode("utf-8"))
    assert build(mini, tmp_path / "out", root=tmp_path).tables["production_countries"] == 2
