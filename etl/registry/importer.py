"""python -m etl import FILE --kind companies --source SOURCE_ID: a registry export into data/raw.

1. Load: the export (etl/registry/read.py), the header mapping, the curated companies and cities
   and earlier registry imports already in data/raw.
2. Process: every row mapped, validated and normalised (etl/registry/fields.py); a refused row goes
   to the rejects with each reason; an accepted row is matched against the curated companies,
   earlier imports and the rows above it (credit code first, then normalised name and city). A
   match is a duplicate: reported, never written, and the row already there wins.
3. Save (etl/registry/output.py): the accepted rows as data/raw/registry_companies/<source>.csv,
   the import's source record, both declared in manifest.toml, and a report with its rejects,
   duplicates and unknown columns. The command line is etl/registry/command.py.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from etl.problems import counted
from etl.registry import fields
from etl.registry.fields import Refused, fold_width, name_key, normalise_name
from etl.registry.read import Export, ExportError, read_export
from etl.schema import TABLES

HEADERS_FILE = fields.HERE / "headers.toml"
OUTPUT = TABLES["registry_companies"].column_names
SOURCE_COLUMNS = TABLES["sources"].column_names
SOURCES_FILE = "sources/registry_imports.csv"
KINDS = ("companies",)
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# The fields a row is refused without, and the order reasons are listed in.
FIELD_ORDER = ("name", "credit_code", "legal_representative", "founded", "capital", "registration_status",
               "province", "city", "district", "business_scope", "company_type")


class ImportRefused(Exception):
    """The import cannot start or cannot write; nothing was written."""


@dataclass
class Mapping:
    fields: dict[str, str]  # normalised header -> field
    missing: frozenset[str]
    units: dict[str, dict]

    @staticmethod
    def key(header: str) -> str:
        return re.sub(r"\s+", "", fold_width(header)).casefold()

    def split(self, header: str) -> tuple[str | None, str]:
        """(field, unit in brackets) for a header: 注册资本(万元) -> ('capital', '万元')."""
        key = self.key(header)
        if key in self.fields:
            return self.fields[key], ""
        m = re.match(r"^(.*?)[(\[](.+?)[)\]]$", key)
        if m and m.group(1) in self.fields and fields.unit_key(m.group(2)) in self.units:
            return self.fields[m.group(1)], m.group(2)
        return None, ""

    def count_known(self, header: list[str]) -> int:
        return len({f for h in header if (f := self.split(h)[0])})


def load_mapping(extra: Path | None = None) -> Mapping:
    specs = [tomllib.loads(HEADERS_FILE.read_text(encoding="utf-8"))]
    if extra is not None:
        try:
            specs.append(tomllib.loads(extra.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ImportRefused(f"--map {extra}: cannot be read: {exc}") from None
    mapping: dict[str, str] = {}
    for spec in specs:
        for name, entry in spec.get("columns", {}).items():
            if name not in FIELD_ORDER:
                raise ImportRefused(f"the header mapping names an unknown field '{name}'; fields: "
                                    f"{', '.join(FIELD_ORDER)}")
            for header in entry.get("headers", []):
                mapping[Mapping.key(header)] = name
    base = specs[0]
    units = {fields.unit_key(k): v for k, v in base["capital_units"].items()}
    for spec in specs[1:]:
        units.update({fields.unit_key(k): v for k, v in spec.get("capital_units", {}).items()})
    return Mapping(mapping, frozenset(base["missing"]["values"]), units)


@dataclass
class Rejected:
    row: int
    column: str
    value: str
    reason: str


@dataclass
class Duplicate:
    row: int
    credit_code: str
    name: str
    rule: str  # credit_code | name+city
    matches: str  # what it matched, in words


@dataclass
class Outcome:
    source_id: str
    export: str
    encoding: str
    how: str
    rows: int = 0
    accepted: list[dict] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    rejected_rows: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    unknown_values: list[list[str]] = field(default_factory=list)
    activities: dict[str, int] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)


# --- what is already in data/raw ------------------------------------------------------------


@dataclass
class Known:
    cities: dict[str, str]  # normalised Chinese/English city name -> city_id
    codes: dict[str, str]  # credit code -> where it is
    names: dict[tuple[str, str], str]  # (name key, city key) -> where it is


def _city_names(values: dict[str, str]) -> list[str]:
    names = [values.get("name_en", ""), values.get("name_zh_hans", ""), values.get("name_zh_hant", "")]
    names += [a.strip() for a in values.get("aliases", "").split("|")]
    return [n for n in names if n]


@lru_cache(maxsize=4096)
def city_key(text: str) -> str:
    """杭州市 / 杭州 / Hangzhou City -> one key."""
    key = re.sub(r"\s+", "", fold_width(text)).casefold()
    return re.sub(r"(市|city)$", "", key) or key


def load_known(raw: Path, root: Path, replacing: str | None) -> Known:
    from etl.extract import read_file
    from etl.manifest import read_manifest

    manifest = read_manifest(raw, root)
    entries, problems = [e.as_dict() for e in manifest.entries], list(manifest.problems)
    if problems:
        raise ImportRefused("; ".join(str(p) for p in problems))
    cities: dict[str, str] = {}
    codes: dict[str, str] = {}
    names: dict[tuple[str, str], str] = {}
    by_table: dict[str, list[dict]] = {}
    for entry in entries:
        by_table.setdefault(Path(entry["path"]).parts[0], []).append(entry)
    for entry in by_table.get("cities", []):
        rows, _ = read_file(raw / entry["path"], "cities", entry["encoding"], root)
        for row in rows:
            for name in _city_names(row.values):
                cities.setdefault(city_key(name), row.values["city_id"])
    for entry in by_table.get("companies", []):
        rows, _ = read_file(raw / entry["path"], "companies", entry["encoding"], root)
        for row in rows:
            v = row.values
            where = f"curated company {v['company_id']} ({row.file}, line {row.line})"
            for name in [v.get("name_zh_hans", ""), v.get("name_zh_hant", ""), v.get("name_en", "")] + \
                    [a.strip() for a in v.get("aliases", "").split("|")]:
                if name:
                    names.setdefault((name_key(name), v.get("city_id", "")), where)
    for entry in by_table.get("registry_companies", []):
        path = raw / entry["path"]
        if path.stem == replacing or not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for line, values in enumerate(csv.DictReader(f), start=2):
                where = f"earlier registry import {values['source_id']} (data/raw/{entry['path']}, line {line})"
                codes.setdefault(values["credit_code"], where)
                names.setdefault((name_key(values["name"]), values["city_id"] or city_key(values["city"])), where)
    return Known(cities, codes, names)


# --- one row ----------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def process_row(cells: dict[str, tuple[str, object]], mapping: Mapping, units: dict[str, str],
                export_date: date) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """(output values, [(column header, value, reason)]) for one row; cells maps field -> (header, raw)."""
    out = dict.fromkeys(OUTPUT, "")
    refusals: list[tuple[str, str, str]] = []

    def raw(name: str) -> object:
        value = cells.get(name, ("", None))[1]
        return None if isinstance(value, str) and value.strip() in mapping.missing else value

    def refuse(name: str, value: object, reason: str) -> None:
        refusals.append((cells.get(name, (name, None))[0] or name, _text(value), reason))

    name = _text(raw("name"))
    if not name:
        refuse("name", "", "is empty: a registry row needs the company's name")
    out["name_registry"], out["name"] = name, normalise_name(name)
    try:
        out["credit_code"] = fields.parse_credit_code(raw("credit_code"))
    except Refused as exc:
        refuse("credit_code", raw("credit_code"), str(exc))
    founded = raw("founded")
    if founded not in (None, ""):
        try:
            out["founded"] = fields.parse_date(founded, export_date)
        except Refused as exc:
            refuse("founded", founded, str(exc))
    capital = raw("capital")
    if capital not in (None, ""):
        try:
            parsed = fields.parse_capital(capital, mapping.units, units.get("capital", ""))
            out.update(capital_amount=parsed.amount, capital_unit=parsed.unit, capital_currency=parsed.currency,
                       capital_base=parsed.base)
        except Refused as exc:
            refuse("capital", capital, str(exc))
    for name_ in ("legal_representative", "registration_status", "province", "city", "district",
                  "company_type", "business_scope"):
        out[name_] = _text(raw(name_))
    out["activity"], out["activity_keyword"] = fields.classify(out["business_scope"])
    return out, refusals


# --- the whole file -------------------------------------------------------------------------


def run(export_path: Path, source_id: str, raw: Path, root: Path, export_date: date, *,
        encoding: str | None = None, sheet: str | None = None, map_file: Path | None = None,
        replace: bool = False) -> Outcome:
    mapping = load_mapping(map_file)
    try:
        export: Export = read_export(export_path, mapping.count_known, encoding, sheet)
    except ExportError as exc:
        raise ImportRefused(f"{export_path.name}: {exc}") from None
    columns: list[tuple[int, str, str | None, str]] = []  # (index, header, field, unit)
    seen_fields: dict[str, str] = {}
    for i, header in enumerate(export.header):
        name, unit = mapping.split(header) if header else (None, "")
        if name and name in seen_fields:
            raise ImportRefused(f"{export_path.name}: columns '{seen_fields[name]}' and '{header}' both map to "
                                f"{name}: drop one, or map one elsewhere with --map")
        if name:
            seen_fields[name] = header
        columns.append((i, header, name, unit))
    for required in ("name", "credit_code"):
        if required not in seen_fields:
            raise ImportRefused(f"{export_path.name}: no column for {required} among the headers "
                                f"({', '.join(export.header)}); name it with --map FILE")
    units = {name: unit for _, _, name, unit in columns if name and unit}
    unknown = [(i, h or f"(column {i + 1}, no header)") for i, h, name, _ in columns if name is None]
    known = load_known(raw, root, source_id if replace else None)
    outcome = Outcome(source_id, export_path.name, export.encoding, export.how,
                      unknown_columns=[h for _, h in unknown])
    codes_here: dict[str, int] = {}
    names_here: dict[tuple[str, str], int] = {}
    width = len(export.header)
    for row_no, record in export.rows:
        outcome.rows += 1
        record = list(record) + [None] * (width - len(record))
        if len(record) > width and any(_text(c) for c in record[width:]):
            outcome.rejected.append(Rejected(row_no, "", "", f"has {counted(len(record), 'cell', 'cells')}, the header {width}: "
                                                            f"a shifted row"))
            outcome.rejected_rows += 1
            continue
        cells = {name: (header, record[i]) for i, header, name, _ in columns if name}
        values, refusals = process_row(cells, mapping, units, export_date)
        if unknown:
            outcome.unknown_values.append([str(row_no)] + [_text(record[i]) for i, _ in unknown])
        if refusals:
            outcome.rejected += [Rejected(row_no, c, v, r) for c, v, r in refusals]
            outcome.rejected_rows += 1
            continue
        values["city_id"] = known.cities.get(city_key(values["city"]), "") if values["city"] else ""
        values["export_row"], values["source_id"] = str(row_no), source_id
        code, key = values["credit_code"], (name_key(values["name"]), values["city_id"] or city_key(values["city"]))
        match = (("credit_code", known.codes[code]) if code in known.codes
                 else ("credit_code", f"row {codes_here[code]} of this export") if code in codes_here
                 else ("name+city", known.names[key]) if key in known.names
                 else ("name+city", f"row {names_here[key]} of this export") if key in names_here
                 else None)
        if match:
            outcome.duplicates.append(Duplicate(row_no, code, values["name_registry"], *match))
            continue
        codes_here[code], names_here[key] = row_no, row_no
        outcome.accepted.append(values)
        outcome.activities[values["activity"]] = outcome.activities.get(values["activity"], 0) + 1
    return outcome
