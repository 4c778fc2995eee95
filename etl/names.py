"""Names in both Chinese scripts: the source's form where there is one, otherwise a recorded conversion.

A 繁體 reader must not meet Simplified names (nor a 简体 reader Traditional ones). Where a source
gives a name in one script only, `python -m etl scripts` converts it with OpenCC (s2hk: Simplified
to Traditional with Hong Kong forms, the FilMart audience's; hk2s: back) and writes the result to
data/raw/name_conversions/opencc.csv, a committed input: the build and the app need no OpenCC. The
build fills a missing name from that file only while the name it was converted from is unchanged,
and records where every Chinese name comes from in <column>_origin: 'source' or the OpenCC
profile. Only names are converted: quotes stay verbatim.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from etl.problems import counted

ROOT = Path(__file__).resolve().parent.parent
CONVERSIONS_FILE = ROOT / "data" / "raw" / "name_conversions" / "opencc.csv"
# warehouse table -> (key column, name prefixes); dim_cities takes GeoNames' names where no curated
# source names a city in Chinese, so it is filled on its own
NAMED: dict[str, tuple[str, tuple[str, ...]]] = {
    "countries": ("iso2", ("name",)),
    "cities": ("city_id", ("name",)),
    "dim_cities": ("city_id", ("name",)),
    "companies": ("company_id", ("name",)),
    "dim_companies": ("company_id", ("name",)),  # companies and registry rows, one grain
    "studios": ("studio_id", ("name",)),
    "productions": ("production_id", ("title",)),
    "events": ("event_id", ("name",)),
    "partnerships": ("partnership_id", ("name",)),
}
# the column to fill -> (the column it is converted from, OpenCC profile)
PROFILES = {"zh_hant": ("zh_hans", "s2hk"), "zh_hans": ("zh_hant", "hk2s")}
SCRIPT_NAMES = {"zh_hant": "Traditional Chinese (繁體)", "zh_hans": "Simplified Chinese (简体)"}
SCRIPT_NAMES_ZH = {"zh_hant": "繁体中文", "zh_hans": "简体中文"}
COLUMNS = ("table_name", "row_id", "column_name", "converted_from", "converted", "profile")


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = $t",
                                      {"t": table}).fetchall()}


def _converted_only(script: str, column: str) -> tuple[str, str]:
    """(English, Simplified Chinese) meaning of a name column a table gets only from conversions."""
    return (f"The name in {SCRIPT_NAMES[script]}: only ever a conversion (see {column}_origin).",
            f"{SCRIPT_NAMES_ZH[script]}名称：只会是转换结果（见 {column}_origin）。")


def _origin(column: str) -> tuple[str, str]:
    """(English, Simplified Chinese) meaning of <column>_origin."""
    return (f"Where {column} comes from: 'source' (as a source gives it), 'opencc-s2hk' or 'opencc-hk2s' "
            f"(converted from the other script: name_conversions); NULL when no source names it in Chinese.",
            f"{column} 的出处：'source'（来源原文给出）、'opencc-s2hk' 或 'opencc-hk2s'（由另一种文字转换而来，"
            f"见 name_conversions）；无来源给出中文名称时为 NULL。")


def descriptions() -> list:
    """Every meaning fill() can write (etl/descriptions.py converts their Chinese)."""
    from etl.descriptions import Description

    out = []
    for table, (_, prefixes) in NAMED.items():
        for prefix in prefixes:
            for script in PROFILES:
                column = f"{prefix}_{script}"
                out += [Description(table, column, *_converted_only(script, column)),
                        Description(table, f"{column}_origin", *_origin(column))]
    return out


def _comment(con: duckdb.DuckDBPyConnection, table: str, column: str, en: str, zh: str) -> None:
    # COMMENT ON takes no parameters; the text is ours, escaped as a literal
    con.execute(f'COMMENT ON COLUMN {table}."{column}" IS ' + "'" + en.replace("'", "''") + "'")


def fill(con: duckdb.DuckDBPyConnection, conversions: str = "name_conversions", describe=None) -> None:
    """Give every named table both scripts' columns and their origins; fill a missing name from a
    conversion whose converted_from is the row's name in the other script as it stands now.
    describe(con, table, column, en, zh) records each new column's meaning (the build's
    descriptions.Catalogue; an English COMMENT ON alone when not given)."""
    describe = describe or _comment
    for table, (key, prefixes) in NAMED.items():
        existing = _columns(con, table)
        for prefix in prefixes:
            for script in PROFILES:
                column = f"{prefix}_{script}"
                if column not in existing:  # partnerships has no sourced Traditional name column
                    con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" VARCHAR')
                    describe(con, table, column, *_converted_only(script, column))
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}_origin" VARCHAR')
                describe(con, table, f"{column}_origin", *_origin(column))
                con.execute(f"UPDATE {table} SET \"{column}_origin\" = 'source' WHERE \"{column}\" IS NOT NULL")
            for script, (other, _) in PROFILES.items():
                column, source = f"{prefix}_{script}", f"{prefix}_{other}"
                con.execute(f"""
                    UPDATE {table} AS t SET "{column}" = n.converted, "{column}_origin" = n.profile
                    FROM {conversions} AS n
                    WHERE t."{column}" IS NULL AND t."{source}_origin" = 'source'
                      AND n.table_name = $table AND n.column_name = $column
                      AND n.row_id = CAST(t."{key}" AS VARCHAR) AND n.converted_from = t."{source}"
                """, {"table": table, "column": column})


def gaps(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(table, row id, column, the name in the other script) for every name a source gives in one
    Chinese script with no form in the other: what `python -m etl scripts` has not converted yet."""
    out = []
    for table, (key, prefixes) in NAMED.items():
        for prefix in prefixes:
            for script, (other, _) in PROFILES.items():
                rows = con.execute(
                    f'SELECT CAST("{key}" AS VARCHAR), "{prefix}_{other}" FROM {table} '
                    f'WHERE "{prefix}_{script}" IS NULL AND "{prefix}_{other}" IS NOT NULL ORDER BY 1').fetchall()
                out += [(table, row_id, f"{prefix}_{script}", name) for row_id, name in rows]
    return out


