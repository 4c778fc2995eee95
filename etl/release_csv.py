"""A release CSV written by DuckDB (COPY ... TO), byte for byte the file that datapackage.write_csv_chunks
writes through pandas: UTF-8 with a byte-order mark, CRLF rows, formula-like text defused, whole numbers
whole, missing values empty, True/False. A million-row table then never passes through Python.

DuckDB writes the rows and does the quoting (a value holding a comma, a quote, CR or LF is quoted, a quote
doubled, as Python's csv module does); the SQL below gives it the text datapackage.safe_frame would:

- text starting with one of datapackage.FORMULA_START (= + - @ tab CR) gets a leading apostrophe;
- an empty string is written as nothing, as pandas writes it (DuckDB would write "" for it), except in a
  one-column table, where Python's csv writes "" for an empty or missing value so the row is not a blank line;
- a floating-point column whose values are all whole (decided over the table: export._whole_columns) is
  written as integers (5, not 5.0), NaN as missing; other doubles as DuckDB writes them, which is pandas'
  shortest round-trip form (checked over random bit patterns: tests/etl/test_release_csv.py);
- booleans as True and False.

Python writes the byte-order mark and the header line (Python's csv module, as pandas does) and appends
DuckDB's rows. A table with a column of any other type (lists, dates, decimals ...) is not `copyable`:
the release writes it through pandas as before.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from etl.datapackage import FORMULA_START

INTEGERS = {"BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT"}
COPYABLE = INTEGERS | {"VARCHAR", "DOUBLE", "BOOLEAN"}


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def copyable(columns: list) -> bool:
    """Every column (name, DuckDB type, comment) of a type this writer renders as pandas does, and one column
    at least; a one-column table only when it is text (its empty cells are the special case above)."""
    types = [dtype for _, dtype, _ in columns]
    return bool(types) and all(t in COPYABLE for t in types) and (len(types) > 1 or types[0] == "VARCHAR")


def defused(expr: str) -> str:
    """SQL for safe_frame's text: a value starting with a formula character gets a leading apostrophe.
    DuckDB's ascii() is the first code point (not the first grapheme: '=' then a combining accent gives 61),
    the character Python's str.startswith looks at; half the CPU of six starts_with."""
    codes = ", ".join(str(ord(char)) for char in FORMULA_START)
    return f"CASE WHEN ascii({expr}) IN ({codes}) THEN '''' || {expr} ELSE {expr} END"


def cell_sql(column: str, dtype: str, whole: bool, single: bool = False) -> str:
    """The expression written for one column, named as the column."""
    col = _ident(column)
    if dtype == "VARCHAR":
        text = defused(col)
        expr = f"coalesce({text}, '')" if single else f"nullif({text}, '')"
    elif dtype == "BOOLEAN":
        expr = f"CASE WHEN {col} THEN 'True' WHEN NOT {col} THEN 'False' END"
    elif dtype == "DOUBLE":
        number = f"CASE WHEN isnan({col}) THEN NULL ELSE {col} END"
        expr = f"CAST({number} AS BIGINT)" if whole else number
    elif dtype in INTEGERS:
        expr = col
    else:
        raise ValueError(f"{column}: {dtype} is not written by DuckDB here (copyable() says so)")
    return f"{expr} AS {col}"


def header_line(names: list[str]) -> bytes:
    """The header as pandas writes it: Python's csv module, minimal quoting, CRLF, after a byte-order mark."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerow(names)
    return text.getvalue().encode("utf-8-sig")


def write(con, source: str, path: Path, columns: list, whole: set[str]) -> int:
    """Write table `source` (a qualified, quoted name) to `path`; returns its row count. `columns` as
    duckdb_columns lists them, in order; `whole` the float columns to write as whole numbers."""
    select = ", ".join(cell_sql(name, dtype, name in whole, len(columns) == 1) for name, dtype, _ in columns)
    body = path.with_name(f".{path.name}.rows")
    try:
        con.execute(f"COPY (SELECT {select} FROM {source}) TO {_literal(str(body))} "
                    "(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', COMMENT '', NEW_LINE '\r\n')")
        with open(path, "wb") as out, open(body, "rb") as rows:
            out.write(header_line([name for name, _, _ in columns]))
            shutil.copyfileobj(rows, out, 1 << 20)
    finally:
        body.unlink(missing_ok=True)
    return con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
