"""Extract: read every declared file under data/raw/ into rows, in its declared encoding.

DuckDB's CSV sniffer is not used: it silently dropped the header and rows of a ragged file and
cannot decode GBK. Python decodes strictly, the csv module splits, and every shape problem is kept.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from etl.problems import Problem
from etl.schema import TABLES


@dataclass
class Row:
    file: str  # path relative to the project root, as shown to people
    line: int
    values: dict[str, str]


@dataclass
class Extracted:
    rows: dict[str, list[Row]]
    files: list[dict]  # manifest entries that were read, with their checksums
    problems: list[Problem]
    bulk: list[dict] = field(default_factory=list)  # files of bulk tables: read by etl/bulk.py, not here
    bulk_files: dict = field(default_factory=dict)  # the same, once etl/bulk.py has scanned them


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_manifest(raw_dir: Path, root: Path) -> tuple[list[dict], list[Problem]]:
    manifest_path = raw_dir / "manifest.toml"
    shown = _display(manifest_path, root)
    if not manifest_path.exists():
        return [], [Problem(shown, None, None, None, "the manifest is missing: every file must be declared")]
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return [], [Problem(shown, None, None, None, f"the manifest cannot be read: {exc}")]
    entries, problems = [], []
    for i, entry in enumerate(manifest.get("file", []), start=1):
        missing = [k for k in ("path", "encoding", "curator", "description") if not entry.get(k)]
        if missing:
            problems.append(Problem(shown, None, None, entry.get("path"),
                                    f"file entry {i} lacks {', '.join(missing)}"))
            continue
        entries.append(entry)
    return entries, problems


def _decode(data: bytes, encoding: str, shown: str) -> tuple[str | None, Problem | None]:
    try:
        codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        return data.decode(codec), None
    except LookupError:
        return None, Problem(shown, None, None, encoding, "the manifest declares an encoding Python does not know")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start: exc.start + 4].hex(" ")
        hint = " (bytes like these are typical of GBK/GB18030: re-save the file as UTF-8 or declare it)" \
            if encoding.lower().startswith("utf") else ""
        return None, Problem(shown, line, None, None,
                             f"is not valid {encoding} as declared: bytes {bad} cannot be decoded{hint}")


def read_file(path: Path, table: str, encoding: str, root: Path) -> tuple[list[Row], list[Problem]]:
    shown = _display(path, root)
    spec = TABLES[table]
    data = path.read_bytes()
    if not data.strip():
        return [], [Problem(shown, None, None, None, "the file is empty: expected a header row and data rows")]
    text, problem = _decode(data, encoding, shown)
    if problem:
        return [], [problem]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        return [], [Problem(shown, 1, None, None, f"the header cannot be parsed: {exc}")]
    problems: list[Problem] = []
    expected = spec.column_names
    for col in spec.columns:
        if col.name not in header and col.required:
            problems.append(Problem(shown, 1, col.name, None, f"required column is missing from the header "
                                                              f"(table '{table}' expects: {', '.join(expected)})"))
    for name in header:
        if name not in expected:
            problems.append(Problem(shown, 1, name or "(blank)", None,
                                    f"unexpected column: table '{table}' has no such column"))
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        problems.append(Problem(shown, 1, ", ".join(dupes), None, "column appears more than once in the header"))
    rows: list[Row] = []
    line = reader.line_num
    try:
        for record in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # blank line
            if len(record) != len(header):
                problems.append(Problem(shown, start, None, None,
                                        f"ragged row: it has {len(record)} fields, the header has {len(header)}"))
                continue
            values = dict.fromkeys(expected, "")  # an optional column left out of a file is empty
            values.update({h: cell.strip() for h, cell in zip(header, record) if h in expected})
            rows.append(Row(shown, start, values))
    except csv.Error as exc:
        problems.append(Problem(shown, reader.line_num, None, None, f"the row cannot be parsed: {exc}"))
    if not rows and not problems:
        problems.append(Problem(shown, None, None, None, "the file has a header but no data rows"))
    return rows, problems


def extract(raw_dir: Path, root: Path) -> Extracted:
    entries, problems = read_manifest(raw_dir, root)
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    declared = set()
    files, bulk = [], []
    for entry in entries:
        rel = entry["path"]
        path = raw_dir / rel
        shown = _display(path, root)
        table = Path(rel).parts[0] if len(Path(rel).parts) > 1 else ""
        declared.add(path.resolve())
        if table not in TABLES:
            problems.append(Problem(shown, None, None, table,
                                    f"the file is not in a table folder; known tables: {', '.join(TABLES)}"))
            continue
        if not path.exists():
            problems.append(Problem(shown, None, None, None, "declared in manifest.toml but the file does not exist"))
            continue
        if TABLES[table].bulk:
            bulk.append({**entry, "table": table, "shown": shown, "abs_path": str(path)})
            continue
        table_rows, file_problems = read_file(path, table, entry["encoding"], root)
        rows[table].extend(table_rows)
        problems.extend(file_problems)
        files.append({**entry, "table": table, "rows": len(table_rows)})
    for path in sorted(raw_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in (".csv", ".tsv", ".txt") and path.resolve() not in declared:
            problems.append(Problem(_display(path, root), None, None, None,
                                    "the file is not declared in data/raw/manifest.toml (its encoding, "
                                    "curator and description are unknown), so it was not read"))
    return Extracted(rows, files, problems, bulk)
