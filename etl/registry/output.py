"""Save an import: the accepted rows and the source record under data/raw, declared in the
manifest, and the report (report.md, rejects.csv, duplicates.csv, unknown_columns.csv)."""

from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path

from etl.problems import counted
from etl.registry.importer import OUTPUT, SOURCE_COLUMNS, SOURCES_FILE, Outcome


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
        f"Rejected rows: {o.rejected_rows}, with {counted(len(o.rejected), 'reason', 'reasons')} in rejects.csv (file, row, column, "
        f"value, reason).",
        f"Duplicates: {len(o.duplicates)}, in duplicates.csv; nothing already in data/raw was changed.",
        "",
        "Written: " + (", ".join(o.written) or "nothing (no row was accepted)") + ".",
        "",
    ]
    return "\n".join(lines)
