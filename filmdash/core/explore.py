"""The data explorer's SQL: any published table, filtered, searched, sorted and paged in DuckDB.

Identifiers (table and column names) come only from the warehouse's own catalogue (duckdb_tables,
duckdb_columns) and are matched against it before they are quoted into SQL; every value a reader
gives (facet values, the search text, the page) is a $parameter. Nothing here loads a whole table
into pandas except the whole-table download, which asks for it.

Search folds the query (lower case, Traditional characters as Simplified, with the character table
generated from OpenCC: etl/folding.py) and looks for each term in the table's search keys, which the
build folded the same way once per row (search."<table>__key": all of a row's text in one column): one
`contains` per term over one column, then the rows by rowid. 青島 and 青岛 find the same rows,
whichever script a row holds. A warehouse without keys for a table (built before they existed) is
searched column by column, each character of a term matched in either script (every spelling as a
substring, 青岛 青島 青嶋, or the pattern '青[岛島嶋]').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb
import pandas as pd

from etl.folding import KEY_SUFFIX, SEARCH_SCHEMA, fold, key_table, t2s  # noqa: F401 (fold: this module's interface)

MISSING = "__missing__"  # the URL value of a facet's missing (NULL) value
PAGE_SIZES = (25, 50, 100, 200)
FACET_TYPES = ("VARCHAR", "BOOLEAN", "INTEGER", "BIGINT", "SMALLINT", "TINYINT")
FACET_MAX_VALUES = 30  # a column with more distinct values is searched, not faceted
FACETS_SHOWN = 6
SOURCE_COLUMNS = ("publisher", "title", "published", "url")


class UnknownName(ValueError):
    """A table or column that the warehouse's catalogue does not hold."""


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    comment: str | None


@dataclass(frozen=True)
class Table:
    name: str
    comment: str | None
    rows: int
    columns: tuple[Column, ...]
    keyed: bool = False  # search."<name>__key" holds a search key for each of its rows

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise UnknownName(f"{self.name} has no column {name!r}")

    @property
    def text_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.data_type == "VARCHAR"]

    @property
    def has_sources(self) -> bool:
        return "source_id" in self.names and self.name != "sources"


@dataclass(frozen=True)
class Selection:
    """What a reader asked for: all of it lives in the URL."""

    table: str
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    q: str = ""
    sort: str | None = None
    desc: bool = False
    page: int = 1
    page_size: int = 50

    def filter_dict(self) -> dict[str, list[str]]:
        return {col: list(values) for col, values in self.filters}

    @property
    def filtered(self) -> bool:
        return bool(self.filters) or bool(self.q.strip())


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- the catalogue -------------------------------------------------------------------------------

CATALOGUE_TABLES = """
SELECT table_name, comment, estimated_size FROM duckdb_tables()
WHERE NOT internal AND NOT temporary AND schema_name = 'main' AND database_name = current_database()
ORDER BY table_name"""
CATALOGUE_COLUMNS = """
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
ORDER BY table_name, column_index"""
SEARCH_KEY_TABLES = """
SELECT table_name FROM duckdb_tables()
WHERE schema_name = $schema AND database_name = current_database() AND NOT temporary"""


CATALOGUE_TEXTS = """
SELECT table_name, column_name, text FROM descriptions WHERE lang = $lang"""
HAS_TEXTS = """
SELECT count(*) FROM duckdb_tables()
WHERE table_name = 'descriptions' AND schema_name = 'main' AND database_name = current_database()"""


def texts(con: duckdb.DuckDBPyConnection, lang: str) -> dict[tuple[str, str | None], str]:
    """(table, column or None) -> its description in lang, from the warehouse's `descriptions` table
    (etl/descriptions.py: English, Simplified Chinese, and Traditional converted by OpenCC); empty
    for English, whose texts are the COMMENT ON, and for a warehouse that has no such table."""
    if lang == "en" or not con.execute(HAS_TEXTS).fetchone()[0]:
        return {}
    return {(t, c): text for t, c, text in con.execute(CATALOGUE_TEXTS, {"lang": lang}).fetchall()}


