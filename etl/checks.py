"""Check: assertions on the built warehouse, derived from the schema plus the SQL in sql/checks/.

The validator has already looked at every input cell; these run on the tables as built, so a
transform that drops, duplicates or orphans rows is caught before the warehouse is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.models import marts
from etl.problems import Problem
from etl.schema import ENTITY_TABLES, TABLES, YEAR_MAX, YEAR_MIN

CHECKS_DIR = Path(__file__).resolve().parent / "sql" / "checks"


@dataclass(frozen=True)
class Check:
    description: str
    table: str  # the input table whose rows it refuses
    sql: str  # selects the key columns of every row that violates it


def schema_checks() -> list[Check]:
    """Checks derived from the schema. Identifiers come from the schema, never from data."""
    checks = []
    for name, table in TABLES.items():
        key = ", ".join(table.key)

        def add(description: str, where: str, name: str = name, key: str = key) -> None:
            checks.append(Check(description, name, f"SELECT {key} FROM {name} t WHERE {where}"))

        checks.append(Check(f"{name}: key ({key}) is unique", name,
                            f"SELECT {key} FROM {name} QUALIFY count(*) OVER (PARTITION BY {key}) > 1"))
        for col in table.columns:
            if col.required:
                add(f"{name}.{col.name} is never missing", f'"{col.name}" IS NULL')
            if col.accepted:
                values = ", ".join("'" + v + "'" for v in col.accepted)
                add(f"{name}.{col.name} holds accepted values only", f'"{col.name}" NOT IN ({values})')
            if col.kind == "year":
                add(f"{name}.{col.name} is a year between {YEAR_MIN} and {YEAR_MAX}",
                    f'"{col.name}" NOT BETWEEN {YEAR_MIN} AND {YEAR_MAX}')
            if col.lo is not None and col.hi is not None:
                add(f"{name}.{col.name} lies between {col.lo:g} and {col.hi:g}",
                    f'"{col.name}" NOT BETWEEN {col.lo} AND {col.hi}')
        if table.sourced or "source_id" in table.column_names:
            add(f"{name}: every source_id resolves in sources",
                "source_id NOT IN (SELECT source_id FROM sources)")
        for ref in table.references:
            if ref.table.startswith("@") or ref.table == "sources":
                continue
            target_key = TABLES[ref.table].key[0]
            add(f"{name}.{ref.column} resolves in {ref.table}",
                f"t.{ref.column} IS NOT NULL AND t.{ref.column} NOT IN (SELECT {target_key} FROM {ref.table})")
    for entity_type, (target, key) in ENTITY_TABLES.items():
        if target:
            checks.append(Check(f"claims about a {entity_type} resolve in {target}", "claims",
                                f"SELECT claim_id FROM claims WHERE entity_type = '{entity_type}' "
                                f"AND entity_id NOT IN (SELECT {key} FROM {target})"))
    for path in sorted(CHECKS_DIR.glob("*.sql")):
        checks.append(sql_check(path))
    return checks


def grain_problems(con: duckdb.DuckDBPyConnection, origins: Origins | None = None) -> list[Problem]:
    """Each mart holds one row per value of its declared grain: a duplicate is a problem naming the
    mart, its grain and the duplicated key, at the file and line of the input row with that key where
    an input table has the grain as its key (dim_cities' city_id is a row of cities); a mart built from
    several inputs otherwise has no line to name."""
    problems = []
    for mart in marts():
        key = ", ".join(f'"{c}"' for c in mart.grain)
        home = next((name for name, table in TABLES.items() if tuple(table.key) == tuple(mart.grain)), None)
        duplicated = con.execute(
            f"SELECT {key}, count(*) AS n FROM {mart.name} GROUP BY ALL HAVING count(*) > 1 "
            f"ORDER BY {key}").fetchall()
        for *values, n in duplicated:
            k = " / ".join("" if v is None else str(v) for v in values)
            found = (origins or {}).get((home, tuple("" if v is None else str(v) for v in values))) if home else None
            for file, line in found or [(f"warehouse table {mart.name}", None)]:
                problems.append(Problem(file, line, ", ".join(mart.grain), k,
                                        f"check failed: {mart.name} holds one row per {', '.join(mart.grain)}, "
                                        f"but {n} rows share this one"))
    return problems


def sql_check(path: Path) -> Check:
    """A check in sql/checks/: its first line describes it, a '-- table: name' line names the table
    whose key columns it selects."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    table = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("-- table:"))
    return Check(lines[0].lstrip("- ").strip(), table, text)


Origins = dict[tuple[str, tuple[str, ...]], list[tuple[str, int]]]


def origins_of(rows: dict[str, list]) -> Origins:
    """(table, key values) -> the files and lines of the input rows with that key."""
    found: Origins = {}
    for name, table in TABLES.items():
        for row in rows.get(name, []):
            key = tuple(row.values.get(k, "") for k in table.key)
            found.setdefault((name, key), []).append((row.file, row.line))
    return found


def run_checks(con: duckdb.DuckDBPyConnection, origins: Origins | None = None) -> list[Problem]:
    """A problem per refused row, at the file and line it was read from; then each mart's grain."""
    problems = []
    for check in schema_checks():
        key_columns = TABLES[check.table].key
        for violating in con.execute(check.sql).fetchall():
            key = tuple("" if v is None else str(v) for v in violating)
            where = (origins or {}).get((check.table, key)) or [("warehouse", None)]
            for file, line in where:
                problems.append(Problem(file, line, ", ".join(key_columns), " / ".join(key),
                                        f"check failed: {check.description}"))
    return problems + grain_problems(con, origins)
