"""Read-only SQL for researchers, safe on a public server.

Four layers, each enough on its own for what it guards:
1. one statement, parsed by DuckDB itself (duckdb.extract_statements): only a query (SELECT, WITH,
   VALUES, FROM ...) or DESCRIBE / SHOW / SUMMARIZE of a published table; COPY, ATTACH, INSTALL,
   LOAD, SET, PRAGMA, CALL, EXPLAIN, DDL and DML are refused before anything runs;
2. the query's syntax tree (json_serialize_sql): every table it reads is a published table or one of
   its own CTEs, every table function is on a short list (range, unnest ...), and no function that
   reads files, the environment or settings (read_csv, glob, getenv ...) appears anywhere;
3. the connection: read-only, enable_external_access = false, lock_configuration = true (db.SANDBOX);
4. a row cap (the query is wrapped in a LIMIT) and a time limit: a timer calls interrupt() on this
   query's own cursor, so a runaway cross join stops and other viewers' queries carry on.
Errors come back as a translation key and DuckDB's one-line message, never a traceback.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from functools import cache

import duckdb
import pandas as pd

from filmdash.core.paths import QUERIES_DIR

ROW_CAP = 5000
TIMEOUT_S = 5.0
ALLOWED_TABLE_FUNCTIONS = {"range", "generate_series", "unnest", "duckdb_tables", "duckdb_columns"}
FORBIDDEN_FUNCTION = re.compile(
    r"^(read_.*|.*_scan|glob|getenv|current_setting|sniff_csv|parquet_.*|duckdb_secrets|duckdb_settings|"
    r"duckdb_extensions|load_extension|install_extension|query|query_table|.*http.*|.*s3.*|ducklake_.*)$")
SHOW_LIKE = re.compile(r'^\s*(describe|show|summarize)\s+("?)([A-Za-z_][A-Za-z0-9_]*)\2\s*;?\s*$', re.IGNORECASE)


class Refused(Exception):
    """A statement the SQL box will not run: key is a catalogue key, detail DuckDB's message (or '')."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key, self.detail = key, detail


@dataclass
class Result:
    frame: pd.DataFrame
    truncated: bool  # more rows than the cap: only the first ROW_CAP are kept
    seconds: float


def _walk(node, tables: set[str], table_functions: set[str], functions: set[str], ctes: set[str]) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "BASE_TABLE":
            if node.get("catalog_name") or node.get("schema_name") not in ("", "main"):
                tables.add(f"{node.get('catalog_name')}.{node.get('schema_name')}.{node.get('table_name')}")
            else:
                tables.add(node.get("table_name", ""))
        elif kind == "TABLE_FUNCTION":
            table_functions.add(str(node.get("function", {}).get("function_name", "")).lower())
        if "function_name" in node:
            functions.add(str(node["function_name"]).lower())
        cte_map = node.get("cte_map")
        if isinstance(cte_map, dict):
            for entry in cte_map.get("map", []):
                ctes.add(str(entry.get("key", "")))
        for value in node.values():
            _walk(value, tables, table_functions, functions, ctes)
    elif isinstance(node, list):
        for value in node:
            _walk(value, tables, table_functions, functions, ctes)


