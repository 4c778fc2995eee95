"""Bulk tables (schema Table.bulk): a registry's worth of rows, read and checked by DuckDB.

The row-by-row path (extract.py, validate.py) holds every cell as a Python string and checks it
in Python: fine for curated files, minutes and gigabytes at a million rows. Here:

1. Python streams each file once in its declared encoding (UTF-8), checks the header is exactly
   the table's columns and that every record has as many fields, counts records and notes where
   each starts (for line numbers in problems). It holds no cell.
2. DuckDB reads the files with the columns declared (no sniffing), every cell as text, strict
   about quoting and field counts, and checks each column's rule with SQL that mirrors
   validate.check_value; the record count must equal Python's. Only when something fails does it
   list the failing rows, and the reasons are then worded by the same Python checks as elsewhere.
3. The load casts as staging does for every other table (NULLIF '' and CASTS), in file order.
"""

from __future__ import annotations

import codecs
import csv
from array import array
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.extract import Row
from etl.problems import Problem, counted
from etl.schema import TABLES, YEAR_MAX, YEAR_MIN, Column, Table
from etl.validate import check_value

CASTS = {"int": "BIGINT", "year": "INTEGER", "number": "DOUBLE", "bool": "BOOLEAN"}
MAX_LISTED = 200  # problems listed per rule and file; the rest are counted
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


@dataclass
class BulkFile:
    entry: dict  # the manifest entry
    path: Path
    shown: str
    records: int = 0
    starts: array | None = None  # line where each record starts


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _bad(col: Column, ident: str) -> str | None:
    """SQL that is true when a non-empty value breaks the column's rule (mirrors check_value)."""
    kind = col.kind
    if kind == "slug":
        return f"NOT regexp_full_match({ident}, '[a-z0-9]+(?:[-_][a-z0-9]+)*')"
    if kind == "iso2":
        return f"NOT regexp_full_match({ident}, '[A-Z]{{2}}')"
    if kind in ("int", "year", "number"):
        pattern = r"-?\d+(?:\.\d+)?" if kind == "number" else r"-?\d+"
        lo, hi = (YEAR_MIN, YEAR_MAX) if kind == "year" else (col.lo, col.hi)
        sql = f"NOT regexp_full_match({ident}, '{pattern}')"
        if lo is not None:
            sql += f" OR TRY_CAST({ident} AS DOUBLE) < {lo}"
        if hi is not None:
            sql += f" OR TRY_CAST({ident} AS DOUBLE) > {hi}"
        return sql
    if kind == "date":
        return (f"NOT regexp_full_match({ident}, '\\d{{4}}(-\\d{{2}}(-\\d{{2}})?)?') "
                f"OR NOT CAST(left({ident}, 4) AS INTEGER) BETWEEN {YEAR_MIN} AND {YEAR_MAX} "
                f"OR TRY_CAST(rpad({ident}, 10, '-01') AS DATE) IS NULL")
    if kind == "bool":
        return f"{ident} NOT IN ('true', 'false')"
    if kind == "enum":
        return f"{ident} NOT IN ({', '.join(_literal(v) for v in col.accepted)})"
    if kind == "uscc":
        # GB 32100-2015: 18 characters of the code's alphabet, 3-8 digits, check digit (17 plain
        # terms rather than a list lambda: a million rows in a fraction of the time).
        total = " + ".join(f"(instr('{USCC_ALPHABET}', substr({ident}, {i + 1}, 1)) - 1) * {w}"
                           for i, w in enumerate(USCC_WEIGHTS))
        return (f"NOT regexp_full_match({ident}, '[0-9A-HJ-NP-RTUWXY]{{2}}[0-9]{{6}}[0-9A-HJ-NP-RTUWXY]{{10}}') "
                f"OR substr('{USCC_ALPHABET}', CAST((31 - ({total}) % 31) % 31 + 1 AS INTEGER), 1) "
                f"<> substr({ident}, 18, 1)")
    if kind == "text":
        return None
    raise ValueError(f"bulk tables cannot use column kind {kind!r} yet")


def _explain(col: Column, value: str) -> str:
    if col.kind == "uscc":
        from etl.registry.fields import Refused, parse_credit_code

        try:
            parse_credit_code(value)
        except Refused as exc:
            return str(exc)
    return check_value(col, value) or "breaks the column's rule"


