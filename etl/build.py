"""Build: extract → validate → transform (SQL) → check → publish, atomically.

A build writes a brand-new DuckDB file in one transaction, checks it, and only then points
build/CURRENT at it (os.replace of a one-line file). The previous warehouse is never opened for
writing, so a build that fails or is killed leaves it byte-identical and serving.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import folding, names
from etl.bulk import CASTS, bulk_files, key_sets, staged_columns
from etl.bulk import load as load_bulk
from etl.bulk import scan as scan_bulk
from etl.bulk import validate as validate_bulk
from etl.checks import origins_of, run_checks
from etl.descriptions import BUILD_TABLES, TABLE, Catalogue
from etl.extract import Extracted, extract
from etl.leftovers import BuildLock, remove_leftovers
from etl.models import SQL_DIR, macros, marts
from etl.problems import InputError
from etl.schema import LOAD_ORDER, TABLES, Table

ROOT = Path(__file__).resolve().parent.parent
POINTER = "CURRENT"
KEEP_OLD = 3  # older warehouse files kept beside the current one (readers may still have them open)



def _inherited() -> dict[str, tuple[str, str]]:
    """A mart column without its own description inherits the one its name most often has in the input
    schema (English and Chinese together), counting first the tables where it refers to another table (a
    mart's `metric` or `city_id` is a reference), a tie going to the table defined first. Not the last one
    defined: a table added later with its own meaning of `country_iso2` or `source_id` would otherwise
    re-describe every mart's column of that name."""
    every: dict[str, Counter] = {}
    refers: dict[str, Counter] = {}
    for table in TABLES.values():
        references = {r.column for r in table.references}
        for col in table.columns:
            every.setdefault(col.name, Counter())[(col.description, col.zh)] += 1
            if col.name in references:
                refers.setdefault(col.name, Counter())[(col.description, col.zh)] += 1
    return {name: (refers.get(name) or texts).most_common(1)[0][0] for name, texts in every.items()}


INHERITED = _inherited()


@dataclass
class BuildResult:
    path: Path | None
    tables: dict[str, int]
    inputs_sha256: str
    names_report: str = ""  # names with no form in one script, or in no Chinese at all

    def _replace_path(self, path: Path | None) -> BuildResult:
        return BuildResult(path, self.tables, self.inputs_sha256, self.names_report)


def _staging_select(table: Table) -> str:
    """Staging only renames and casts; generated from the schema so the column list lives once."""
    order = ", ".join(f'"{k}"' for k in table.key)
    return f"SELECT {staged_columns(table)} FROM raw_{table.name} ORDER BY {order}"


def _comment(con: duckdb.DuckDBPyConnection, kind: str, target: str, text: str) -> None:
    # COMMENT ON takes no parameters; the text is ours (SQL files), escaped as a literal.
    literal = "'" + text.replace("'", "''") + "'"
    con.execute(f"COMMENT ON {kind} {target} IS {literal}")


def _file_sha256(path: Path) -> str:
    with path.open("rb") as f:  # streamed: a registry file can be a gigabyte
        return hashlib.file_digest(f, "sha256").hexdigest()


def _inputs_digest(ex: Extracted, raw_dir: Path) -> str:
    h = hashlib.sha256()
    for entry in sorted(ex.files, key=lambda e: e["path"]):
        entry["sha256"] = _file_sha256(raw_dir / entry["path"])
        h.update(entry["path"].encode() + b"\0" + entry["sha256"].encode())
    for model in sorted((SQL_DIR / "marts").glob("*.sql")) + sorted((SQL_DIR / "macros").glob("*.sql")):
        h.update(model.read_bytes())
    return h.hexdigest()


def _document(con: duckdb.DuckDBPyConnection, catalogue: Catalogue, name: str, table: Table) -> None:
    catalogue.describe(con, name, None, table.description, table.zh)
    for col in table.columns:
        catalogue.describe(con, name, col.name, col.description, col.zh)


def _typed(col) -> str:
    return f'"{col.name}" {CASTS.get(col.kind, "VARCHAR")}'


def load(con: duckdb.DuckDBPyConnection, ex: Extracted, digest: str) -> dict[str, int]:
    """Everything inside one transaction, so the file is either complete or not published."""
    import pandas as pd

    counts = {}
    catalogue = Catalogue()
    folding.register(con)  # to_simplified(), for companies_explorer's search text
    bulk = ex.bulk_files
    keys = key_sets(ex.rows)
    for name in LOAD_ORDER:
        table = TABLES[name]
        if table.bulk:  # read, checked and cast by DuckDB: a million rows never pass through Python
            if bulk[name]:
                load_bulk(con, table, bulk[name], keys)
            else:
                con.execute(f"CREATE TABLE {name} ({', '.join(_typed(c) for c in table.columns)})")
            _document(con, catalogue, name, table)
            counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            continue
        frame = pd.DataFrame([r.values for r in ex.rows[name]], columns=table.column_names, dtype="string")
        frame = frame.fillna("")
        con.complete()  # duckdb 2: a pending result blocks register()
        con.register("incoming", frame)
        cols = ", ".join(f'"{c}" VARCHAR' for c in table.column_names)
        con.execute(f"CREATE TEMP TABLE raw_{name} ({cols})")
        con.execute(f"INSERT INTO raw_{name} SELECT * FROM incoming")
        con.unregister("incoming")
        con.execute(f"CREATE TABLE {name} AS {_staging_select(table)}")
        _document(con, catalogue, name, table)
        counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    for mart in marts():
        name = mart.name
        con.execute(f"CREATE TABLE {name} AS {mart.sql}")
        catalogue.describe(con, name, None, mart.description, mart.zh)
        actual = [r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index",
            {"t": name}).fetchall()]
        for col in actual:
            if col in mart.columns or col in mart.columns_zh:  # its own, in both languages (or refused)
                catalogue.describe(con, name, col, mart.columns.get(col, ""), mart.columns_zh.get(col, ""))
            elif col in INHERITED:
                catalogue.describe(con, name, col, *INHERITED[col])
        counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    # names in both Chinese scripts, from the source or a recorded conversion (etl/names.py)
    names.fill(con, describe=catalogue.describe)
    for macro in macros():
        con.execute(macro.sql)
        _comment(con, "MACRO TABLE", macro.name, macro.description)
    files = pd.DataFrame([
        {"path": f"data/raw/{e['path']}", "table_name": e["table"], "encoding": e["encoding"],
         "curator": e["curator"], "description": e["description"], "rows": e["rows"], "sha256": e["sha256"]}
        for e in sorted(ex.files, key=lambda e: e["path"])
    ])
    con.complete()
    con.register("incoming", files)
    con.execute("CREATE TABLE input_files AS SELECT * FROM incoming ORDER BY path")
    con.unregister("incoming")
    con.execute("CREATE TABLE build_info AS SELECT $d AS inputs_sha256", {"d": digest})
    for name in ("input_files", "build_info"):
        (en, zh), columns = BUILD_TABLES[name]
        catalogue.describe(con, name, None, en, zh)
        for col, (c_en, c_zh) in columns.items():
            catalogue.describe(con, name, col, c_en, c_zh)
    # every description in English, Simplified and Traditional Chinese (etl/descriptions.py)
    counts[TABLE] = catalogue.publish(con)
    return counts