def check(con: duckdb.DuckDBPyConnection, sql: str, published: set[str]) -> tuple[str, bool]:
    """(the statement to run, whether it is a plain query that can be wrapped in a row cap), or Refused."""
    text = (sql or "").strip()
    if not text:
        raise Refused("sql_error_empty")
    try:
        statements = duckdb.extract_statements(text)
    except duckdb.Error as exc:
        raise Refused("sql_error_syntax", _message(exc)) from None
    if len(statements) != 1:
        raise Refused("sql_error_one_statement")
    statement = statements[0]
    if statement.type != duckdb.StatementType.SELECT:
        raise Refused("sql_error_not_a_query", statement.type.name)
    query = statement.query.strip().rstrip(";").strip()
    show = SHOW_LIKE.match(query)
    if show:
        if show.group(1).lower() == "show" and show.group(3).lower() == "tables":
            return query, False
        if show.group(3) not in published:
            raise Refused("sql_error_table", show.group(3))
        return query, False
    if re.match(r"^\s*(describe|show|summarize)\b", query, re.IGNORECASE):
        raise Refused("sql_error_describe")
    tree = json.loads(con.execute("SELECT json_serialize_sql($q)", {"q": query}).fetchone()[0])
    if tree.get("error"):
        raise Refused("sql_error_syntax", str(tree.get("error_message", "")))
    tables: set[str] = set()
    table_functions: set[str] = set()
    functions: set[str] = set()
    ctes: set[str] = set()
    _walk(tree["statements"], tables, table_functions, functions, ctes)
    forbidden = sorted(f for f in functions | table_functions if FORBIDDEN_FUNCTION.match(f))
    if forbidden:
        raise Refused("sql_error_function", ", ".join(forbidden))
    unknown_functions = sorted(table_functions - ALLOWED_TABLE_FUNCTIONS)
    if unknown_functions:
        raise Refused("sql_error_function", ", ".join(unknown_functions))
    unknown_tables = sorted(tables - published - ctes)
    if unknown_tables:
        raise Refused("sql_error_table", ", ".join(unknown_tables))
    return query, True


def _message(exc: Exception) -> str:
    """DuckDB's message without its internal detail: the first line, at most 300 characters."""
    return str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__


def run(con: duckdb.DuckDBPyConnection, sql: str, published: set[str], params: dict | None = None,
        row_cap: int = ROW_CAP, timeout: float = TIMEOUT_S) -> Result:
    """Check, then run on a cursor of its own with a row cap and a time limit."""
    cursor = con.cursor()
    try:
        query, wrappable = check(cursor, sql, published)
        statement = f"SELECT * FROM ({query}) AS researcher_query LIMIT {int(row_cap) + 1}" if wrappable else query
        timer = threading.Timer(timeout, cursor.interrupt)
        started = time.perf_counter()
        timer.start()
        try:
            frame = cursor.execute(statement, params or None).df()
        except duckdb.InterruptException:
            raise Refused("sql_error_timeout", f"{timeout:g} s") from None
        except duckdb.PermissionException as exc:
            raise Refused("sql_error_permission", _message(exc)) from None
        except (duckdb.ParserException, duckdb.BinderException, duckdb.CatalogException) as exc:
            raise Refused("sql_error_syntax", _message(exc)) from None
        except duckdb.InvalidInputException as exc:
            if "parameter" in str(exc).lower() or "prepared" in str(exc).lower():
                raise Refused("sql_error_parameters", _message(exc)) from None
            raise Refused("sql_error_failed", _message(exc)) from None
        except duckdb.Error as exc:
            raise Refused("sql_error_failed", _message(exc)) from None
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        truncated = wrappable and len(frame) > row_cap
        return Result(frame.head(row_cap) if truncated else frame, truncated, seconds)
    finally:
        cursor.close()


# --- canned queries --------------------------------------------------------------------------------

CANNED_DIR = QUERIES_DIR / "canned"


@dataclass(frozen=True)
class Canned:
    """A named query to start from: its title and description are catalogue keys canned_<id>_title and
    canned_<id>_description; '-- param name: default' lines declare its $parameters."""

    id: str
    sql: str
    params: tuple[tuple[str, str], ...]


@cache
def canned() -> dict[str, Canned]:
    out = {}
    for path in sorted(CANNED_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        params = tuple((m[1], m[2].strip()) for m in re.finditer(r"^-- param ([a-z_]+): *(.*)$", text, re.MULTILINE))
        body = "\n".join(line for line in text.splitlines() if not line.startswith("-- param "))
        out[path.stem] = Canned(path.stem, body.strip(), params)
    return out


def typed(value: str):
    """A parameter typed in a box: an integer when it is one, else the text."""
    text = (value or "").strip()
    return int(text) if re.fullmatch(r"-?[0-9]{1,9}", text) else text


def parameters(sql: str) -> list[str]:
    """The $names a statement uses, in order of first use (not inside quotes)."""
    names: list[str] = []
    for name in re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", re.sub(r"'(?:[^']|'')*'", "''", sql or "")):
        if name not in names:
            names.append(name)
    return names
