"""The release's CSV written by DuckDB (etl/release_csv.py) is byte for byte the file the Python writer
(datapackage.csv_bytes / write_csv_chunks) makes of the same table: hostile text defused in SQL, quoting,
empty and missing cells, numbers, booleans; and hostile cells read back, with pandas and with Python's csv
module, as the defused text."""

from __future__ import annotations

import csv
import io
import random
import struct

import duckdb
import pandas as pd
import pytest

from etl import export, release_csv
from etl.datapackage import FORMULA_START, csv_bytes, write_csv_chunks

HOSTILE = ["=1+1", "+33 1 23", "-5", "@SUM(A1)", "\tTAB", "\rCR", "\r\nCRLF", "\nLF", "a\nb", "a\r\nb",
           'say "hi"', '"', '""', "a,b", ",", "#not a comment", "'already", " =space first", "", None,
           "名=公司", "\ufeff=BOM first", "=", "-", "+", "@", "—dash", "＝full width", "=HYPERLINK(\"http://x\")",
           "x\x00y", "\u2028line separator", "\x0bvertical tab", "a;b", "end=", "trailing space ", "é\u0301", "=\u0301accent", "\u0301=", "\U0001f600=emoji"]


def defused(value: str | None) -> str:
    """What a reader gets back for a value: the value, an apostrophe first when it starts like a formula."""
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_START) else value


@pytest.fixture
def src(tmp_path):
    """An in-memory connection with a scratch warehouse attached as src, as export() has it."""
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    con = duckdb.connect()
    con.execute(f"ATTACH '{path}' AS src")
    yield con
    con.close()


def columns_of(con, table: str, database: str = "src") -> list:
    return con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() WHERE database_name = $db "
                       "AND table_name = $t ORDER BY column_index", {"db": database, "t": table}).fetchall()


def both_writers(con, table: str, tmp_path) -> tuple[bytes, bytes]:
    """(DuckDB's file, the Python writer's file) for src.main.<table>, with the release's whole-number columns."""
    columns = columns_of(con, table)
    assert release_csv.copyable(columns)
    whole = export._whole_columns(con, f'"{table}"', columns)
    sql_file, python_file = tmp_path / f"{table}.sql.csv", tmp_path / f"{table}.py.csv"
    rows = release_csv.write(con, f'src.main."{table}"', sql_file, columns, whole)
    assert write_csv_chunks(python_file, export._chunks(con, f'"{table}"'), whole) == rows
    assert not list(tmp_path.glob(".*.rows"))  # DuckDB's part is appended and gone
    return sql_file.read_bytes(), python_file.read_bytes()


def test_hostile_text_is_defused_and_quoted_as_the_python_writer_does(src, tmp_path):
    frame = pd.DataFrame({"id": range(len(HOSTILE)), "text": HOSTILE, "again": list(reversed(HOSTILE))})
    src.register("frame", frame)
    src.execute("CREATE TABLE src.main.hostile AS SELECT id::BIGINT AS id, text, again FROM frame ORDER BY id")
    duck, python = both_writers(src, "hostile", tmp_path)
    assert duck == python
    assert duck.startswith(b"\xef\xbb\xbfid,text,again\r\n")
    assert b"\r\n0,'=1+1," in duck and b",\"'\r\nCRLF\"," in duck and b'\r\n19,,' in duck  # None: empty
    text = duck.decode("utf-8-sig")
    read_csv = list(csv.reader(io.StringIO(text, newline="")))
    assert read_csv[0] == ["id", "text", "again"]
    assert [row[1] for row in read_csv[1:]] == [defused(v) for v in HOSTILE]
    assert [row[2] for row in read_csv[1:]] == [defused(v) for v in reversed(HOSTILE)]
    back = pd.read_csv(io.BytesIO(duck), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["text"].tolist() == [defused(v) for v in HOSTILE]
    assert not any(cell.startswith(FORMULA_START) for cell in back["text"].tolist() + back["again"].tolist())


def test_random_hostile_strings_are_the_python_writers_bytes(src, tmp_path):
    rng = random.Random(21)
    alphabet = ["=", "+", "-", "@", "\t", "\r", "\n", '"', ",", "'", "#", " ", "a", "名", "\u2028", "\x0b", ";", "\ufeff"]
    values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(4000)]
    values = [None if i % 97 == 0 else v for i, v in enumerate(values)]
    src.register("frame", pd.DataFrame({"id": range(len(values)), "v": values}))
    src.execute("CREATE TABLE src.main.fuzz AS SELECT id::BIGINT AS id, v FROM frame ORDER BY id")
    duck, python = both_writers(src, "fuzz", tmp_path)
    assert duck == python
    read_back = [row[1] for row in csv.reader(io.StringIO(duck.decode("utf-8-sig"), newline=""))][1:]
    assert read_back == [defused(v) for v in values]


