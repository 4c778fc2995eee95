"""Check: assertions on the built warehouse, derived from the schema plus the SQL in sql/checks/.

The validator has already looked at every input cell; these run on the tables as built, so a
transform that drops, duplicates or orphans rows is caught before the warehouse is published.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.models import marts
from etl.schema import ENTITY_TABLES, TABLES, YEAR_MAX, YEAR_MIN

CHECKS_DIR = Path(__file__).resolve().parent / "sql" / "checks"


def schema_checks() -> list[tuple[str, str]]:
    """(description, SQL counting violations). Identifiers come from the schema, never from data."""
    checks = []
    for name, table in TABLES.items():
        key = ", ".join(table.key)
        checks.append((f"{name}: key ({key}) is unique",
                       f"SELECT count(*) FROM (SELECT {key} FROM {name} GROUP BY ALL HAVING count(*) > 1)"))
        for col in table.columns:
            if col.required:
                checks.append((f"{name}.{col.name} is never missing",
                               f'SELECT count(*) FROM {name} WHERE "{col.name}" IS NULL'))
            if col.accepted:
                values = ", ".join("'" + v + "'" for v in col.accepted)
                checks.append((f"{name}.{col.name} holds accepted values only",
                               f'SELECT count(*) FROM {name} WHERE "{col.name}" NOT IN ({values})'))
            if col.kind == "year":
                checks.append((f"{name}.{col.name} is a year between {YEAR_MIN} and {YEAR_MAX}",
                               f'SELECT count(*) FROM {name} WHERE "{col.name}" NOT BETWEEN {YEAR_MIN} AND {YEAR_MAX}'))
            if col.lo is not None and col.hi is not None:
                checks.append((f"{name}.{col.name} lies between {col.lo:g} and {col.hi:g}",
                               f'SELECT count(*) FROM {name} WHERE "{col.name}" NOT BETWEEN {col.lo} AND {col.hi}'))
        if table.sourced or "source_id" in table.column_names:
            checks.append((f"{name}: every source_id resolves in sources",
                           f"SELECT count(*) FROM {name} t ANTI JOIN sources s USING (source_id)"))
        for ref in table.references:
            if ref.table.startswith("@") or ref.table == "sources":
                continue
            target_key = TABLES[ref.table].key[0]
            checks.append((f"{name}.{ref.column} resolves in {ref.table}",
                           f"SELECT count(*) FROM {name} t WHERE t.{ref.column} IS NOT NULL AND t.{ref.column} "
                           f"NOT IN (SELECT {target_key} FROM {ref.table})"))
    for entity_type, (target, key) in ENTITY_TABLES.items():
        if target:
            checks.append((f"claims about a {entity_type} resolve in {target}",
                           f"SELECT count(*) FROM claims WHERE entity_type = '{entity_type}' "
                           f"AND entity_id NOT IN (SELECT {key} FROM {target})"))
    for path in sorted(CHECKS_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0].lstrip("- ").strip()
        checks.append((first, f"SELECT count(*) FROM ({text})"))
    return checks


def grain_failures(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Each mart holds one row per value of its declared grain; a duplicate names its keys."""
    failures = []
    for mart in marts():
        key = ", ".join(f'"{c}"' for c in mart.grain)
        duplicated = con.execute(
            f"SELECT concat_ws(' / ', {key}) AS k, count(*) AS n FROM {mart.name} GROUP BY ALL HAVING count(*) > 1 "
            "ORDER BY k").fetchall()
        if duplicated:
            shown = ", ".join(f"{k} ({n} rows)" for k, n in duplicated[:10])
            more = f" and {len(duplicated) - 10} more" if len(duplicated) > 10 else ""
            failures.append(f"check failed: {mart.name} holds one row per {', '.join(mart.grain)}; duplicated: "
                            f"{shown}{more}")
    return failures


def run_checks(con: duckdb.DuckDBPyConnection) -> list[str]:
    failures = grain_failures(con)
    for description, sql in schema_checks():
        (violations,) = con.execute(sql).fetchone()
        if violations:
            failures.append(f"check failed: {description} ({violations} row(s) violate it)")
    return failures
