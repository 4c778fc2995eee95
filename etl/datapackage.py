"""What every file the project hands out shares: the CSV writer (UTF-8 with BOM, CRLF rows, formulas
defused, whole numbers whole, missing values empty) and the Frictionless descriptors
(datapackage.json), with the licences that can be stated.

Used by the release (etl/export.py) and by the app's downloads (filmdash.core.exports, .package),
so a CSV and a datapackage look the same wherever they come from. etl/ imports nothing of filmdash:
the app reads this module, never the reverse. Pure: pandas in, bytes and dicts out.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                            and getattr(value, "ndim", 0) == 1):
        value = " | ".join(map(str, list(value)))
    # A cell starting with = + - @ is run as a formula by Excel: prefix it so it stays text.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _whole(column: pd.Series) -> bool:
    """A float column holding only whole numbers and gaps: a count with missing values (5, not 5.0)."""
    values = column.dropna()
    return pd.api.types.is_float_dtype(column) and not values.empty and bool((values == values.round()).all())


def _defused(column: pd.Series) -> pd.Series:
    """_cell over a column; a column of plain strings (and gaps) vectorised, the same result at C speed."""
    if pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty"):
        text = column.astype(object)
        formula = text.str.startswith(FORMULA_START, na=False)
        return text.where(~formula, "'" + text).astype(object)
    return column.map(_cell).astype(object)


def safe_frame(frame: pd.DataFrame, whole: set[str] | None = None) -> pd.DataFrame:
    """Lists joined with ' | ', formula-like text defused; whole numbers stay whole when a value is missing;
    other numbers and missing values untouched. `whole` names the float columns to write as whole numbers,
    decided over a whole table when it is written in chunks (one chunk alone cannot tell)."""
    out = frame.copy()
    for col in out.columns:
        if (col in whole and pd.api.types.is_float_dtype(out[col])) if whole is not None else _whole(out[col]):
            out[col] = out[col].astype("Int64")
        elif not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = _defused(out[col])
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark: Excel then reads Chinese correctly. Missing stays empty. Rows end
    in CRLF (RFC 4180), so a value holding a carriage return is quoted and does not split its row."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def write_csv_chunks(path, chunks, whole: set[str]) -> int:
    """csv_bytes' file for a table read in chunks (DataFrames with the same columns, the first possibly
    empty), written chunk by chunk so a million rows never sit in memory at once; returns the row count."""
    rows = 0
    with open(path, "wb") as f:
        for i, chunk in enumerate(chunks):
            if i and chunk.empty:
                continue
            text = safe_frame(chunk, whole).to_csv(index=False, header=i == 0, lineterminator="\r\n")
            f.write(text.encode("utf-8-sig" if i == 0 else "utf-8"))
            rows += len(chunk)
    return rows


# --- Frictionless descriptors ----------------------------------------------------------------------

PROJECT = "Film Cities Dashboard"


PROJECT_ZH = "电影城市数据"


AUTHORS = "Film Cities Dashboard contributors"


AUTHORS_ZH = "Film Cities Dashboard 贡献者"


MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet": "application/vnd.apache.parquet", "json": "application/json", "zip": "application/zip"}


# Licences we can state: the reference data's own. Every other source is a publisher's page, quoted
# (at most 30 words) and cited, never relicensed.
SOURCE_LICENCES = {"ref-geonames": "CC-BY-4.0 (GeoNames)", "ref-iso3166": "LGPL-2.1-or-later (Debian iso-codes)"}


QUOTED = "Publisher's copyright; a short quote (at most 30 words) cited for reference, not relicensed"


PACKAGE_LICENCES = [
    {"name": "CC-BY-4.0", "title": "GeoNames city coordinates and names",
     "path": "https://creativecommons.org/licenses/by/4.0/"},
    {"name": "LGPL-2.1-or-later", "title": "ISO 3166 country names from Debian iso-codes",
     "path": "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html"},
]


FIELD_TYPES = {"VARCHAR": "string", "BIGINT": "integer", "INTEGER": "integer", "SMALLINT": "integer",
               "TINYINT": "integer", "HUGEINT": "integer", "UBIGINT": "integer", "UINTEGER": "integer",
               "DOUBLE": "number", "FLOAT": "number", "REAL": "number", "BOOLEAN": "boolean", "DATE": "date",
               "TIMESTAMP": "datetime", "TIMESTAMP WITH TIME ZONE": "datetime", "TIME": "time"}


def build_date(build_id: str) -> str:
    """'warehouse-20261207T174521-...' -> '2026-12-07' (the date the build ran)."""
    match = re.search(r"(\d{4})(\d{2})(\d{2})T", build_id)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else dt.date.today().isoformat()


def sources_with_licences(bibliography: pd.DataFrame) -> pd.DataFrame:
    """The bibliography with each source's licence as far as it can be stated."""
    frame = bibliography.copy()
    frame["licence"] = [SOURCE_LICENCES.get(s, QUOTED) for s in frame["source_id"]] if len(frame) else []
    return frame


def field_type(duckdb_type: str) -> str:
    return FIELD_TYPES.get(duckdb_type.upper(), "any" if "[" in duckdb_type or "(" in duckdb_type else "string")


def slug(text: str) -> str:
    """A Frictionless name: lower case, digits, '-', '_' and '.' only."""
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "data"


def csv_resource(name: str, path: str, columns, description: str | None = None, rows: int | None = None,
                 sha256: str | None = None, translations: dict | None = None) -> dict:
    """A tabular CSV resource as csv_bytes writes it (UTF-8 with BOM, CRLF, empty = missing).
    translations: column name (None for the resource) -> {language: description}, kept beside the
    `description` in a custom `descriptions` property (the warehouse's descriptions table)."""
    translations = translations or {}

    def described(key, text) -> dict:
        out = {"description": text} if text else {}
        return {**out, "descriptions": translations[key]} if translations.get(key) else out

    resource = {
        "name": slug(name), "path": path, "type": "table", "scheme": "file", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8-sig",
        "schema": {"fields": [{"name": n, "type": field_type(t), **described(n, c)} for n, t, c in columns],
                   "missingValues": [""]},
    }
    resource.update(described(None, description))
    if sha256:
        resource["hash"] = f"sha256:{sha256}"
    if rows is not None:
        resource["rows"] = rows
    return resource


def file_resource(name: str, path: str, fmt: str, description: str | None = None, sha256: str | None = None) -> dict:
    """A resource Frictionless lists but does not parse (Parquet, the DuckDB file)."""
    resource = {"name": slug(name), "path": path, "type": "file", "scheme": "file", "format": fmt}
    if fmt in MIME:
        resource["mediatype"] = MIME[fmt]
    if description:
        resource["description"] = description
    if sha256:
        resource["hash"] = f"sha256:{sha256}"
    return resource


def datapackage(name: str, title: str, description: str, version: str, created: str, resources: list[dict],
                sources: list[dict] | None = None) -> dict:
    return {
        "name": slug(name), "title": title, "description": description, "version": version,
        "created": f"{created}T00:00:00Z", "licenses": PACKAGE_LICENCES,
        "contributors": [{"title": AUTHORS, "role": "author"}],
        "sources": sources or [], "resources": resources,
    }


def package_sources(bibliography: pd.DataFrame) -> list[dict]:
    """datapackage 'sources': every cited source with its title, path (URL) and licence."""
    out = []
    for row in sources_with_licences(bibliography).to_dict("records"):
        out.append({"title": f"{row['publisher']}: {row['title']}", "path": row["url"], "licence": row["licence"]})
    return out