def catalogue(con: duckdb.DuckDBPyConnection, lang: str = "en") -> dict[str, Table]:
    """Every published table with its description and its columns' meanings in the reader's language,
    read from the warehouse (COMMENT ON in English, the descriptions table in Chinese; never a second
    copy that could drift). Row counts are exact."""
    translated = texts(con, lang)
    columns: dict[str, list[Column]] = {}
    for table, column, dtype, comment in con.execute(CATALOGUE_COLUMNS).fetchall():
        columns.setdefault(table, []).append(Column(column, dtype, translated.get((table, column), comment)))
    keys = {name.removesuffix(KEY_SUFFIX)
            for (name,) in con.execute(SEARCH_KEY_TABLES, {"schema": SEARCH_SCHEMA}).fetchall()}
    out = {}
    for table, comment, _ in con.execute(CATALOGUE_TABLES).fetchall():
        rows = con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone()[0]
        # a key points at its row by rowid: a published table's rowids are 0 .. rows - 1
        keyed = table in keys and con.execute(
            f"SELECT count(*), max(row_id) FROM {key_table(table)}").fetchone() == (rows, rows - 1 if rows else None)
        out[table] = Table(table, translated.get((table, None), comment), int(rows), tuple(columns.get(table, ())),
                           keyed)
    return out


def table_of(tables: dict[str, Table], name: str) -> Table:
    if name not in tables:
        raise UnknownName(f"no published table {name!r}")
    return tables[name]


def facet_columns(con: duckdb.DuckDBPyConnection, table: Table) -> list[str]:
    """Columns worth a facet: 2 to 30 distinct values, each held by two rows or more on average
    (a column of names or quotes is searched, not faceted)."""
    candidates = [c.name for c in table.columns if c.data_type in FACET_TYPES]
    if not candidates or table.rows < 2:
        return []
    stats = con.execute("SELECT " + ", ".join(f"approx_count_distinct({quote_ident(c)}), count({quote_ident(c)})"
                                              for c in candidates) + f" FROM {quote_ident(table.name)}").fetchone()
    return [c for i, c in enumerate(candidates)
            if 2 <= stats[2 * i] <= FACET_MAX_VALUES and stats[2 * i + 1] >= 2 * stats[2 * i]][:FACETS_SHOWN]


# --- search folding ------------------------------------------------------------------------------

@cache
def variants() -> dict[str, str]:
    """Simplified character -> itself and every Traditional character folded to it ('岛' -> '岛島嶋')."""
    out: dict[str, str] = {}
    for trad, simple in t2s().items():
        out[simple] = out.get(simple, simple) + trad
    return out


def term_pattern(term: str) -> str | None:
    """A case-insensitive RE2 pattern matching a folded term in either script ('(?i)青[岛島嶋]'), or
    None when no character of it has a Traditional form (then a plain ILIKE does)."""
    table = variants()
    if not any(ch in table for ch in term):
        return None
    parts = []
    for ch in term:
        forms = table.get(ch)
        parts.append("[" + "".join(_re_escape(f) for f in forms) + "]" if forms else _re_escape(ch))
    return "(?i)" + "".join(parts)


MAX_SPELLINGS = 16


def spellings(term: str) -> list[str] | None:
    """Every spelling of a folded term with no upper or lower case (Chinese) in either script, for
    plain substring matches ('青岛' -> ['青岛', '青島', '青嶋']); None when the term has cased letters
    or more than MAX_SPELLINGS spellings (then the RE2 pattern matches them). A substring match scans
    a million rows about twice as fast as the pattern."""
    if term.lower() != term.upper():
        return None
    forms = [variants().get(ch, ch) for ch in term]
    count = 1
    for f in forms:
        count *= len(f)
    if count > MAX_SPELLINGS:
        return None
    out = [""]
    for f in forms:
        out = [head + ch for head in out for ch in f]
    return out


def _re_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\.^$|?*+()[]{}-/" else ch


