"""The researchers' desk (/data): the explorer's state from the URL, its cached page of rows, the
downloads and citation pack of exactly what was asked for, the SQL box's results and the release.

No Streamlit here: the page passes the URL's values in and draws what comes out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from filmdash.core import db, explore, package, sqlbox
from filmdash.core.cache import shared
from filmdash.core.i18n import language, t
from filmdash.core.params import LONG_TEXT_LIMIT, parse_choice, parse_count, parse_text

TABS = ("browse", "sql", "release")
DEFAULT_TABLE = "companies"
FILTER_PREFIX = "f."
SCOPES = ("page", "matching", "table")
MAX_PAGE = 10**7  # past the last page is the last page; past this, not a page number


# --- state from the URL ----------------------------------------------------------------------------

def read_selection(params: Mapping[str, list[str]],
                   tables: dict[str, explore.Table]) -> tuple[explore.Selection, list[tuple[str, str]]]:
    """The explorer's selection from the URL (name -> every value given) and what in it was ignored,
    as (parameter, value) pairs: an unknown table, column, sort or page size, a page that is not a
    page number, search text or a filter value no one could type (core.params.parse_text) falls
    back to its default, never to an error."""
    ignored: list[tuple[str, str]] = []
    first = {k: (v[0] if v else None) for k, v in params.items()}
    name = first.get("table") or DEFAULT_TABLE
    if name not in tables:
        ignored.append(("table", name))
        name = DEFAULT_TABLE if DEFAULT_TABLE in tables else sorted(tables)[0]
    table = tables[name]
    filters = []
    for key, values in params.items():
        if key.startswith(FILTER_PREFIX):
            col = key[len(FILTER_PREFIX):]
            if col not in table.names:
                ignored.append((key, ",".join(values)))
                continue
            refused = [v for v in values if v and parse_text(v, LONG_TEXT_LIMIT, multiline=True) is None]
            ignored += [(key, v) for v in refused]
            kept = tuple(dict.fromkeys(v for v in values if v and v not in refused))
            if kept:
                filters.append((col, kept))
    q = parse_text(first.get("q")) if first.get("q") is not None else ""
    if q is None:
        ignored.append(("q", first["q"]))
    sort_raw = first.get("sort") or ""
    desc = sort_raw.startswith("-")
    sort = sort_raw.lstrip("-") or None
    if sort is not None and sort not in table.names:
        ignored.append(("sort", sort_raw))
        sort, desc = None, False
    size = parse_choice(first.get("size"), [str(n) for n in explore.PAGE_SIZES])
    if first.get("size") is not None and size is None:
        ignored.append(("size", first["size"]))
    page = parse_count(first.get("page"), 1, MAX_PAGE)
    if first.get("page") is not None and page is None:
        ignored.append(("page", first["page"]))
    return explore.Selection(name, tuple(sorted(filters)), (q or "").strip(), sort, desc, page or 1,
                             int(size) if size is not None else 50), ignored


def url_params(sel: explore.Selection, tab: str = "browse") -> list[tuple[str, str]]:
    """The URL's query for a selection (defaults left out), filters as repeated f.<column>= values."""
    out = [("tab", tab)] if tab != "browse" else []
    out.append(("table", sel.table))
    out += [(f"{FILTER_PREFIX}{col}", v) for col, values in sel.filters for v in values]
    if sel.q:
        out.append(("q", sel.q))
    if sel.sort:
        out.append(("sort", ("-" if sel.desc else "") + sel.sort))
    if sel.page_size != 50:
        out.append(("size", str(sel.page_size)))
    if sel.page != 1:
        out.append(("page", str(sel.page)))
    return out


def share_url(base: str, params: list[tuple[str, str]]) -> str:
    return base.split("?")[0] + ("?" + urlencode(params) if params else "")


