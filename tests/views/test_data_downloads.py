"""/data's downloads round-trip with hostile data in every free-text column (tests/hostile.py: values
that start like formulas, = + - @ tab CR, and hold CR, LF, CRLF, quotes, commas, markup and Chinese):
every table whole, a page, a filtered selection, the citation pack's CSV files and the SQL tab's
result, each read back with pandas and with Python's csv module: the same rows, the same cells, a
formula-like start defused with a leading apostrophe, Chinese intact.

The expected rows come from the tests' own SQL on the planted warehouse, never the explorer's."""

from __future__ import annotations

import csv
import io
import math
import zipfile

import pandas as pd
import pytest

from filmdash.core import db, explore, package
from filmdash.views import data
from tests import hostile

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet runs as a formula, or hides
NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "DOUBLE", "FLOAT", "DECIMAL")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The app reads the planted warehouse for this module; its path, as the page passes it."""
    build_dir = tmp_path_factory.mktemp("hostile-downloads")
    path = hostile.plant(build_dir)
    with pytest.MonkeyPatch.context() as mp:
        hostile.use_warehouse(mp, build_dir)
        yield str(path)


def sql(query: str, params=None) -> tuple[list[str], list[tuple]]:
    cursor = db.connection().cursor()
    try:
        cursor.execute(query, params or [])
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        cursor.close()


def columns(table: str) -> list[tuple[str, str]]:
    _, rows = sql("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                  "AND database_name = current_database() ORDER BY column_index", [table])
    return rows


def defused(value) -> str:
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_START) else value


def read_back(payload: bytes) -> tuple[pd.DataFrame, list[list[str]]]:
    assert payload.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads Chinese as Chinese
    frame = pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    rows = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))
    return frame, rows


def assert_round_trip(payload: bytes, header: list[str], expected: list[tuple], types: dict[str, str], where: str):
    frame, rows = read_back(payload)
    assert list(frame.columns) == header and rows[0] == header, where
    assert len(frame) == len(expected) and len(rows) == len(expected) + 1, (where, len(frame), len(rows), len(expected))
    for j, name in enumerate(header):
        kind = types.get(name, "VARCHAR")
        want = [row[j] for row in expected]
        by_pandas, by_csv = frame[name].tolist(), [r[j] for r in rows[1:]]
        if kind == "VARCHAR":
            assert by_pandas == [defused(v) for v in want] == by_csv, (where, name)
        elif kind.split("(")[0] in NUMERIC:
            for got_p, got_c, value in zip(by_pandas, by_csv, want):
                assert got_p == got_c, (where, name)
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    assert got_p == "", (where, name, got_p)
                else:
                    assert float(got_p) == pytest.approx(float(value)), (where, name, got_p, value)
    for name in (n for n in header if types.get(n, "VARCHAR") == "VARCHAR"):  # numbers may be negative
        for cell in frame[name]:
            assert not cell.startswith(FORMULA_START), (where, name, cell[:40])


def planted_tables(warehouse: str) -> list[str]:
    con = db.connection()
    return sorted(hostile.text_columns(con, con.execute("SELECT current_database()").fetchone()[0]))


def order(table: str) -> str:
    first = columns(table)[0][0]
    return f'ORDER BY "{first}" ASC NULLS LAST, rowid'


def test_the_planted_warehouse_is_hostile(planted):
    _, rows = sql("SELECT name_en FROM companies ORDER BY rowid LIMIT 7")
    assert [r[0][:1] for r in rows[:6]] == ["=", "+", "-", "@", "\t", "\r"]
    assert all(r[0].endswith(hostile.SUFFIX) for r in rows)
    assert len(planted_tables(planted)) >= 10


def test_every_table_downloads_whole_and_round_trips(planted):
    for table in planted_tables(planted):
        types = dict(columns(table))
        header, expected = sql(f'SELECT * FROM "{table}" {order(table)}')
        payload = data.download(planted, explore.Selection(table), "table", "csv", "https://x/data")
        assert_round_trip(payload, header, expected, types, f"{table} whole")


def test_a_page_and_a_filtered_selection_round_trip(planted):
    for table in ("companies", "productions", "sources", "claims", "events"):
        types = dict(columns(table))
        first = columns(table)[0][0]
        header, everything = sql(f'SELECT * FROM "{table}" {order(table)}')
        page = explore.Selection(table, page=2, page_size=25)
        shown = min(2, max(1, -(-len(everything) // 25)))  # past the last page: the last page
        assert_round_trip(data.download(planted, page, "page", "csv", "u"), header,
                          everything[(shown - 1) * 25:shown * 25], types, f"{table} page {shown}")
        picked = tuple(sorted({row[0] for row in everything[::3] if row[0] is not None}))
        chosen = explore.Selection(table, filters=((first, picked),))
        _, matching = sql(f'SELECT * FROM "{table}" WHERE list_contains(?, CAST("{first}" AS VARCHAR)) {order(table)}',
                          [list(picked)])
        assert_round_trip(data.download(planted, chosen, "matching", "csv", "u"), header, matching, types,
                          f"{table} filtered")


def test_a_search_in_either_script_round_trips(planted):
    """Every planted row holds 青岛 and 東方影都: a search for 青島 (Traditional) finds each row whose
    text columns hold a value, and the file holds exactly those."""
    table = "companies"
    header, expected = sql(f'SELECT * FROM "{table}" WHERE name_en IS NOT NULL {order(table)}')
    payload = data.download(planted, explore.Selection(table, q="青島"), "matching", "csv", "u")
    assert_round_trip(payload, header, expected, dict(columns(table)), "companies search")


def test_the_citation_pack_csv_files_round_trip(planted):
    table = "productions"
    sel = explore.Selection(table)
    stem = data.file_stem(planted, sel, "table")
    pack = zipfile.ZipFile(io.BytesIO(data.download(planted, sel, "table", "zip", "u")))
    header, expected = sql(f'SELECT * FROM "{table}" {order(table)}')
    assert_round_trip(pack.read(f"data/{stem}.csv"), header, expected, dict(columns(table)), "pack rows")
    sources, _ = read_back(pack.read("data/sources.csv"))
    _, cited = sql("SELECT source_id, publisher, title FROM sources WHERE source_id IN "
                   "(SELECT source_id FROM productions) ORDER BY source_id")
    assert sources["source_id"].tolist() == [r[0] for r in cited]
    assert sources["publisher"].tolist() == [defused(r[1]) for r in cited]
    assert sources["title"].tolist() == [defused(r[2]) for r in cited]


def test_the_sql_tab_result_round_trips(planted):
    statement = ("SELECT company_id, name_en, name_zh_hans, quote, founded_year FROM companies "
                 "WHERE city_id = $city ORDER BY company_id")
    result = data.run_sql(planted, statement, {"city": "hangzhou"})
    about = data.sql_about(planted, statement, len(result.frame), "u")
    payload = package.file_bytes("csv", result.frame, about, data.bibliography(result.frame))
    header, expected = sql(statement.replace("$city", "?"), ["hangzhou"])
    assert expected, "the query finds rows"
    assert_round_trip(payload, header, expected, dict(columns("companies")), "sql result")
