"""Files a researcher takes away: CSV, XLSX (data, Sources, Columns, About), Parquet, JSON, and the
citation pack (a zip with a Frictionless datapackage.json, CITATION.cff and suggested citations).

Machine-readable files hold data, not display text: a missing value is an empty CSV cell or a null,
columns carry their published (warehouse) names, and every file is named for what it holds. Pure
functions: frames and metadata in, bytes out; the ETL's release uses the same descriptors.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from etl.datapackage import (  # noqa: F401 (MIME, build_date ... are part of this module's interface)
    AUTHORS,
    AUTHORS_ZH,
    FORMULA_START,
    MIME,
    PACKAGE_LICENCES,
    PROJECT,
    PROJECT_ZH,
    QUOTED,
    SOURCE_LICENCES,
    build_date,
    csv_bytes,
    csv_resource,
    datapackage,
    field_type,
    file_resource,
    package_sources,
    slug,
    sources_with_licences,
)

FORMATS = ("csv", "xlsx", "parquet", "json")


@dataclass(frozen=True)
class About:
    """What a download holds and where it came from: the About sheet, README and citations."""

    table: str
    description: str | None
    filters: str  # the filters, search and sort in words ('' when none)
    url: str
    build_id: str
    build_date: str  # YYYY-MM-DD
    rows: int
    columns: tuple[tuple[str, str, str | None], ...] = field(default=())  # (name, DuckDB type, meaning)

    @property
    def title(self) -> str:
        return f"{PROJECT}: {self.table}" + (f" ({self.filters})" if self.filters else "")


def file_stem(table: str, parts: list[str], build_day: str) -> str:
    """'companies_type-animation_q-青岛_2026-12-07': table, filters, build date; safe on every OS."""
    def clean(text: str) -> str:
        text = unicodedata.normalize("NFC", str(text))
        return re.sub(r"[^\w.=+-]+", "-", text).strip("-.")[:60]

    pieces = [clean(table), *(clean(p) for p in parts if p), build_day]
    return "_".join(p for p in pieces if p)[:180]


# --- single files ----------------------------------------------------------------------------------

def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def json_bytes(frame: pd.DataFrame) -> bytes:
    """Records with nulls for missing values, Chinese as written (not \\u escapes)."""
    return frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1).encode("utf-8")


def _width(values) -> int:
    """Display width of the widest value (a CJK character counts two), clipped to 8..60."""
    widest = 0
    for value in values:
        text = "" if value is None else str(value)
        widest = max(widest, sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))
    return max(8, min(60, widest + 2))


def _write_table(book, sheet, header: list[str], records: list[list], formats: dict) -> None:
    """Typed cells: numbers as numbers, booleans, dates as dates, text as text (never a formula: a
    text that starts like one gets Excel's own quote-prefix, its value unchanged)."""
    for j, name in enumerate(header):
        sample = [name, *(r[j] for r in records[:2000])]
        sheet.set_column(j, j, _width(sample))
    sheet.freeze_panes(1, 0)
    for j, name in enumerate(header):
        sheet.write_string(0, j, str(name), formats["header"])
    for i, record in enumerate(records, start=1):
        for j, value in enumerate(record):
            if value is None or (not isinstance(value, str) and _missing(value)):
                continue
            if isinstance(value, bool):
                sheet.write_boolean(i, j, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(i, j, value)
            elif isinstance(value, (dt.datetime, pd.Timestamp)):
                sheet.write_datetime(i, j, pd.Timestamp(value).to_pydatetime().replace(tzinfo=None), formats["datetime"])
            elif isinstance(value, dt.date):
                sheet.write_datetime(i, j, dt.datetime(value.year, value.month, value.day), formats["date"])
            else:
                text = " | ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
                guarded = text.startswith(FORMULA_START)
                # a carriage return would be stored as _x000D_, which openpyxl and pandas read literally:
                # in a workbook a line break is a line feed (the CSV, Parquet and JSON keep it as it is)
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                sheet.write_string(i, j, text, formats["text_guarded"] if guarded else None)


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _records(frame: pd.DataFrame) -> list[list]:
    out = []
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame.columns]
    for row in zip(*columns) if columns else []:
        out.append([v.item() if hasattr(v, "item") and not isinstance(v, (str, bytes)) else v for v in row])
    return out


def about_rows(about: About, citations: dict[str, str]) -> list[list]:
    return [["title", about.title], ["table", about.table], ["description", about.description or ""],
            ["filters", about.filters], ["rows", about.rows], ["url", about.url], ["build_id", about.build_id],
            ["build_date", about.build_date],
            ["licence", "; ".join(f"{x['title']}: {x['name']}" for x in PACKAGE_LICENCES) + f"; other sources: {QUOTED}"],
            *[[f"cite_{k}", v] for k, v in citations.items()]]


def xlsx_bytes(frame: pd.DataFrame, about: About, bibliography: pd.DataFrame) -> bytes:
    """A workbook: data (typed, frozen header, widths), Sources, Columns and About."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    formats = {"header": book.add_format({"bold": True, "bg_color": "#E5E7EB", "text_wrap": True}),
               "date": book.add_format({"num_format": "yyyy-mm-dd"}),
               "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
               "text_guarded": book.add_format({"quote_prefix": True})}
    _write_table(book, book.add_worksheet("data"), [str(c) for c in frame.columns], _records(frame), formats)
    sources = sources_with_licences(bibliography)
    _write_table(book, book.add_worksheet("Sources"), list(sources.columns), _records(sources), formats)
    _write_table(book, book.add_worksheet("Columns"), ["column", "type", "meaning"],
                 [[n, t, c] for n, t, c in about.columns if n in set(frame.columns)]
                 + [[c, "", ""] for c in frame.columns if c not in {n for n, _, _ in about.columns}], formats)
    _write_table(book, book.add_worksheet("About"), ["field", "value"], about_rows(about, citations(about)), formats)
    book.close()
    return buffer.getvalue()


def file_bytes(fmt: str, frame: pd.DataFrame, about: About, bibliography: pd.DataFrame) -> bytes:
    if fmt == "csv":
        return csv_bytes(frame)
    if fmt == "xlsx":
        return xlsx_bytes(frame, about, bibliography)
    if fmt == "parquet":
        return parquet_bytes(frame)
    if fmt == "json":
        return json_bytes(frame)
    raise ValueError(f"unknown format {fmt!r}")


# --- citations -------------------------------------------------------------------------------------

def citations(about: About) -> dict[str, str]:
    """Suggested citations: APA 7 and GB/T 7714-2015 ([DS/OL], data set online), in English and Chinese."""
    year = about.build_date[:4]
    what = about.table + (f" ({about.filters})" if about.filters else "")
    what_zh = about.table + (f"（{about.filters}）" if about.filters else "")
    return {
        "apa_en": f"{AUTHORS}. ({year}). {PROJECT}: {what} (Version {about.build_id}) [Data set]. {about.url}",
        "apa_zh": f"{AUTHORS_ZH}. ({year}). {PROJECT_ZH}：{what_zh}（版本 {about.build_id}）[数据集]. {about.url}",
        "gbt7714_en": f"{AUTHORS}. {PROJECT}: {what}[DS/OL]. ({about.build_date})[{about.build_date}]. {about.url}.",
        "gbt7714_zh": f"{AUTHORS_ZH}. {PROJECT_ZH}：{what_zh}[DS/OL]. ({about.build_date})[{about.build_date}]. "
                      f"{about.url}.",
    }


YAML_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def citation_cff(about: About) -> str:
    """CITATION.cff (Citation File Format 1.2.0); strings JSON-quoted, which YAML reads as they are."""
    def q(text: str) -> str:  # JSON-quoted, Chinese as written; the characters YAML 1.1 breaks lines at escaped
        return json.dumps(text, ensure_ascii=False).translate(YAML_BREAKS)

    return "\n".join([
        "cff-version: 1.2.0",
        f"message: {q('If you use this data, please cite it as below.')}",
        "type: dataset",
        f"title: {q(about.title)}",
        "authors:",
        f"  - name: {q(AUTHORS)}",
        f"version: {q(about.build_id)}",
        f"date-released: {about.build_date}",
        f"url: {q(about.url)}",
        f"abstract: {q(about.description or about.title)}",
        "keywords:",
        "  - film industry",
        "  - UNESCO Cities of Film",
        "  - co-productions",
        "",
    ])


# --- Frictionless descriptors -----------------------------------------------------------------------


# --- the citation pack ------------------------------------------------------------------------------

def citation_pack(frame: pd.DataFrame, about: About, bibliography: pd.DataFrame, stem: str) -> bytes:
    """One zip: the rows as CSV and Parquet, the sources (with licences) as CSV, datapackage.json,
    CITATION.cff, CITATION.md (APA and GB/T 7714-2015, English and Chinese) and README.txt (URL,
    filters, build id and date)."""
    sources = sources_with_licences(bibliography)
    columns = [c for c in about.columns if c[0] in set(frame.columns)]
    columns += [(c, _duck_type(frame[c]), None) for c in frame.columns if c not in {n for n, _, _ in columns}]
    source_columns = [(c, "VARCHAR", None) for c in sources.columns]
    data_csv, data_parquet = csv_bytes(frame), parquet_bytes(frame)
    resources = [
        csv_resource(about.table, f"data/{stem}.csv", columns, about.description, len(frame)),
        csv_resource("bibliography", "data/sources.csv", source_columns, "Every source the rows cite, with its licence.",
                     len(sources)),
        file_resource(f"{about.table}-parquet", f"data/{stem}.parquet", "parquet", "The same rows as Parquet."),
    ]
    cites = citations(about)
    descriptor = datapackage(stem, about.title, about.description or about.title, about.build_id, about.build_date,
                             resources, package_sources(bibliography))
    readme = "\n".join([
        about.title, "",
        f"URL: {about.url}", f"Filters: {about.filters or '(none)'}", f"Rows: {about.rows}",
        f"Build: {about.build_id} ({about.build_date})", "",
        "How to cite:", *(f"  {k}: {v}" for k, v in cites.items()), "",
    ])
    cite_md = "\n".join(["# How to cite", "",
                         "## APA (English)", cites["apa_en"], "", "## APA（中文）", cites["apa_zh"], "",
                         "## GB/T 7714-2015 (English)", cites["gbt7714_en"], "",
                         "## GB/T 7714-2015（中文）", cites["gbt7714_zh"], ""])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"data/{stem}.csv", data_csv)
        zf.writestr(f"data/{stem}.parquet", data_parquet)
        zf.writestr("data/sources.csv", csv_bytes(sources))
        zf.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2))
        zf.writestr("CITATION.cff", citation_cff(about))
        zf.writestr("CITATION.md", cite_md)
        zf.writestr("README.txt", readme)
    return buffer.getvalue()


def _duck_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(series):
        return "BIGINT"
    if pd.api.types.is_float_dtype(series):
        return "DOUBLE"
    return "VARCHAR"
