"""A strict CSV reader (RFC 4180 quoting): a record is one physical line, every line is accounted for.

Python's csv module lets a quoted field run on over line breaks: a missing closing quote silently
swallows the lines after it into the field, and the file loads with rows missing. Here a quoted
field may span lines only in a column declared multi-line (etl/schema.py). Anywhere else the record
ends with its line, the problem names the line where the quote opened, and the next line is read
as the next record, so its own problems are found too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends csv and spreadsheets write; nothing else splits a row


@dataclass(frozen=True)
class Record:
    line: int  # physical line (1-based) where the record starts
    end_line: int  # physical line where it ends (later than line only through a multi-line column)
    fields: list[str] | None  # None when the record could not be split
    field: int = 0  # index of the field the problem is in
    value: str | None = None
    reason: str = ""


def physical_lines(text: str) -> list[str]:
    lines = LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()  # the break ending the last line starts no line of its own
    return lines


def is_blank(line: str) -> bool:
    return not line.replace(",", "").strip()


def records(lines: list[str], multiline: Callable[[int], bool] = lambda _: False) -> Iterator[Record]:
    """Split physical lines into records; multiline(i) says whether field i may span lines."""
    i, n = 0, len(lines)
    while i < n:
        start, line = i, lines[i]
        if '"' not in line:
            yield Record(i + 1, i + 1, line.split(","))
            i += 1
            continue
        fields: list[str] = []
        pos, bad = 0, None
        while bad is None:
            if pos < len(line) and line[pos] == '"':
                opened, begun, pos, parts = i, pos, pos + 1, []
                while True:
                    j = line.find('"', pos)
                    if j < 0:
                        parts.append(line[pos:])
                        if multiline(len(fields)) and i + 1 < n:
                            parts.append("\n")
                            i, line, pos = i + 1, lines[i + 1], 0
                            continue
                        reason = ("the quoted field opened on this line is never closed: the file ends inside it"
                                  if multiline(len(fields)) else
                                  "a quoted field opens on this line and is not closed on it: a record must stay on "
                                  'one line, so add the closing quote (a quote inside a field is written twice, "")')
                        bad = Record(opened + 1, i + 1, None, len(fields), "".join(parts), reason)
                        break
                    if line.startswith('"', j + 1):  # a doubled quote stands for one quote
                        parts.append(line[pos:j + 1])
                        pos = j + 2
                        continue
                    parts.append(line[pos:j])
                    pos = j + 1
                    break
                if bad:
                    break
                fields.append("".join(parts))
                if pos == len(line):
                    break
                if line[pos] != ",":
                    end, begun = line.find(",", pos), begun if opened == i else 0
                    bad = Record(start + 1, i + 1, None, len(fields) - 1, line[begun:] if end < 0 else line[begun:end],
                                 'has text after its closing quote: a quote inside a quoted field is written '
                                 'twice ("")')
                    break
                pos += 1
            else:
                j = line.find(",", pos)
                cell = line[pos:] if j < 0 else line[pos:j]
                if '"' in cell:
                    bad = Record(start + 1, i + 1, None, len(fields), cell,
                                 'has a quote inside a field that does not start with one: put the whole field '
                                 'in quotes and write the inner quote twice ("")')
                    break
                fields.append(cell)
                if j < 0:
                    break
                pos = j + 1
        yield bad or Record(start + 1, i + 1, fields)
        i += 1