def tree_digest(raw_dir: Path) -> str:
    """Checksum of every input file and every ETL source file: what a build depends on."""
    h = hashlib.sha256()
    etl_dir = Path(__file__).resolve().parent
    for base in (raw_dir, etl_dir):
        for path in sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(str(path.relative_to(base)).encode() + b"\0" + bytes.fromhex(_file_sha256(path)))
    return h.hexdigest()


def current_path(build_dir: Path) -> Path | None:
    pointer = build_dir / POINTER
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = build_dir / name
    return path if name and path.exists() else None


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old content or the new, never a part: a temporary file, then os.replace."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _publish(build_dir: Path, new_file: Path) -> None:
    write_atomically(build_dir / POINTER, new_file.name + "\n")
    old = sorted((p for p in build_dir.glob("warehouse-*.duckdb") if p != new_file),
                 key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in old[KEEP_OLD:]:
        stale.unlink(missing_ok=True)
        Path(str(stale) + ".wal").unlink(missing_ok=True)


def build(raw_dir: Path | None = None, build_dir: Path | None = None, publish: bool = True,
          root: Path | None = None) -> BuildResult:
    root = root or ROOT
    raw_dir = raw_dir or root / "data" / "raw"
    build_dir = build_dir or root / "build"
    # 1. Extract and validate: every problem, then stop before writing anything.
    ex = extract(raw_dir, root)
    from etl.validate import validate

    problems = ex.problems
    problems.extend(validate(ex.rows, ex.broken_tables))
    # Bulk tables: Python's streamed pass now; DuckDB's checks run where the rows are loaded (one
    # read of the files), or here in a scratch database when the build has failed already, so
    # that one run still lists every problem.
    ex.bulk_files = bulk_files(ex.bulk)
    scanned = {name: scan_bulk(TABLES[name], files) for name, files in ex.bulk_files.items()}
    for found in scanned.values():
        problems.extend(found)
    if problems:
        for name, files in ex.bulk_files.items():
            if not scanned[name]:
                problems.extend(validate_bulk(TABLES[name], files, key_sets(ex.rows)))
    for files in ex.bulk_files.values():
        ex.files += [{**bf.entry, "rows": bf.records} for bf in files]
    if problems:
        raise InputError(problems)
    digest = _inputs_digest(ex, raw_dir)
    # 2. Transform and load into a file of its own, in one transaction. A check builds in a
    #    scratch folder and leaves the build folder untouched.
    if not publish:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="etl-check-") as scratch:
            return build(raw_dir, Path(scratch), publish=True, root=root)._replace_path(None)
    build_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(build_dir)
    new_file = build_dir / f"warehouse-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}.duckdb"
    partial = new_file.with_suffix(".building")
    with BuildLock(partial):
        return _write_check_publish(ex, raw_dir, build_dir, new_file, partial, digest)


def _write_check_publish(ex: Extracted, raw_dir: Path, build_dir: Path, new_file: Path, partial: Path,
                         digest: str) -> BuildResult:
    con = duckdb.connect(str(partial))
    try:
        con.execute("BEGIN TRANSACTION")
        counts = load(con, ex, digest)
        con.execute("COMMIT")
        # after the commit: until then a row's rowid is the transaction's own, not the one it keeps
        con.execute("BEGIN TRANSACTION")
        folding.build_search_keys(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    except Exception:
        con.close()
        partial.unlink(missing_ok=True)
        raise
    con.close()
    # 3. Check the result where it stands, read-only, before anyone can see it.
    check_con = duckdb.connect(str(partial), read_only=True)
    try:
        failures = run_checks(check_con, origins_of(ex.rows))
        names_report = names.report(check_con)
    finally:
        check_con.close()
    if failures:
        partial.unlink(missing_ok=True)
        raise InputError(failures)
    os.replace(partial, new_file)
    _publish(build_dir, new_file)
    write_atomically(build_dir / "last_build.json",
                     json.dumps({"file": new_file.name, "tables": counts, "inputs_sha256": digest,
                                 "tree_sha256": tree_digest(raw_dir)}, indent=2) + "\n")
    return BuildResult(new_file, counts, digest, names_report)