def _scan(bf: BulkFile, table: Table) -> list[Problem]:
    """Stream the file once: encoding, header, field counts, record starts."""
    encoding = bf.entry["encoding"].lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8"):
        return [Problem(bf.shown, None, None, bf.entry["encoding"],
                        f"a file of the bulk table '{table.name}' is read by DuckDB, which reads UTF-8 only: "
                        f"write it as UTF-8 and declare encoding = \"utf-8\"")]
    problems: list[Problem] = []
    starts = array("L")
    try:
        with bf.path.open(encoding="utf-8-sig", errors="strict", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header != table.column_names:
                return [Problem(bf.shown, 1, None, None, f"the header must be exactly the columns of "
                                                         f"'{table.name}', in order: {', '.join(table.column_names)}")]
            width, line = len(header), reader.line_num
            for record in reader:
                start, line = line + 1, reader.line_num
                if len(record) != width:
                    problems.append(Problem(bf.shown, start, None, None, f"ragged row: it has {len(record)} "
                                                                         f"fields, the header has {width}"))
                starts.append(start)
    except UnicodeDecodeError as exc:
        return [Problem(bf.shown, None, None, None, f"is not valid UTF-8 as declared: {exc.reason} at byte "
                                                    f"{exc.start} of a chunk")]
    except csv.Error as exc:
        return [Problem(bf.shown, None, None, None, f"the file cannot be parsed as CSV: {exc}")]
    with bf.path.open("rb") as f:
        if f.read(3) == codecs.BOM_UTF8:
            problems.append(Problem(bf.shown, 1, None, None, "starts with a byte order mark: write it without one"))
    bf.records, bf.starts = len(starts), starts
    return problems


def _read_csv(table: Table, paths: list[Path]) -> str:
    columns = "{" + ", ".join(f"{_literal(c)}: 'VARCHAR'" for c in table.column_names) + "}"
    files = "[" + ", ".join(_literal(str(p)) for p in paths) + "]"
    return (f"read_csv({files}, header = true, auto_detect = false, columns = {columns}, delim = ',', "
            f"quote = '\"', escape = '\"', strict_mode = true, null_padding = false)")


def _rules(table: Table, keys: dict[str, set[str]]) -> list[tuple[str, str, str]]:
    """(rule name, column, SQL true for a failing row) for every cell rule and reference; an empty
    cell is NULL in the staged table."""
    rules = []
    for col in table.columns:
        ident = f'"{col.name}"'
        if col.required:
            rules.append((f"{col.name}:required", col.name, f"{ident} IS NULL"))
        bad = _bad(col, ident)
        if bad is not None:
            rules.append((f"{col.name}:{col.kind}", col.name, f"{ident} IS NOT NULL AND ({bad})"))
    for ref in table.references:
        known = sorted(keys.get(ref.table, set()))
        listed = "[" + ", ".join(_literal(k) for k in known) + "]::VARCHAR[]"
        rules.append((f"{ref.column}:ref", ref.column,
                      f"\"{ref.column}\" IS NOT NULL AND NOT list_contains({listed}, \"{ref.column}\")"))
    return rules


def scan(table: Table, files: list[BulkFile]) -> list[Problem]:
    """Python's streamed pass over every file (encoding, header, field counts, line numbers)."""
    return [p for bf in files for p in _scan(bf, table)]


def stage(con: duckdb.DuckDBPyConnection, table: Table, files: list[BulkFile], relation: str,
          temp: bool = False) -> list[Problem]:
    """Read every file once into `relation`: every cell as text, an empty one NULL, in file order.
    Returns a problem when DuckDB cannot read the files or counts other records than Python."""
    names = ", ".join(f'NULLIF("{c}", \'\') AS "{c}"' for c in table.column_names)
    try:
        con.execute(f"CREATE {'TEMP ' if temp else ''}TABLE {relation} AS SELECT {names} "
                    f"FROM {_read_csv(table, [bf.path for bf in files])}")
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        return [Problem(", ".join(bf.shown for bf in files), None, None, None, f"DuckDB cannot read it: {first}")]
    (n,) = con.execute(f"SELECT count(*) FROM {relation}").fetchone()
    expected = sum(bf.records for bf in files)
    if n != expected:
        return [Problem(", ".join(bf.shown for bf in files), None, None, None,
                        f"DuckDB read {n} records where Python counted {expected}: the quoting is not plain CSV")]
    return []


def _numbered(relation: str, *columns: str) -> str:
    """The staged rows' position (__i, from 0, in file order: the table keeps the order it was
    written in) beside the columns a check needs. rowid is no help: inside the build's transaction
    it numbers rows from a transaction-local base."""
    names = ", ".join(f'"{c}"' for c in dict.fromkeys(columns))
    return f"(SELECT row_number() OVER () - 1 AS __i, {names} FROM {relation})"


def _where(files: list[BulkFile], index: int) -> tuple[BulkFile, int]:
    """The file and line of a staged row (index counts from 0 across the files, in order)."""
    for bf in files:
        if index < bf.records:
            return bf, bf.starts[index]
        index -= bf.records
    raise IndexError(index)


def check(con: duckdb.DuckDBPyConnection, table: Table, files: list[BulkFile], relation: str,
          keys: dict[str, set[str]]) -> list[Problem]:
    """Every cell rule, reference and key of the staged rows, in one pass; the failing rows are
    listed only when a rule fails, with the reasons validate.py would give."""
    rules = _rules(table, keys)
    counts = con.execute(f"SELECT {', '.join(f'count(*) FILTER (WHERE {sql})' for _, _, sql in rules)} "
                         f"FROM {relation}").fetchone()
    problems: list[Problem] = []
    for (name, column, sql), count in zip(rules, counts):
        if not count:
            continue
        col = table.column(column)
        listed = con.execute(f'SELECT __i, "{column}" FROM {_numbered(relation, column)} WHERE {sql} ORDER BY __i '
                             f"LIMIT {MAX_LISTED}").fetchall()
        for index, value in listed:
            bf, line = _where(files, index)
            if name.endswith(":required"):
                reason = "is empty, but a value is required"
            elif name.endswith(":ref"):
                ref = next(r for r in table.references if r.column == column)
                reason = f"unknown {ref.table} entry: no row in '{ref.table}' has this id (a dangling reference)"
            else:
                reason = _explain(col, value)
            problems.append(Problem(bf.shown, line, column, value, reason))
        if count > MAX_LISTED:
            problems.append(Problem(", ".join(bf.shown for bf in files), None, column, None,
                                    f"{counted(count - MAX_LISTED, 'more row breaks', 'more rows break')} the same rule ({name})"))
    key = ", ".join(f'"{k}"' for k in table.key)
    dupes = con.execute(
        f"SELECT list(__i ORDER BY __i), {key} FROM {_numbered(relation, *table.key)} "
        f"WHERE {' AND '.join(f'{chr(34)}{k}{chr(34)} IS NOT NULL' for k in table.key)} "
        f"GROUP BY ALL HAVING count(*) > 1 ORDER BY 1 LIMIT {MAX_LISTED}").fetchall()
    for indexes, *values in dupes:
        first, first_line = _where(files, indexes[0])
        for index in indexes[1:]:
            bf, line = _where(files, index)
            problems.append(Problem(bf.shown, line, ", ".join(table.key), " / ".join(values),
                                    f"duplicate key: already used at {first.shown}, line {first_line}"))
    return problems


def validate(table: Table, files: list[BulkFile], keys: dict[str, set[str]]) -> list[Problem]:
    """Everything wrong with a bulk table's files, in a scratch in-memory database (for a build that
    already failed elsewhere: it lists these problems too, in the same run)."""
    problems = scan(table, files)
    if problems or not files:
        return problems
    con = duckdb.connect()
    try:
        return stage(con, table, files, "staged", temp=True) or check(con, table, files, "staged", keys)
    finally:
        con.close()


def load(con: duckdb.DuckDBPyConnection, table: Table, files: list[BulkFile], keys: dict[str, set[str]]) -> None:
    """Read the files once into the table, check it there, cast: one CSV parse for a million rows."""
    from etl.problems import InputError

    problems = stage(con, table, files, table.name)
    problems = problems or check(con, table, files, table.name, keys)
    if problems:
        raise InputError(problems)
    for col in table.columns:
        if col.kind in CASTS:
            con.execute(f'ALTER TABLE {table.name} ALTER "{col.name}" SET DATA TYPE {CASTS[col.kind]} '
                        f'USING CAST("{col.name}" AS {CASTS[col.kind]})')


def staged_columns(table: Table) -> str:
    """Staging only renames and casts: every column NULLIF '' and cast by its kind (for every table)."""
    exprs = []
    for col in table.columns:
        ident = f'"{col.name}"'
        expr = f"NULLIF({ident}, '')"
        if col.kind in CASTS:
            expr = f"CAST({expr} AS {CASTS[col.kind]})"
        exprs.append(f"{expr} AS {ident}")
    return ", ".join(exprs)


def bulk_files(ex_bulk: list[dict]) -> dict[str, list[BulkFile]]:
    files: dict[str, list[BulkFile]] = {name: [] for name, t in TABLES.items() if t.bulk}
    for entry in ex_bulk:
        files[entry["table"]].append(BulkFile(entry, Path(entry["abs_path"]), entry["shown"]))
    return files


def key_sets(rows: dict[str, list[Row]]) -> dict[str, set[str]]:
    return {name: {r.values.get(t.key[0], "") for r in rows.get(name, [])}
            for name, t in TABLES.items() if len(t.key) == 1 and not t.bulk}
