"""Read a registry export as it is: CSV in UTF-8 (BOM or not), GBK or GB18030, or XLSX.

An encoding is used only when it is certain: declared with --encoding, marked by a BOM, valid
UTF-8, or GBK/GB18030 whose header row then reads as known registry headers. Anything else stops
and asks for --encoding: a wrong guess would publish mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

CSV_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gbk", "cp936": "gbk",
                 "gb2312": "gbk", "gb18030": "gb18030"}
HEADER_SCAN = 10  # a header may sit below a title row or two; look this far for it


class ExportError(Exception):
    """The export cannot be read as it stands; the message says what to do."""


@dataclass
class Export:
    header: list[str]
    header_row: int  # 1-based row of the header in the file (sheet row, or CSV record)
    rows: Iterator[tuple[int, list[object]]]  # (row number as the file shows it, cells)
    encoding: str  # what was used, or "xlsx"
    how: str  # how the encoding was decided, for the report


def _header(records: list[tuple[int, list[object]]], known: Callable[[list[str]], int]) -> tuple[int, int]:
    """(index in records, count of known headers) of the first row with two or more known headers."""
    best = (0, 0)
    for i, (_, cells) in enumerate(records):
        hits = known([str(c or "").strip() for c in cells])
        if hits >= 2:
            return i, hits
        best = max(best, (i, hits), key=lambda b: b[1])
    return best[0], best[1]


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for record in reader:
            start, line = line + 1, reader.line_num
            if any(cell.strip() for cell in record):
                yield start, record
    except csv.Error as exc:
        raise ExportError(f"line {reader.line_num}: the CSV cannot be parsed: {exc}") from None


def _utf8_bytes_decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode(data: bytes, encoding: str | None, known: Callable[[list[str]], int]) -> tuple[str, str, str]:
    """(text, encoding used, how it was decided)."""
    if encoding:
        codec = CSV_ENCODINGS.get(encoding.lower().replace("_", "-"))
        if codec is None:
            raise ExportError(f"--encoding {encoding} is not one this import reads: use utf-8, gbk or gb18030")
        if codec in ("gbk", "gb18030") and not data.startswith(b"\xef\xbb\xbf") and not data.isascii() \
                and _utf8_bytes_decode(data) is not None:
            raise ExportError(f"the file is valid UTF-8, not {encoding}: read as {encoding} its Chinese would be "
                              f"mojibake. Leave out --encoding, or pass --encoding utf-8")
        if codec == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
            codec = "utf-8-sig"
        try:
            return data.decode(codec), codec, "declared with --encoding"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ExportError(f"line {line}: the file is not valid {encoding} as declared (bytes "
                              f"{data[exc.start: exc.start + 4].hex(' ')}): check the export's encoding") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig", "UTF-8 byte order mark"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExportError("the file is UTF-16: save it as UTF-8 or GBK CSV (or XLSX) and import that")
    text = _utf8_bytes_decode(data)
    if text is not None:
        return text, "utf-8", "valid UTF-8" if not data.isascii() else "plain ASCII"
    for codec in ("gbk", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        records = [r for _, r in zip(range(HEADER_SCAN), _csv_records(text))]
        _, hits = _header(records, known)
        if hits >= 2:
            return text, codec, f"not UTF-8; decoded as {codec.upper()}, whose header row then reads as known headers"
        raise ExportError(f"the file is not UTF-8, and decoded as {codec.upper()} its header row reads as no known "
                          f"registry headers, so the encoding is not certain (Big5? another code page?). Pass "
                          f"--encoding (utf-8, gbk, gb18030), and --map if the headers are unusual")
    raise ExportError("the file is neither UTF-8 nor GBK/GB18030: pass --encoding, or save it as UTF-8 CSV or XLSX")


def read_export(path: Path, known: Callable[[list[str]], int], encoding: str | None = None,
                sheet: str | None = None) -> Export:
    if not path.is_file():
        raise ExportError(f"{path}: no such file")
    with path.open("rb") as f:
        data_head = f.read(4)
    if path.suffix.lower() in (".xlsx", ".xlsm") or data_head == b"PK\x03\x04":
        if encoding:
            raise ExportError("--encoding applies to CSV: an XLSX file carries its own (Unicode) text")
        return _read_xlsx(path, known, sheet)
    if path.suffix.lower() == ".xls":
        raise ExportError("old Excel .xls files are not read: save the sheet as XLSX or CSV")
    if sheet:
        raise ExportError("--sheet applies to XLSX files")
    text, codec, how = decode(path.read_bytes(), encoding, known)
    records = _csv_records(text)
    return _with_header(records, known, codec, how)


def _with_header(records: Iterator[tuple[int, list[object]]], known: Callable[[list[str]], int],
                 encoding: str, how: str) -> Export:
    head = [r for _, r in zip(range(HEADER_SCAN), records)]
    if not head:
        raise ExportError("the file has no rows")
    index, hits = _header(head, known)
    if hits == 0:
        shown = ", ".join(str(c) for c in head[0][1][:8])
        raise ExportError(f"no known registry header found in the first {HEADER_SCAN} rows (first row: {shown}). "
                          f"Pass --map FILE naming the columns (see etl/registry/headers.toml)")
    row_no, header_cells = head[index]
    header = [str(c).strip() if c is not None else "" for c in header_cells]

    def rest() -> Iterator[tuple[int, list[object]]]:
        yield from head[index + 1:]
        yield from records

    return Export(header, row_no, rest(), encoding, how)


def _read_xlsx(path: Path, known: Callable[[list[str]], int], sheet: str | None) -> Export:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ExportError(f"the XLSX file cannot be opened: {exc}") from None
    if sheet is not None and sheet not in book.sheetnames:
        raise ExportError(f"no sheet named '{sheet}'; the workbook has: {', '.join(book.sheetnames)}")
    ws = book[sheet] if sheet is not None else book.worksheets[0]

    def records() -> Iterator[tuple[int, list[object]]]:
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            # numbers stay numbers here: the fields decide (a credit code must never be one)
            if any(v is not None and str(v).strip() for v in values):
                yield number, list(values)
        book.close()

    return _with_header(records(), known, "xlsx", f"XLSX, sheet '{ws.title}'")