def last_page(total: int, size: int) -> int:
    return max(1, -(-total // size))


# --- the warehouse, cached by its file ----------------------------------------------------------------

def tables(warehouse: str, lang: str | None = None) -> dict[str, explore.Table]:
    """The published tables, their descriptions and columns' meanings in lang (the page's by default)."""
    return _tables(warehouse, lang or language())


@lru_cache(maxsize=24)
def _tables(warehouse: str, lang: str) -> dict[str, explore.Table]:
    return _with_cursor(explore.catalogue, lang)


@lru_cache(maxsize=64)
def facet_columns(warehouse: str, table: str) -> list[str]:
    return _with_cursor(explore.facet_columns, tables(warehouse)[table])


def _with_cursor(fn, *args):
    cursor = db.connection().cursor()
    try:
        return fn(cursor, *args)
    finally:
        cursor.close()


@dataclass(frozen=True)
class Matches:
    """What a table's filters and search select, whatever the sort and page: the number of rows
    and each facet's counts. Cached apart from the rows, so a page turn, a sort or a page size
    reruns one query (the page) instead of three."""
    total: int
    facets: dict


@dataclass(frozen=True)
class PageRows:
    rows: pd.DataFrame  # the page's rows with their sources' publisher, title, date and URL
    page: int  # the page shown: the one asked for, or the last page when it asked past the end


def matching(sel: explore.Selection) -> explore.Selection:
    """The part of a selection that decides which rows match (table, filters, search)."""
    return explore.Selection(sel.table, sel.filters, sel.q)


def matches(warehouse: str, sel: explore.Selection) -> Matches:
    return _matches(warehouse, matching(sel))


@shared(maxsize=256)
def _matches(warehouse: str, sel: explore.Selection) -> Matches:
    table = tables(warehouse)[sel.table]

    return Matches(*_with_cursor(explore.summary, table, sel, facet_columns(warehouse, sel.table)))


def page_rows(warehouse: str, sel: explore.Selection) -> PageRows:
    """One page of rows, a page past the end clamped to the last one."""
    total = matches(warehouse, sel).total
    return _page_rows(warehouse, replace(sel, page=min(sel.page, last_page(total, sel.page_size))))


@shared(maxsize=256)
def _page_rows(warehouse: str, sel: explore.Selection) -> PageRows:
    table = tables(warehouse)[sel.table]
    rows = _with_cursor(explore.rows, table, sel)
    if not table.has_sources:  # the bibliography itself, or a table that cites nothing
        return PageRows(rows, sel.page)
    # the same (cached) query as the page's Sources popover, which lists these ids
    bibliography = db.query("sources_by_id", ids=sorted(set(rows["source_id"].dropna())))
    return PageRows(explore.with_sources(rows, bibliography), sel.page)


def scope_selection(sel: explore.Selection, scope: str) -> explore.Selection:
    return explore.Selection(sel.table) if scope == "table" else sel


def scopes(sel: explore.Selection, shown: int, total: int, table_rows: int) -> list[tuple[str, int]]:
    """The downloads worth offering, with their row counts: never the same file under two names."""
    out = []
    if shown < total:
        out.append(("page", shown))
    if sel.filtered and total != table_rows:
        out.append(("matching", total))
    out.append(("table", table_rows))
    return out


def about(warehouse: str, sel: explore.Selection, scope: str, rows: int, url: str,
          lang: str | None = None) -> package.About:
    """What a download holds, its description and columns' meanings in lang (the page's)."""
    return _about(warehouse, sel.table, filters_text(sel, scope), rows, url, lang)


def _about(warehouse: str, name: str, filters: str, rows: int, url: str, lang: str | None) -> package.About:
    table = tables(warehouse, lang)[name]
    return package.About(name, table.comment, filters, url, Path(warehouse).stem,
                         package.build_date(Path(warehouse).name), rows,
                         tuple((c.name, c.data_type, c.comment) for c in table.columns))


def filters_text(sel: explore.Selection, scope: str = "matching") -> str:
    """The filters in words for files (published names, the values as held): '' for the whole table."""
    if scope == "table":
        return ""
    parts = [f"{col} = {' | '.join('(missing)' if v == explore.MISSING else v for v in values)}"
             for col, values in sel.filters]
    if sel.q:
        parts.append(f"search = {sel.q}")
    if scope == "page":
        parts.append(f"sort = {'-' if sel.desc else ''}{sel.sort or '(first column)'}")
        parts.append(f"page {sel.page} of {sel.page_size} rows")
    return "; ".join(parts)


def file_stem(warehouse: str, sel: explore.Selection, scope: str) -> str:
    parts = []
    if scope != "table":
        parts += [f"{col}-{'+'.join(values)}" for col, values in sel.filters]
        if sel.q:
            parts.append(f"q-{sel.q}")
    if scope == "page":
        parts.append(f"p{sel.page}x{sel.page_size}")
    return package.file_stem(sel.table, parts, package.build_date(Path(warehouse).name))


def scope_frame(warehouse: str, sel: explore.Selection, scope: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows as published, their bibliography) for a download: the page, every match or the table."""
    table = tables(warehouse)[sel.table]

    def work(cursor):
        if scope == "page":
            total = explore.count(cursor, table, sel)
            frame = explore.rows(cursor, table, replace(sel, page=min(sel.page, last_page(total, sel.page_size))))
        else:
            frame = explore.rows(cursor, table, scope_selection(sel, scope), whole=True)
        return frame, explore.sources(cursor, explore.source_ids(frame))

    return _with_cursor(work)


def download(warehouse: str, sel: explore.Selection, scope: str, fmt: str, url: str,
             lang: str | None = None) -> bytes:
    """The bytes of one download (built when its button is clicked: give the page's lang, which a
    click served outside the page's run does not know), descriptions in lang."""
    frame, bibliography = scope_frame(warehouse, sel, scope)
    info = about(warehouse, sel, scope, len(frame), url, lang)
    if fmt == "zip":
        return package.citation_pack(frame, info, bibliography, file_stem(warehouse, sel, scope))
    return package.file_bytes(fmt, frame, info, bibliography)


def frame_download(warehouse: str, table: str, frame: pd.DataFrame, filters: str, fmt: str, url: str,
                   lang: str | None = None) -> bytes:
    """A download of rows another page shows (published names, source ids and quotes kept), with the
    table's column meanings in lang and a Sources sheet that resolves every source id."""
    info = _about(warehouse, table, filters, len(frame), url, lang)
    return package.file_bytes(fmt, frame, info, bibliography(frame))


def table_downloads(warehouse: str, table: str, shown: pd.DataFrame, filters: str, url: str, key: str,
                    lang: str | None = None) -> list[tuple]:
    """(label, build, file name, mime, key) for another page's list: the rows shown (when they are
    not the whole table) and the whole table, as CSV and XLSX, with source ids and quotes kept."""
    lang = lang or language()
    total = tables(warehouse)[table].rows
    day = package.build_date(Path(warehouse).name)
    out = []
    if len(shown) != total or filters:
        stem = package.file_stem(table, [key, filters.replace(" = ", "-").replace("; ", "_")], day)
        for fmt in ("csv", "xlsx"):
            out.append((t("data_download_shown_sources", lang, fmt=fmt.upper(), n=f"{len(shown):,}"),
                        lambda f=fmt: frame_download(warehouse, table, shown, filters, f, url, lang), f"{stem}.{fmt}",
                        package.MIME[fmt], f"{key}_shown_{fmt}"))
    whole = explore.Selection(table)
    for fmt in ("csv", "xlsx"):
        out.append((scope_label("table", fmt, total, lang), lambda f=fmt: download(warehouse, whole, "table", f, url, lang),
                    f"{file_stem(warehouse, whole, 'table')}.{fmt}", package.MIME[fmt], f"{key}_table_{fmt}"))
    return out


# Every company as the Companies page lists them (curated and registry, one row each): the whole-table download
# offered beside the curated table's when a registry import is present.
ALL_COMPANIES = "companies_explorer"


def registry_downloads(warehouse: str, key: str, lang: str | None = None, build_dir: Path | None = None) -> list[tuple]:
    """(label, build, file name, mime, key) for every company, registry imports included, when the warehouse
    holds one (nothing otherwise): the release's CSV and Parquet of ALL_COMPANIES (build/release/<warehouse>/,
    etl/export.py), read from disk when clicked, so a registry's million rows are never made into a file in
    the app. Nothing either when the build has written no release."""
    lang = lang or language()
    catalogue = tables(warehouse)
    if "registry_companies" not in catalogue or not catalogue["registry_companies"].rows:
        return []
    folder = (build_dir or db.current_warehouse().parent) / "release" / Path(warehouse).stem
    n = catalogue[ALL_COMPANIES].rows
    stem = package.file_stem(ALL_COMPANIES, [], package.build_date(Path(warehouse).name))
    out = []
    for fmt in ("csv", "parquet"):
        path = folder / fmt / f"{ALL_COMPANIES}.{fmt}"
        if path.is_file():
            out.append((t("companies_download_all", lang, fmt=fmt.upper(), n=f"{n:,}"), lambda p=path: p.read_bytes(),
                        f"{stem}.{fmt}", package.MIME[fmt], f"{key}_{fmt}"))
    return out


@lru_cache(maxsize=8)
def sco_titles(warehouse: str, since: int = 2020) -> pd.DataFrame:
    """The SCO co-productions since a year with countries, companies, source, date and quote: the
    canned query, so the download and the SQL tab give the same rows."""
    return run_sql(warehouse, sqlbox.canned()["sco_coproductions"].sql, {"since": since}).frame


# --- labels ---------------------------------------------------------------------------------------------

def table_label(table: explore.Table, lang: str | None = None) -> str:
    return t("data_table_option", lang or language(), name=table.name, n=f"{table.rows:,}")


def facet_label(value: str, n: int, lang: str | None = None) -> str:
    shown = t("data_missing", lang or language()) if value == explore.MISSING else value
    return f"{shown} ({n:,})"


def columns_table(table: explore.Table, lang: str | None = None) -> pd.DataFrame:
    """The data dictionary of one table: name, type, meaning (the warehouse's comments)."""
    lang = lang or language()
    return pd.DataFrame({t("data_col_column", lang): [c.name for c in table.columns],
                         t("data_col_type", lang): [c.data_type for c in table.columns],
                         t("data_col_meaning", lang): [c.comment for c in table.columns]})


def range_text(sel: explore.Selection, shown: int, total: int, lang: str | None = None) -> str:
    lang = lang or language()
    if total == 0:
        return t("data_no_rows", lang)
    page = min(sel.page, last_page(total, sel.page_size))
    first = (page - 1) * sel.page_size + 1
    return t("data_rows_range", lang, first=f"{first:,}", last=f"{first + shown - 1:,}", total=f"{total:,}",
             page=page, pages=last_page(total, sel.page_size))


def scope_label(scope: str, fmt: str, n: int, lang: str | None = None) -> str:
    return t(f"data_download_{scope}", lang or language(), fmt=fmt.upper(), n=f"{n:,}")


# --- SQL -----------------------------------------------------------------------------------------------

def run_sql(warehouse: str, sql: str, params: dict) -> sqlbox.Result:
    return sqlbox.run(db.connection(), sql, set(tables(warehouse)), params)


def bibliography(frame: pd.DataFrame) -> pd.DataFrame:
    """The sources a result cites (any source_id / *_source_id column), for its Sources sheet."""
    return _with_cursor(explore.sources, explore.source_ids(frame))


def sql_error(exc: sqlbox.Refused, lang: str | None = None, escape=str) -> str:
    """The refusal in words; escape(detail) for where it is shown (the page's markdown: DuckDB's
    message quotes the statement, which came from the link)."""
    lang = lang or language()
    return t(exc.key, lang, detail=escape(exc.detail)) if exc.detail else t(exc.key, lang, detail="").rstrip(" :：")


def sql_about(warehouse: str, sql: str, rows: int, url: str) -> package.About:
    return package.About("query", sql, "", url, Path(warehouse).stem, package.build_date(Path(warehouse).name), rows)


# --- the release ------------------------------------------------------------------------------------

def release(build_dir: Path | None = None) -> dict | None:
    """The release the build wrote for the warehouse being served: its zip, checksums and tables,
    or None when there is none (the app never offers the live warehouse file itself)."""
    build_dir = build_dir or db.current_warehouse().parent
    stem = db.current_warehouse(build_dir).stem
    folder = build_dir / "release" / stem
    archive = build_dir / "release" / f"{stem}.zip"
    if not (folder / "datapackage.json").is_file() or not archive.is_file():
        return None
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {"stem": stem, "zip": archive, "size": archive.stat().st_size,
            "sha256sums": (folder / "SHA256SUMS").read_text(encoding="utf-8"),
            "resources": [r for r in descriptor["resources"] if r.get("format") == "csv"]}
