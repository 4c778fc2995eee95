"""python -m etl import FILE --kind companies --source SOURCE_ID: a registry export into data/raw.

1. Load: the export (etl/registry/read.py), the header mapping, the curated companies and cities
   and earlier registry imports already in data/raw.
2. Process: every row mapped, validated and normalised (etl/registry/fields.py); a refused row goes
   to the rejects with each reason; an accepted row is matched against the curated companies,
   earlier imports and the rows above it (credit code first, then normalised name and city). A
   match is a duplicate: reported, never written, and the row already there wins.
3. Save: the accepted rows as data/raw/registry_companies/<source>.csv, the import's source record,
   both declared in manifest.toml, and a report with its rejects, duplicates and unknown columns.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

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
    from etl.extract import read_file, read_manifest

    entries, problems = read_manifest(raw, root)
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
            outcome.rejected.append(Rejected(row_no, "", "", f"has {len(record)} cells, the header {width}: "
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


# --- writing ----------------------------------------------------------------------------------


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def declare(raw: Path, rel: str, curator: str, description: str) -> bool:
    """Add a [[file]] entry to manifest.toml unless the path is declared already."""
    manifest = raw / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    if any(e.get("path") == rel for e in tomllib.loads(text).get("file", [])):
        return False
    block = (f"\n[[file]]\npath = {_toml_string(rel)}\nencoding = \"utf-8\"\ncurator = {_toml_string(curator)}\n"
             f"description = {_toml_string(description)}\n")
    manifest.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    return True


def existing_sources(raw: Path, root: Path) -> dict[str, dict[str, str]]:
    from etl.extract import read_file, read_manifest

    entries, _ = read_manifest(raw, root)
    found = {}
    for entry in entries:
        if Path(entry["path"]).parts[0] == "sources" and (raw / entry["path"]).exists():
            rows, _ = read_file(raw / entry["path"], "sources", entry["encoding"], root)
            found.update({r.values["source_id"]: r.values for r in rows})
    return found


def write(outcome: Outcome, raw: Path, report_dir: Path, source: dict[str, str] | None, curator: str,
          export_sha256: str) -> None:
    """Data and source record under raw (only when rows were accepted), the report always."""
    report_dir.mkdir(parents=True, exist_ok=True)
    if outcome.accepted:
        rel = f"registry_companies/{outcome.source_id}.csv"
        target = raw / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".csv.tmp")
        with tmp.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, OUTPUT, lineterminator="\n")
            writer.writeheader()
            writer.writerows(outcome.accepted)
        tmp.replace(target)
        outcome.written.append(f"data/raw/{rel}")
        if source is not None:
            path = raw / SOURCES_FILE
            new_file = not path.exists()
            with path.open("a", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, SOURCE_COLUMNS, lineterminator="\n")
                if new_file:
                    writer.writeheader()
                writer.writerow(source)
            outcome.written.append(f"data/raw/{SOURCES_FILE}")
            declare(raw, SOURCES_FILE, "registry imports (python -m etl import)",
                    "Source records of registry exports imported with python -m etl import.")
        declare(raw, rel, curator,
                f"Registry import of {outcome.export} (sha256 {export_sha256[:16]}…): {outcome.rows} rows, "
                f"{len(outcome.accepted)} accepted, {outcome.rejected_rows} rejected, {len(outcome.duplicates)} "
                f"duplicates; see the import's report.")
    with (report_dir / "rejects.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "row", "column", "value", "reason"])
        writer.writerows([outcome.export, r.row, r.column, r.value, r.reason] for r in outcome.rejected)
    with (report_dir / "duplicates.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "row", "credit_code", "name", "matched_by", "matches"])
        writer.writerows([outcome.export, d.row, d.credit_code, d.name, d.rule, d.matches]
                         for d in outcome.duplicates)
    if outcome.unknown_columns:
        with (report_dir / "unknown_columns.csv").open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["row", *outcome.unknown_columns])
            writer.writerows(outcome.unknown_values)
    (report_dir / "report.md").write_text(report(outcome), encoding="utf-8")


def report(o: Outcome) -> str:
    lines = [
        f"# Registry import {o.source_id}: {o.export}",
        "",
        f"Encoding: {o.encoding} ({o.how}).",
        "",
        "| rows | accepted | rejected | duplicates |",
        "|---:|---:|---:|---:|",
        f"| {o.rows} | {len(o.accepted)} | {o.rejected_rows} | {len(o.duplicates)} |",
        "",
        "Activities of the accepted rows: " + (", ".join(f"{k} {v}" for k, v in sorted(o.activities.items()))
                                               or "none") + ".",
        "",
        "Unknown columns, kept aside in unknown_columns.csv: " + (", ".join(o.unknown_columns) or "none") + ".",
        "",
        f"Rejected rows: {o.rejected_rows}, with {len(o.rejected)} reason(s) in rejects.csv (file, row, column, "
        f"value, reason).",
        f"Duplicates: {len(o.duplicates)}, in duplicates.csv; nothing already in data/raw was changed.",
        "",
        "Written: " + (", ".join(o.written) or "nothing (no row was accepted)") + ".",
        "",
    ]
    return "\n".join(lines)


# --- command line -----------------------------------------------------------------------------


def source_record(source_id: str, known: dict[str, dict[str, str]], publisher: str | None, title: str | None,
                  export_date: str | None, url: str | None, language: str,
                  ask: Callable[[str], str] | None) -> tuple[dict[str, str] | None, date]:
    """(the new source record, or None when it exists; the export's date)."""
    if source_id in known:
        existing = known[source_id]
        if existing.get("kind") != "registry":
            raise ImportRefused(f"source {source_id} exists and is not a registry export (kind "
                                f"{existing.get('kind')}): choose a new source id for this import")
        return None, date.fromisoformat(existing["accessed"])
    given = {"publisher": publisher, "title": title, "date": export_date}
    for name, prompt in (("publisher", "Who published the registry or database the export came from"),
                         ("title", "Title of the export (what it holds)"),
                         ("date", "Date of the export (YYYY-MM-DD)")):
        if not given[name] and ask is not None:
            given[name] = ask(f"{prompt}: ").strip()
    missing = [f"--{k}" for k, v in given.items() if not v]
    if missing:
        raise ImportRefused(f"source {source_id} is new: give {', '.join(missing)} (who published the registry, "
                            f"what the export is, the export's date), or run the command in a terminal to be asked")
    try:
        day = date.fromisoformat(given["date"])
    except ValueError:
        raise ImportRefused(f"--date {given['date']}: write the export's date as YYYY-MM-DD") from None
    if day > date.today():
        raise ImportRefused(f"--date {given['date']} is in the future")
    record = {"source_id": source_id, "publisher": given["publisher"], "title": given["title"], "url": url or "",
              "published": "", "accessed": day.isoformat(), "language": language, "kind": "registry"}
    from etl.validate import check_value

    for col in TABLES["sources"].columns:  # the rules the build will apply to this row
        reason = check_value(col, record[col.name]) if record[col.name] else None
        if reason:
            raise ImportRefused(f"the new source's {col.name} '{record[col.name]}' {reason}")
    return record, day


def main(args) -> int:
    from etl.build import ROOT

    root = ROOT if args.raw.resolve().is_relative_to(ROOT) else args.raw.resolve().parent
    raw = args.raw
    try:
        if args.kind not in KINDS:
            raise ImportRefused(f"--kind {args.kind}: only {', '.join(KINDS)} can be imported")
        if not SLUG.match(args.source):
            raise ImportRefused(f"--source {args.source}: a source id is lowercase letters, digits and hyphens")
        ask = input if sys.stdin.isatty() else None
        source, export_date = source_record(args.source, existing_sources(raw, root), args.publisher, args.title,
                                            args.date, args.url, args.language, ask)
        target = raw / "registry_companies" / f"{args.source}.csv"
        if target.exists() and not args.replace:
            raise ImportRefused(f"data/raw/registry_companies/{args.source}.csv exists: this source was imported "
                                f"already. Pass --replace to import it again in its place")
        outcome = run(args.file, args.source, raw, root, export_date, encoding=args.encoding, sheet=args.sheet,
                      map_file=args.map, replace=args.replace)
    except ImportRefused as exc:
        print(f"Import refused, nothing written: {exc}", file=sys.stderr)
        return 1
    report_dir = args.report or ROOT / "build" / "imports" / args.source
    h = hashlib.sha256()
    with args.file.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    write(outcome, raw, report_dir, source, args.curator, h.hexdigest())
    print(report(outcome))
    print(f"Report, rejects and duplicates: {report_dir}")
    if not outcome.accepted:
        return 1
    print("Next: `make check`, then `make build` to publish.")
    return 0