def test_numbers_booleans_and_gaps_are_the_python_writers_bytes(src, tmp_path):
    """Whole-number doubles (with NULL and NaN) as integers, other doubles in the shortest round-trip form
    (random bit patterns included), integers with gaps, True/False."""
    rng = random.Random(7)
    doubles = [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(3000)]
    doubles = [d for d in doubles if d == d] + [0.1, 1 / 3, -0.0, 1e16, 1e15 + 0.5, 1e-5, 5e-324, 30.0, 2.5,
                                                 float("inf"), float("-inf"), float("nan"), None]
    src.register("frame", pd.DataFrame({"id": range(len(doubles)), "d": doubles}))
    src.execute("""CREATE TABLE src.main.numbers AS SELECT id::BIGINT AS id, d::DOUBLE AS d,
                       CASE WHEN id % 5 = 0 THEN NULL WHEN id % 11 = 0 THEN 'NaN'::DOUBLE ELSE id * 2.0 END
                           AS whole_double,
                       CASE WHEN id % 3 = 0 THEN NULL ELSE (id - 1000)::INTEGER END AS int_gaps,
                       (id * 4096 * 1048576)::BIGINT AS big,
                       CASE WHEN id % 3 = 0 THEN NULL ELSE id % 2 = 0 END AS flag,
                       NULL::DOUBLE AS all_missing, NULL::BIGINT AS no_count
                   FROM frame ORDER BY id""")
    duck, python = both_writers(src, "numbers", tmp_path)
    assert duck == python
    rows = list(csv.reader(io.StringIO(duck.decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert rows[2][header.index("whole_double")] == "2" and rows[1][header.index("whole_double")] == ""
    assert {row[header.index("flag")] for row in rows[1:]} == {"True", "False", ""}


def test_one_column_table_and_empty_table(src, tmp_path):
    """Python's csv writes "" for the one empty cell of a row (not a blank line); an empty table is its header."""
    src.execute("CREATE TABLE src.main.single AS SELECT * FROM (VALUES ('a'), (''), (NULL), ('=x')) t(value)")
    duck, python = both_writers(src, "single", tmp_path)
    assert duck == python == b'\xef\xbb\xbfvalue\r\na\r\n""\r\n""\r\n\'=x\r\n'
    src.execute("CREATE TABLE src.main.nothing (a VARCHAR, \"b,c\" BIGINT)")
    duck, python = both_writers(src, "nothing", tmp_path)
    assert duck == python == b'\xef\xbb\xbfa,"b,c"\r\n'


def test_other_types_go_through_the_python_writer(tmp_path):
    """A list, a date or a one-column number is not copyable: export() writes it as csv_bytes does."""
    assert not release_csv.copyable([("l", "VARCHAR[]", None), ("id", "BIGINT", None)])
    assert not release_csv.copyable([("d", "DATE", None), ("id", "BIGINT", None)])
    assert not release_csv.copyable([("n", "BIGINT", None)])
    assert release_csv.copyable([("n", "BIGINT", None), ("t", "VARCHAR", None), ("b", "BOOLEAN", None)])
    path = tmp_path / "build" / "warehouse-20261208T000000-000000001.duckdb"
    path.parent.mkdir()
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sources (source_id VARCHAR, publisher VARCHAR, title VARCHAR, url VARCHAR)")
    con.execute("CREATE TABLE listed AS SELECT i AS id, CASE WHEN i = 1 THEN ['=a', 'b'] ELSE [] END AS tags, "
                "DATE '2026-12-08' + i::INTEGER AS day, '+' || i AS text FROM range(3) r(i)")
    expected = csv_bytes(con.execute("SELECT * FROM listed").df())
    con.close()
    export.export(path)
    written = (tmp_path / "build" / "release" / path.stem / "csv" / "listed.csv").read_bytes()
    assert written == expected
    assert b"'=a | b" in written and b"'+1" in written


def test_the_release_of_a_hostile_warehouse_is_the_python_writers_bytes(tmp_path, shipped_warehouse):
    """The shipped warehouse with every free-text value made hostile (tests/hostile.py: formula starts, line
    breaks, quotes, commas, markup, Chinese): export() writes every table's CSV as csv_bytes writes it, and
    each planted cell reads back defused, with Python's csv module and with pandas."""
    from tests.hostile import plant, text_columns

    warehouse = plant(tmp_path / "build")
    con = duckdb.connect(str(warehouse), read_only=True)
    tables = [t for t, in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                                      "ORDER BY 1").fetchall()]  # not the app's search keys (schema search)
    expected = {t: csv_bytes(con.execute(f'SELECT * FROM "{t}"').df()) for t in tables}
    planted = {t: cols for t, cols in text_columns(con, warehouse.stem).items() if t in tables}
    values = {(t, c): [v for v, in con.execute(f'SELECT "{c}" FROM "{t}"').fetchall()]
              for t, cols in planted.items() for c in cols}
    copyable = {t for t in tables if release_csv.copyable(columns_of(con, t, warehouse.stem))}
    con.close()
    export.export(warehouse)
    folder = tmp_path / "build" / "release" / warehouse.stem / "csv"
    assert {t: (folder / f"{t}.csv").read_bytes() for t in tables} == expected
    assert {"companies", "registry_companies", "dim_companies", "companies_explorer", "sources"} <= copyable
    assert len(values) > 50 and any("\r\n" in v for v in values[("companies", "name_en")] if v)
    for (table, column), column_values in values.items():
        text = (folder / f"{table}.csv").read_bytes().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [row[column] for row in rows] == [defused(v) for v in column_values], (table, column)
    back = pd.read_csv(folder / "companies.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["name_en"].tolist() == [defused(v) for v in values[("companies", "name_en")]]