def like_pattern(term: str) -> str:
    """'%term%' for ILIKE ... ESCAPE '\\', with the term's own % _ and \\ taken literally."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# --- the SQL -------------------------------------------------------------------------------------

def _filter_clauses(table: Table, sel: Selection, params: dict, skip: str | None = None) -> list[str]:
    clauses = []
    for i, (col, values) in enumerate(sel.filters):
        if col == skip:
            continue
        ident = quote_ident(table.column(col).name)
        real = [v for v in values if v != MISSING]
        parts = []
        if real:
            params[f"f{i}"] = real
            parts.append(f"list_contains($f{i}, CAST({ident} AS VARCHAR))")
        if MISSING in values:
            parts.append(f"{ident} IS NULL")
        if parts:
            clauses.append("(" + " OR ".join(parts) + ")")
    return clauses


def _search_clauses(table: Table, sel: Selection, params: dict) -> list[str]:
    """Each term must be found in the row's text; in either Chinese script; case-insensitively."""
    terms = fold(sel.q).split()
    if terms and table.keyed:  # one pass over one folded column, then the rows it found by rowid
        for j, term in enumerate(terms):
            params[f"q{j}"] = term
        found = " AND ".join(f"contains(key, $q{j})" for j in range(len(terms)))
        return [f"rowid IN (SELECT row_id FROM {key_table(table.name)} WHERE {found})"]
    return _search_clauses_by_column(table, terms, params)


def _search_clauses_by_column(table: Table, terms: list[str], params: dict) -> list[str]:
    """Without search keys: per column, a substring match for a term without case, ILIKE or RE2
    otherwise, each character in either script."""
    clauses = []
    texts = [quote_ident(c) for c in table.text_columns]
    for j, term in enumerate(terms):
        if not texts:
            return ["false"]
        forms = spellings(term)
        pattern = term_pattern(term)
        if forms is not None:
            names = []
            for k, form in enumerate(forms):
                params[f"q{j}_{k}"] = form
                names.append(f"$q{j}_{k}")
            clauses.append("(" + " OR ".join(f"contains({c}, {n})" for c in texts for n in names) + ")")
        elif pattern is None:
            params[f"q{j}"] = like_pattern(term)
            clauses.append("(" + " OR ".join(f"{c} ILIKE $q{j} ESCAPE '\\'" for c in texts) + ")")
        else:
            params[f"q{j}"] = pattern
            clauses.append("(" + " OR ".join(f"regexp_matches({c}, $q{j})" for c in texts) + ")")
    return clauses


