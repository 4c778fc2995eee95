"""Independent queries on the shipped warehouse (build/CURRENT), for the tests' expected values: the
tests' own SQL, never the page's .sql files, through the app's sandboxed read-only connection."""

from __future__ import annotations

from filmdash.core import db


def rows(sql: str, params=None) -> list[tuple]:
    cursor = db.connection().cursor()
    try:
        return cursor.execute(sql, params or []).fetchall()
    finally:
        cursor.close()
