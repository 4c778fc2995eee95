"""The marts (etl/sql/marts/*.sql): one SQL model a file, described in its leading comment lines.

    -- What the mart holds (any number of lines).
    -- [zh] 同一说明的简体中文（任意行数）
    -- @grain: city_id                  the columns that make a row unique (the build refuses duplicates)
    -- column_name: what the column means (stored as COMMENT ON COLUMN in the warehouse)
    -- column_name [zh]: 该列含义的简体中文

Each English text has its Simplified Chinese beside it, in the same file: the build refuses one
without the other (etl/descriptions.py), and derives the Traditional Chinese from it with OpenCC.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

SQL_DIR = Path(__file__).resolve().parent / "sql"
_COLUMN = re.compile(r"^([a-z_][a-z0-9_]*)( \[zh\])?:\s+(.*)$")
_ZH = "[zh]"
_GRAIN = re.compile(r"^@grain:\s*([a-z_][a-z0-9_]*(?:\s*,\s*[a-z_][a-z0-9_]*)*)\s*$")


class Mart(NamedTuple):
    name: str
    description: str
    columns: dict[str, str]
    sql: str
    grain: tuple[str, ...]
    zh: str = ""  # the description in Simplified Chinese
    columns_zh: dict[str, str] = {}  # the columns' meanings in Simplified Chinese


def parse_model(path: Path) -> Mart:
    text = path.read_text(encoding="utf-8")
    name = re.sub(r"^\d+_", "", path.stem)
    description, columns, grain, zh, columns_zh = [], {}, (), [], {}
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        body = line[2:].strip()
        if body.startswith("@"):
            m = _GRAIN.match(body)
            if not m:
                raise ValueError(f"{path.name}: unreadable declaration {body!r} (expected '@grain: col, col')")
            grain = tuple(c.strip() for c in m.group(1).split(","))
        elif m := _COLUMN.match(body):
            (columns_zh if m.group(2) else columns)[m.group(1)] = m.group(3)
        elif body.startswith(_ZH):
            zh.append(body[len(_ZH):].strip())
        elif body:
            description.append(body)
    if not grain:
        raise ValueError(f"{path.name}: no '-- @grain: ...' line: every mart declares the columns that make a row unique")
    return Mart(name, " ".join(description), columns, text, grain, "".join(zh), columns_zh)


def marts() -> list[Mart]:
    return [parse_model(p) for p in sorted((SQL_DIR / "marts").glob("*.sql"))]


class Macro(NamedTuple):
    name: str
    description: str
    sql: str


def macros() -> list[Macro]:
    """The table macros (etl/sql/macros/*.sql, one CREATE MACRO a file, named as the file): the one
    definition of a filter that several of the app's queries share."""
    out = []
    for path in sorted((SQL_DIR / "macros").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        lines = [line[2:].strip() for line in text.splitlines() if line.startswith("--")]
        if f"CREATE MACRO {path.stem}(" not in text:
            raise ValueError(f"{path.name}: expected 'CREATE MACRO {path.stem}(...)'")
        out.append(Macro(path.stem, " ".join(lines), text))
    return out