def _where(table: Table, sel: Selection, params: dict, skip: str | None = None) -> str:
    clauses = _filter_clauses(table, sel, params, skip) + _search_clauses(table, sel, params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _order(table: Table, sel: Selection) -> str:
    sort = sel.sort if sel.sort is not None else table.names[0]
    ident = quote_ident(table.column(sort).name)
    return f" ORDER BY {ident} {'DESC' if sel.desc else 'ASC'} NULLS LAST, rowid"


def count(con: duckdb.DuckDBPyConnection, table: Table, sel: Selection) -> int:
    params: dict = {}
    sql = f"SELECT count(*) FROM {quote_ident(table.name)}" + _where(table, sel, params)
    return int(con.execute(sql, params or None).fetchone()[0])


def rows(con: duckdb.DuckDBPyConnection, table: Table, sel: Selection, whole: bool = False) -> pd.DataFrame:
    """One page of the selection (whole=True: every matching row), sorted, as published."""
    params: dict = {}
    source, where, order = quote_ident(table.name), _where(table, sel, params), _order(table, sel)
    sql = f"SELECT * FROM {source}" + where + order
    if not whole:
        params["limit"] = int(sel.page_size)
        params["offset"] = int(max(sel.page - 1, 0) * sel.page_size)
        # the page's rowids first, from the sort column alone; then only those rows whole (a deep
        # page of a million rows no longer reads every column of every row before it)
        sql = (f"SELECT * FROM {source} WHERE rowid IN (SELECT rowid FROM {source}" + where + order
               + " LIMIT $limit OFFSET $offset)" + order)
    return con.execute(sql, params or None).df()


def facets(con: duckdb.DuckDBPyConnection, table: Table, sel: Selection, columns: list[str]) -> dict[str, list]:
    """Each facet's values with their counts under the other filters and the search (a facet does
    not narrow itself): {column: [(value or MISSING, n), ...]}, most rows first."""
    if not columns:
        return {}
    parts, params = [], {}
    for i, col in enumerate(columns):
        ident = quote_ident(table.column(col).name)
        params[f"name{i}"] = col
        parts.append(f"SELECT $name{i} AS facet, CAST({ident} AS VARCHAR) AS value, count(*) AS n "
                     f"FROM {quote_ident(table.name)}" + _where(table, sel, params, skip=col) + " GROUP BY ALL")
    result = con.execute(" UNION ALL ".join(parts), params).fetchall()
    out: dict[str, list] = {c: [] for c in columns}
    for facet, value, n in result:
        out[facet].append((MISSING if value is None else value, int(n)))
    for col in out:
        out[col].sort(key=lambda vn: (-vn[1], vn[0] == MISSING, vn[0]))
    return out


def summary(con: duckdb.DuckDBPyConnection, table: Table, sel: Selection,
            columns: list[str]) -> tuple[int, dict[str, list]]:
    """count() and facets() in one query that searches the table once: the rows the search finds
    are kept (only the columns the facets and filters need) and counted under each filter set. On a
    million rows the search is the cost; three or four scans of it were three or four times that."""
    params: dict = {}
    search = _search_clauses(table, sel, params)
    source = quote_ident(table.name)
    prefix = ""
    if search:
        needed = dict.fromkeys(quote_ident(table.column(c).name) for c in [*columns, *(c for c, _ in sel.filters)])
        prefix = (f"WITH hits AS MATERIALIZED (SELECT {', '.join(needed) or 'true AS hit'} FROM {source} "
                  f"WHERE {' AND '.join(search)}) ")
        source = "hits"

    def where(skip: str | None = None) -> str:
        clauses = _filter_clauses(table, sel, params, skip)
        return (" WHERE " + " AND ".join(clauses)) if clauses else ""

    parts = [f"SELECT CAST(NULL AS VARCHAR) AS facet, CAST(NULL AS VARCHAR) AS value, count(*) AS n FROM {source}"
             + where()]
    for i, col in enumerate(columns):
        ident = quote_ident(table.column(col).name)
        params[f"name{i}"] = col
        parts.append(f"SELECT $name{i} AS facet, CAST({ident} AS VARCHAR) AS value, count(*) AS n FROM {source}"
                     + where(skip=col) + " GROUP BY ALL")
    total, out = 0, {c: [] for c in columns}
    for facet, value, n in con.execute(prefix + " UNION ALL ".join(parts), params or None).fetchall():
        if facet is None:
            total = int(n)
        else:
            out[facet].append((MISSING if value is None else value, int(n)))
    for col in out:
        out[col].sort(key=lambda vn: (-vn[1], vn[0] == MISSING, vn[0]))
    return total, out


def source_ids(frame: pd.DataFrame) -> list[str]:
    """Every source id a frame cites, in its source_id and *_source_id(s) columns (' | ' lists split)."""
    ids: set[str] = set()
    for col in frame.columns:
        if col == "source_id" or col.endswith("_source_id") or col.endswith("_source_ids"):
            for value in frame[col].dropna():
                ids.update(v.strip() for v in str(value).split("|") if v.strip())
    return sorted(ids)


def sources(con: duckdb.DuckDBPyConnection, ids: list[str]) -> pd.DataFrame:
    """The bibliography rows of these sources (publisher, title, dates, URL, language, kind)."""
    return con.execute("SELECT * FROM sources WHERE list_contains($ids, source_id) ORDER BY source_id",
                       {"ids": list(ids)}).df()


def with_sources(frame: pd.DataFrame, bibliography: pd.DataFrame) -> pd.DataFrame:
    """The rows with their source's publisher, title, date and URL beside them (source_publisher ...)."""
    if "source_id" not in frame.columns or frame.empty:
        return frame
    extra = bibliography[["source_id", *SOURCE_COLUMNS]].rename(columns={c: f"source_{c}" for c in SOURCE_COLUMNS})
    return frame.merge(extra, on="source_id", how="left")