def english_only(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(table, row id, English name) for every name no source gives in Chinese at all (shown in
    English on the Chinese pages: nothing is made up for them)."""
    out = []
    for table, (key, prefixes) in NAMED.items():
        for prefix in prefixes:
            rows = con.execute(
                f'SELECT CAST("{key}" AS VARCHAR), "{prefix}_en" FROM {table} '
                f'WHERE "{prefix}_zh_hans" IS NULL AND "{prefix}_zh_hant" IS NULL ORDER BY 1').fetchall()
            out += [(table, row_id, name) for row_id, name in rows]
    return out


def report(con: duckdb.DuckDBPyConnection) -> str:
    lines = []
    missing = gaps(con)
    if missing:
        lines.append(f"{counted(len(missing), 'name has', 'names have')} no form in one Chinese script (run `make scripts`):")
        lines += [f"  {table}.{column} [{row_id}]: only {name}" for table, row_id, column, name in missing]
    english = english_only(con)
    if english:
        by_table: dict[str, int] = {}
        for table, _, _ in english:
            by_table[table] = by_table.get(table, 0) + 1
        lines.append(f"{counted(len(english), 'name has', 'names have')} no Chinese form in any source (shown in English): "
                     + ", ".join(f"{t} {n}" for t, n in by_table.items()))
    return "\n".join(lines)


def convert(missing: list[tuple[str, str, str, str]]) -> list[dict[str, str]]:
    """OpenCC's conversion of each missing name (build time only: opencc is a dev dependency)."""
    import opencc

    converters = {profile: opencc.OpenCC(profile) for _, profile in PROFILES.values()}
    rows = []
    for table, row_id, column, name in missing:
        profile = PROFILES["zh_hant" if column.endswith("zh_hant") else "zh_hans"][1]
        rows.append({"table_name": table, "row_id": row_id, "column_name": column, "converted_from": name,
                     "converted": converters[profile].convert(name), "profile": f"opencc-{profile}"})
    return rows


def main() -> int:
    """Write data/raw/name_conversions/opencc.csv afresh from the current inputs."""
    from etl.build import _inputs_digest, load
    from etl.bulk import bulk_files
    from etl.extract import extract
    from etl.problems import InputError
    from etl.validate import validate

    ex = extract(ROOT / "data" / "raw", ROOT)
    # the file being rewritten may be empty or stale: its own problems do not stop a rewrite
    log = ex.problems
    log.extend(validate(ex.rows, ex.broken_tables))
    problems = [p for p in log.kept if "name_conversions/" not in str(p.file)]
    if problems:
        print(InputError(problems).report())
        return 1
    ex.rows["name_conversions"] = []  # from scratch: every conversion from the names as they are now
    ex.bulk_files = bulk_files(ex.bulk)
    con = duckdb.connect()
    load(con, ex, _inputs_digest(ex, ROOT / "data" / "raw"))
    rows = convert(gaps(con))
    CONVERSIONS_FILE.parent.mkdir(parents=True, exist_ok=True)
    with CONVERSIONS_FILE.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (r["table_name"], r["row_id"], r["column_name"])))
    print(f"{CONVERSIONS_FILE.relative_to(ROOT)}: {counted(len(rows), 'name', 'names')} converted "
          f"({sum(r['profile'] == 'opencc-s2hk' for r in rows)} to Traditional, "
          f"{sum(r['profile'] == 'opencc-hk2s' for r in rows)} to Simplified)")
    return 0
