"""The release: the published warehouse as files a researcher can take whole.

`python -m etl export` (run by `python -m etl build` after publishing) writes, beside the warehouse:

    build/release/<warehouse>/warehouse.duckdb        a copy made by DuckDB (ATTACH + COPY FROM DATABASE)
    build/release/<warehouse>/parquet/<table>.parquet
    build/release/<warehouse>/csv/<table>.csv         UTF-8 with BOM, formulas defused, as every CSV download
                                                      (written by DuckDB's COPY: etl/release_csv.py)
    build/release/<warehouse>/datapackage.json        Frictionless: every table, every field and its meaning
                                                      (English `description`; Chinese in `descriptions`)
    build/release/<warehouse>/SHA256SUMS
    build/release/<warehouse>.zip                     all of the above: what the app offers for download

The copy is DuckDB's own: the app never opens the live warehouse file, and this process never
open()s it with Python either (that would drop DuckDB's lock on it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import duckdb

from etl import datapackage as package
from etl import folding, release_csv
from etl.datapackage import write_csv_chunks


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(warehouse: Path) -> Path:
    """Write the release of one warehouse file; returns its zip. Built in a scratch folder and moved
    into place, so a reader never sees half a release."""
    root = warehouse.parent / "release"
    final = root / warehouse.stem
    scratch = root / f".{warehouse.stem}.{os.getpid()}.tmp"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "parquet").mkdir(parents=True)
    (scratch / "csv").mkdir()
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_literal(warehouse)} AS src (READ_ONLY)")
        con.execute(f"ATTACH {_literal(scratch / 'warehouse.duckdb')} AS dst")
        con.execute("COPY FROM DATABASE src TO dst")
        # the app's search keys are an index of this warehouse's rows, not data: the release leaves them out
        con.execute(f"DROP SCHEMA IF EXISTS dst.{folding.SEARCH_SCHEMA} CASCADE")
        con.execute("DETACH dst")
        tables = con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'src' "
                             "AND schema_name = 'main' ORDER BY table_name").fetchall()
        columns: dict[str, list] = {}
        for table, column, dtype, comment in con.execute(
                "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE database_name = 'src' "
                "AND schema_name = 'main' ORDER BY table_name, column_index").fetchall():
            columns.setdefault(table, []).append((column, dtype, comment))
        counts = {}
        for table, _ in tables:
            ident = '"' + table.replace('"', '""') + '"'
            con.execute(f"COPY src.main.{ident} TO {_literal(scratch / 'parquet' / f'{table}.parquet')} "
                        "(FORMAT parquet)")
            cols = columns.get(table, [])
            csv_path, whole = scratch / "csv" / f"{table}.csv", _whole_columns(con, ident, cols)
            if release_csv.copyable(cols):  # DuckDB writes the rows, the same bytes as pandas would
                counts[table] = release_csv.write(con, f"src.main.{ident}", csv_path, cols, whole)
            else:
                counts[table] = write_csv_chunks(csv_path, _chunks(con, ident), whole)
        bibliography = con.execute("SELECT * FROM src.main.sources ORDER BY source_id").df()
        translations: dict[str, dict] = {}  # table -> column (None: the table) -> {language: text}
        if any(t == "descriptions" for t, _ in tables):
            for table, column, lang, text in con.execute(
                    "SELECT table_name, column_name, lang, text FROM src.main.descriptions WHERE lang <> 'en' "
                    "ORDER BY ALL").fetchall():
                translations.setdefault(table, {}).setdefault(column, {})[lang] = text
    finally:
        con.close()
    sums = {p.relative_to(scratch).as_posix(): _sha256(p) for p in sorted(scratch.rglob("*")) if p.is_file()}
    resources = []
    for table, comment in tables:
        resources.append(package.csv_resource(table, f"csv/{table}.csv", columns.get(table, []), comment,
                                              counts[table], sums[f"csv/{table}.csv"], translations.get(table)))
    for table, _ in tables:
        resources.append(package.file_resource(f"{table}-parquet", f"parquet/{table}.parquet", "parquet",
                                               f"{table} as Parquet.", sums[f"parquet/{table}.parquet"]))
    resources.append(package.file_resource("warehouse", "warehouse.duckdb", "duckdb",
                                           "The whole warehouse as a DuckDB database, comments included.",
                                           sums["warehouse.duckdb"]))
    created = package.build_date(warehouse.name)
    descriptor = package.datapackage(
        f"film-cities-{warehouse.stem}", f"{package.PROJECT}: the whole warehouse ({warehouse.stem})",
        "Every published table of the Film Cities Dashboard's warehouse, with each column's meaning and "
        "every source (publisher, title, URL, dates).", warehouse.stem, created, resources,
        package.package_sources(bibliography))
    (scratch / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    sums["datapackage.json"] = _sha256(scratch / "datapackage.json")
    (scratch / "SHA256SUMS").write_text("".join(f"{h}  {p}\n" for p, h in sorted(sums.items())), encoding="utf-8")
    archive = root / f"{warehouse.stem}.zip"
    partial = root / f".{warehouse.stem}.{os.getpid()}.zip"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(scratch.rglob("*")):
            if path.is_file():
                zf.write(path, f"{warehouse.stem}/{path.relative_to(scratch).as_posix()}",
                         compresslevel=ZIP_LEVELS.get(path.suffix, TEXT_ZIP_LEVEL))
    shutil.rmtree(final, ignore_errors=True)
    os.replace(scratch, final)
    os.replace(partial, archive)
    _prune(root, warehouse.parent)
    return archive


# Deflate levels in the zip. At a million registry companies (bench/registry.py) level 6 for everything took
# 20.5 s of CPU for 136 MB; Parquet and the DuckDB copy, compressed already, at level 1: 13.4 s, 144 MB; the text
# (CSV, JSON) at level 3 as well: 6.1 s, 157 MB. The bytes of every file in the zip are the same at any level.
ZIP_LEVELS = {".parquet": 1, ".duckdb": 1}
TEXT_ZIP_LEVEL = 3

CHUNK_VECTORS = 50  # DuckDB vectors (2,048 rows) a CSV chunk: about 100,000 rows


def _chunks(con, ident: str):
    """A table's rows as DataFrames of about 100,000 rows, in table order; the first always (empty for an
    empty table, so the header is written)."""
    result = con.execute(f"SELECT * FROM src.main.{ident}")
    chunk = result.fetch_df_chunk(CHUNK_VECTORS)
    yield chunk
    while not chunk.empty:
        chunk = result.fetch_df_chunk(CHUNK_VECTORS)
        yield chunk


def _whole_columns(con, ident: str, columns: list) -> set[str]:
    """The numeric columns pandas reads as floats whose values are all whole (and not all missing), decided
    over the whole table in SQL, as csv_bytes decides them over a whole frame: 5, not 5.0, in every chunk."""
    whole = set()
    for column, dtype, _ in columns:
        if dtype.startswith(("DOUBLE", "FLOAT", "DECIMAL", "REAL")) or dtype in ("INTEGER", "BIGINT", "SMALLINT",
                                                                                    "TINYINT", "HUGEINT", "UBIGINT",
                                                                                    "UINTEGER", "USMALLINT", "UTINYINT"):
            col = '"' + column.replace('"', '""') + '"'
            ok, = con.execute(f"SELECT count({col}) > 0 AND coalesce(bool_and({col} = round({col})), true) "
                              f"FROM src.main.{ident}").fetchone()
            if ok:
                whole.add(column)
    return whole


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _prune(root: Path, build_dir: Path) -> None:
    """Releases of warehouse files the build has since removed go too."""
    for entry in root.iterdir():
        stem = entry.name.removesuffix(".zip")
        if not entry.name.startswith(".") and not (build_dir / f"{stem}.duckdb").exists():
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)


def release_exists(warehouse: Path) -> bool:
    root = warehouse.parent / "release"
    return (root / warehouse.stem / "SHA256SUMS").is_file() and (root / f"{warehouse.stem}.zip").is_file()
