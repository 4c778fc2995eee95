"""Read-only, sandboxed access to the published warehouse.

- The warehouse is whatever build/CURRENT points to, read on every query, so a newly published
  build is picked up without a restart (each build has its own file name: reconnecting to a path
  already open in this process would return the old database).
- Connections are read_only with external access disabled and the configuration locked: SQL run
  here cannot read or write any other file.
- One cursor per query: a connection shared across Streamlit sessions gave wrong results.
- Queries are named .sql files with $name parameters; results are cached per warehouse file.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from filmdash.core.paths import BUILD_DIR, QUERIES_DIR

SANDBOX = {"enable_external_access": False, "lock_configuration": True}
_lock = threading.Lock()


class WarehouseMissing(RuntimeError):
    """No warehouse has been published yet."""


def current_warehouse(build_dir: Path | None = None) -> Path:
    build_dir = build_dir or BUILD_DIR
    try:
        name = (build_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        name = ""
    path = build_dir / name
    if not name or not path.exists():
        raise WarehouseMissing(f"No warehouse is published in {build_dir}: run `make build`.")
    return path


@lru_cache(maxsize=4)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(path, read_only=True, config=SANDBOX)


def connection(build_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    path = str(current_warehouse(build_dir))
    with _lock:
        return _connection(path)


@lru_cache(maxsize=64)
def sql_text(name: str) -> str:
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file() or path.parent != QUERIES_DIR:
        raise KeyError(f"unknown query {name!r}")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1024)
def _cached(path: str, name: str, params: tuple) -> pd.DataFrame:
    cursor = _connection(path).cursor()
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    try:
        return cursor.execute(sql_text(name), values or None).df()
    finally:
        cursor.close()


def query(name: str, build_dir: Path | None = None, **params) -> pd.DataFrame:
    """Run the named query with $parameters; a copy, so callers may change it freely."""
    path = str(current_warehouse(build_dir))
    with _lock:
        _connection(path)
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _cached(path, name, frozen).copy()


def warehouse_id(build_dir: Path | None = None) -> str:
    return current_warehouse(build_dir).name


# written by bench/synthetic.py and bench/registry.py beside a warehouse of made-up rows: the app then
# shows a banner on every page
SYNTHETIC_MARKER = "SYNTHETIC.txt"


def synthetic_note(build_dir: Path | None = None) -> str | None:
    """The text of the build folder's SYNTHETIC.txt, when the warehouse served is synthetic benchmark data
    (bench/synthetic.py and bench/registry.py write one beside the warehouses they generate); None otherwise."""
    try:
        return ((build_dir or BUILD_DIR) / SYNTHETIC_MARKER).read_text(encoding="utf-8").strip() or "SYNTHETIC"
    except FileNotFoundError:
        return None
