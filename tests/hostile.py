"""A warehouse whose every free-text value is hostile: a copy of the shipped one in which each
name, title, quote, label, description ... starts like a spreadsheet formula (= + - @, a tab or a
carriage return, in turn by row), and ends with planted HTML, markdown links, bare URLs, an e-mail
address, line breaks inside the value, quotes and commas, and Chinese. Ids, codes, units, kinds,
dates and URLs are left alone, so every page and download still finds what it looks up.

Made once per test session with DuckDB itself (COPY FROM DATABASE keeps every table and comment);
tests point the app at it with use_warehouse()."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from etl.folding import build_search_keys
from filmdash.core import db

MARKUP = (' <a href="https://evil.example/x">EVIL</a> <b>BOLD</b> https://bare.example/y www.bare.example '
          '[md](https://md.example/z) x@mail.example')
# what breaks a CSV reader or an encoding: line breaks inside a cell, quotes and commas, Chinese
CELL = ' \r\n青岛\r東方影都 "quoted", comma\n'
SUFFIX = MARKUP + CELL
PREFIXES = ("=", "+", "-", "@", "\t", "\r", "")  # row i gets PREFIXES[i % 7]
# free text only: what a curator writes, in any language
TEXT_COLUMN = re.compile(
    r"^(a_|b_|city_|country_|party_a_|party_b_|reported_|film_designation_|row_)?"
    r"(name|names|title|publisher|quote|label|description|known_for|countries|released_in)"
    r"(_en|_zh_hans|_zh_hant|_original)?$"
    r"|^(key_people|organisers|aliases|comment|edition|curator|value_text|attendance_text|business_scope)$")
NOT_TEXT = {"countries"}  # ISO codes


def text_columns(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, list[str]]:
    """table -> its free-text VARCHAR columns."""
    out: dict[str, list[str]] = {}
    for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = $db AND data_type = 'VARCHAR' "
            "ORDER BY table_name, column_index", {"db": database}).fetchall():
        if TEXT_COLUMN.match(column) and column not in NOT_TEXT:
            out.setdefault(table, []).append(column)
    return out


def planted_value(value: str | None, row: int) -> str | None:
    """What a value of row `row` (its rowid) becomes: the test's expected cell, before any defusal."""
    return None if value is None else PREFIXES[row % len(PREFIXES)] + value + SUFFIX


def plant(build_dir: Path) -> Path:
    """A hostile copy of the current warehouse published in build_dir (its own CURRENT)."""
    source = db.current_warehouse()
    build_dir.mkdir(parents=True, exist_ok=True)
    target = build_dir / f"warehouse-hostile-{source.stem.removeprefix('warehouse-')}.duckdb"
    con = duckdb.connect(str(target))
    try:
        con.execute(f"ATTACH '{source}' AS shipped (READ_ONLY)")
        con.execute(f'COPY FROM DATABASE shipped TO "{target.stem}"')
        con.execute("DETACH shipped")
        prefix = "CASE rowid % 7 " + " ".join(f"WHEN {i} THEN ${'p' + str(i)}" for i in range(len(PREFIXES))) + " END"
        params = {f"p{i}": p for i, p in enumerate(PREFIXES)} | {"suffix": SUFFIX}
        for table, columns in text_columns(con, target.stem).items():
            sets = ", ".join(f'"{c}" = {prefix} || "{c}" || $suffix' for c in columns)
            con.execute(f'UPDATE "{table}" SET {sets}', params)
        build_search_keys(con)  # the planted text is what a search finds, as in a build
        con.execute("CHECKPOINT")
    finally:
        con.close()
    (build_dir / "CURRENT").write_text(target.name + "\n", encoding="utf-8")
    return target


def use_warehouse(monkeypatch, build_dir: Path) -> None:
    """The app reads build_dir's published warehouse from now on (until monkeypatch undoes it)."""
    monkeypatch.setattr(db, "BUILD_DIR", build_dir)
