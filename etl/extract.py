"""Extract: read every declared file under data/raw/ into rows, in its declared encoding.

DuckDB's CSV sniffer is not used: it silently dropped the header and rows of a ragged file and
cannot decode GBK. Python decodes strictly, etl/csvread.py splits (a record never silently runs on
into the next line), every physical line is accounted for, and every shape problem is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etl import csvread
from etl.manifest import display, read_manifest
from etl.problems import Problem, ProblemLog, counted
from etl.schema import TABLES, Table

UNICODE_ENCODINGS = ("utf-8", "utf8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                     "utf-32-be")


@dataclass
class Row:
    file: str  # path relative to the project root, as shown to people
    line: int
    values: dict[str, str]


@dataclass
class Extracted:
    rows: dict[str, list[Row]]
    files: list[dict]  # manifest entries that were read, with their checksums
    problems: ProblemLog
    broken_tables: set[str]  # tables with a declared file that could not be read at all
    bulk: list[dict] = field(default_factory=list)  # files of bulk tables: read by etl/bulk.py, not here
    bulk_files: dict = field(default_factory=dict)  # the same, once etl/bulk.py has scanned them


def _decode(data: bytes, encoding: str, shown: str) -> tuple[str | None, Problem | None]:
    normal = encoding.lower().replace("_", "-")
    codec = "utf-8-sig" if normal in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start: exc.start + 4].hex(" ")
        hint = " (bytes like these are typical of GBK/GB18030: re-save the file as UTF-8 or declare it)" \
            if normal.startswith("utf") else ""
        return None, Problem(shown, line, None, None,
                             f"is not valid {encoding} as declared: bytes {bad} cannot be decoded{hint}")
    if normal not in UNICODE_ENCODINGS and not data.isascii():
        # UTF-8 declared as latin-1 (or GBK ...) decodes without an error into mojibake (青岛 → é\x9d\x92å²\x9b).
        # Text in a legacy encoding is practically never also valid UTF-8, so being valid UTF-8 gives it away.
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return text, None
        first = next(i for i, b in enumerate(data) if b > 0x7F)
        line = data[:first].count(b"\n") + 1
        garbled = csvread.physical_lines(text)[line - 1]
        return None, Problem(shown, line, None, garbled,
                             f"is UTF-8 but declared {encoding}: read as {encoding} its text is garbled "
                             f"(mojibake); declare encoding = \"utf-8\" in manifest.toml")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


def _lost_line(rows: list[Row], rejected: dict[int, int], lines: list[str], table: Table) -> int | None:
    """Where the rows read stop matching the physical lines, or None when every line is accounted for.

    Independent of the parser: a row takes one line plus one per line break in its multi-line cells
    (a record refused by the parser takes the lines it says)."""
    starts = {row.line: 1 + sum(row.values.get(c, "").count("\n") for c in table.multiline_columns)
              for row in rows}
    starts.update(rejected)
    number = 2
    while number <= len(lines):
        if csvread.is_blank(lines[number - 1]) and number not in starts:
            number += 1
        elif number in starts:
            number += starts[number]
        else:
            return number
    return None if number == len(lines) + 1 else len(lines)


def read_file(path: Path, table: str, encoding: str, root: Path) -> tuple[list[Row], ProblemLog]:
    shown = display(path, root)
    spec = TABLES[table]
    problems = ProblemLog()
    data = path.read_bytes()
    if not data.strip():
        problems.add(Problem(shown, 1, None, None, "the file is empty: expected a header row and data rows"))
        return [], problems
    text, problem = _decode(data, encoding, shown)
    if problem:
        problems.add(problem)
        return [], problems
    lines = csvread.physical_lines(text)
    if not text.strip():
        problems.add(Problem(shown, 1, None, None, "the file holds only a byte-order mark: expected a header "
                                                   "row and data rows"))
        return [], problems
    header_record = next(csvread.records(lines[:1]))
    if header_record.fields is None:
        problems.add(Problem(shown, 1, None, header_record.value, f"the header cannot be read: {header_record.reason}"))
        return [], problems
    header = [h.strip() for h in header_record.fields]
    expected = spec.column_names
    for col in spec.columns:
        if col.name not in header and col.required:
            problems.add(Problem(shown, 1, col.name, None, f"required column is missing from the header "
                                                           f"(table '{table}' expects: {', '.join(expected)})"))
    for name in header:
        if name not in expected:
            problems.add(Problem(shown, 1, name or "(blank)", None,
                                 f"unexpected column: table '{table}' has no such column"))
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        problems.add(Problem(shown, 1, ", ".join(dupes), None, "column appears more than once in the header"))
    multiline = {i for i, name in enumerate(header) if name in spec.multiline_columns}
    rows: list[Row] = []
    rejected: dict[int, int] = {}  # line -> lines taken
    for record in csvread.records(lines[1:], multiline.__contains__):
        start = record.line + 1  # the header is line 1
        if record.fields is None:
            column = header[record.field] if record.field < len(header) else None
            problems.add(Problem(shown, start, column, record.value, record.reason))
            rejected[start] = record.end_line - record.line + 1
        elif csvread.is_blank(lines[start - 1]) and record.end_line == record.line:
            continue
        elif len(record.fields) != len(header):
            problems.add(Problem(shown, start, None, None, f"ragged row: it has {counted(len(record.fields), 'field', 'fields')}, "
                                                           f"the header has {len(header)}"))
            rejected[start] = record.end_line - record.line + 1
        else:
            values = dict.fromkeys(expected, "")  # an optional column left out of a file is empty
            values.update({h: cell.strip(" \t") if h in spec.multiline_columns else cell.strip()
                           for h, cell in zip(header, record.fields) if h in expected})
            rows.append(Row(shown, start, values))
    lost = _lost_line(rows, rejected, lines, spec)
    if lost is not None:
        problems.add(Problem(shown, lost, None, None, f"the file has {len(lines)} lines, but the rows read do not "
                                                      f"account for line {lost}: a row would be lost"))
    if not rows and not problems:
        problems.add(Problem(shown, 2, None, None, "the file has a header but no data rows"))
    return rows, problems


def extract(raw_dir: Path, root: Path) -> Extracted:
    manifest = read_manifest(raw_dir, root)
    problems = ProblemLog(manifest.problems)
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    files, bulk, broken = [], [], set(manifest.refused_tables)
    for entry in manifest.entries:
        path = raw_dir / entry.path
        if TABLES[entry.table].bulk:
            bulk.append({**entry.as_dict(), "table": entry.table, "shown": display(path, root), "abs_path": str(path)})
            continue
        table_rows, file_problems = read_file(path, entry.table, entry.encoding, root)
        rows[entry.table].extend(table_rows)
        problems.extend(file_problems)
        if file_problems and not table_rows:
            broken.add(entry.table)
        files.append({**entry.as_dict(), "table": entry.table, "rows": len(table_rows)})
    for path in sorted(raw_dir.rglob("*")) if manifest.readable else ():
        if path.suffix.lower() in (".csv", ".tsv", ".txt") and path.is_file() and path.resolve() not in manifest.named:
            problems.add(Problem(display(path, root), None, None, None,
                                 "the file is not declared in data/raw/manifest.toml (its encoding, "
                                 "curator and description are unknown), so it was not read"))
    return Extracted(rows, files, problems, broken, bulk)
