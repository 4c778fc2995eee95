"""The command line of python -m etl import: the source record (asked for in a terminal), then
the import (etl/registry/importer.py) and its output (etl/registry/output.py)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from etl.registry.importer import KINDS, SLUG, ImportRefused, run
from etl.registry.output import report, write
from etl.schema import TABLES


def existing_sources(raw: Path, root: Path) -> dict[str, dict[str, str]]:
    from etl.extract import read_file
    from etl.manifest import read_manifest

    entries = [e.as_dict() for e in read_manifest(raw, root).entries]
    found = {}
    for entry in entries:
        if Path(entry["path"]).parts[0] == "sources" and (raw / entry["path"]).exists():
            rows, _ = read_file(raw / entry["path"], "sources", entry["encoding"], root)
            found.update({r.values["source_id"]: r.values for r in rows})
    return found


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
    with args.file.open("rb") as f:
        export_sha256 = hashlib.file_digest(f, "sha256").hexdigest()
    write(outcome, raw, report_dir, source, args.curator, export_sha256)
    print(report(outcome))
    print(f"Report, rejects and duplicates: {report_dir}")
    if not outcome.accepted:
        return 1
    print("Next: `make check`, then `make build` to publish.")
    return 0
