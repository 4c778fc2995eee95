"""The manifest (data/raw/manifest.toml): every input file with its encoding, curator and description.

Each entry is checked before any file is opened: its fields are text, its path stays inside data/raw
(no absolute path, no '..', no symbolic link leading out), names a regular file in a table folder,
and is declared once. Problems name the manifest line of the entry or field.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from etl.problems import Problem
from etl.schema import TABLES

FIELDS = ("path", "encoding", "curator", "description")
ENTRY = re.compile(r"^\s*\[\[\s*file\s*\]\]")
KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
TOML_WHERE = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass
class Entry:
    path: str
    encoding: str
    curator: str
    description: str
    line: int | None  # the [[file]] line
    lines: dict[str, int] = field(default_factory=dict)  # field -> its line

    @property
    def table(self) -> str:
        return PurePosixPath(self.path).parts[0]

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in FIELDS}


def display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _entry_lines(text: str) -> list[tuple[int, dict[str, int]]]:
    """Per [[file]] table, in order: its line and the line of each of its keys."""
    found: list[tuple[int, dict[str, int]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if ENTRY.match(line):
            found.append((number, {}))
        elif line.lstrip().startswith("["):
            found.append((0, {}))  # another table: keys below it are not a file entry's
        elif found and (m := KEY.match(line)):
            found[-1][1].setdefault(m.group(1), number)
    return [f for f in found if f[0]]


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return path


def _type_name(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__)


def _path_problem(rel: str, raw_dir: Path) -> str | None:
    pure = PurePosixPath(rel)
    if "\\" in rel or pure.is_absolute() or Path(rel).is_absolute():
        return "must be a path relative to data/raw, written with '/' (such as 'cities/core.csv')"
    if ".." in pure.parts:
        return "must stay inside data/raw: '..' is not allowed in a path"
    if len(pure.parts) < 2 or pure.parts[0] not in TABLES:
        return f"the file is not in a table folder; known tables: {', '.join(TABLES)}"
    path = raw_dir / rel
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        return "declared in manifest.toml but the file does not exist"
    except (OSError, RuntimeError) as exc:  # a symbolic link loop, a name too long
        return f"cannot be opened: {exc.strerror or exc}"
    if not resolved.is_relative_to(raw_dir.resolve()):
        return "leads outside data/raw (through a symbolic link): only files inside data/raw are read"
    if resolved.is_dir():
        return "is a folder: declare each file in it on its own"
    if not resolved.is_file():
        return "is not a regular file"
    return None


def _encoding_problem(encoding: str) -> str | None:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return "the manifest declares an encoding Python does not know"
    if not getattr(info, "_is_text_encoding", True):
        return "is not a text encoding (use utf-8, gb18030, latin-1 ...)"
    return None


@dataclass
class Manifest:
    entries: list[Entry]  # the entries that can be read
    problems: list[Problem]
    named: set[Path] = field(default_factory=set)  # every path the manifest names, readable or not
    refused_tables: set[str] = field(default_factory=set)  # tables with a declared file that cannot be read
    readable: bool = True  # False: nothing is known about any file


def _unreadable(problem: Problem) -> Manifest:
    return Manifest([], [problem], set(), set(TABLES), readable=False)


def read_manifest(raw_dir: Path, root: Path) -> Manifest:
    manifest_path = raw_dir / "manifest.toml"
    shown = display(manifest_path, root)
    if not manifest_path.is_file():
        return _unreadable(Problem(shown, None, None, None, "the manifest is missing: every file must be declared"))
    data = manifest_path.read_bytes()
    try:
        text = data.decode("utf-8")
        manifest = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        return _unreadable(Problem(shown, data[:exc.start].count(b"\n") + 1, None, None,
                                   "the manifest cannot be read: it is not UTF-8"))
    except tomllib.TOMLDecodeError as exc:
        m = TOML_WHERE.search(str(exc))
        return _unreadable(Problem(shown, int(m.group(1)) if m else 1, None, None, f"the manifest cannot be read: {exc}"))
    declared = manifest.get("file", [])
    if not isinstance(declared, list):
        return _unreadable(Problem(shown, 1, "file", None, "must be a list of [[file]] tables"))
    lines = _entry_lines(text)
    if len(lines) != len(declared):  # written as an inline array: point at the whole list
        first = next((n for n, line in enumerate(text.splitlines(), 1) if KEY.match(line)), 1)
        lines = [(first, {})] * len(declared)
    result, seen = Manifest([], []), {}
    for number, (item, (line, key_lines)) in enumerate(zip(declared, lines), start=1):
        if not isinstance(item, dict):
            result.problems.append(Problem(shown, line, "file", None, f"file entry {number} must be a table of "
                                                                      f"fields, not {_type_name(item)}"))
            continue
        if isinstance(item.get("path"), str):
            result.named.add(_resolved(raw_dir / item["path"]))
        bad = []
        for key in FIELDS:
            value = item.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                bad.append(Problem(shown, key_lines.get(key, line), key, None,
                                   f"file entry {number} lacks {key}"))
            elif not isinstance(value, str):
                bad.append(Problem(shown, key_lines.get(key, line), key, str(value),
                                   f"must be text in quotes, not {_type_name(value)}"))
        if not bad:
            entry = Entry(*(item[k] for k in FIELDS), line, key_lines)
            for key, reason in (("path", _path_problem(entry.path, raw_dir)),
                                ("encoding", _encoding_problem(entry.encoding))):
                if reason:
                    bad.append(Problem(shown, key_lines.get(key, line), key, item[key], reason))
        if bad:
            result.problems.extend(bad)
            if isinstance(item.get("path"), str):
                result.refused_tables.add(PurePosixPath(item["path"]).parts[0] if item["path"] else "")
            continue
        resolved = _resolved(raw_dir / entry.path)
        if resolved in seen:  # read once; the second declaration is the problem
            result.problems.append(Problem(shown, key_lines.get("path", line), "path", entry.path,
                                           f"the file is declared twice in manifest.toml: first at line "
                                           f"{seen[resolved]}"))
            continue
        seen[resolved] = key_lines.get("path", line)
        result.entries.append(entry)
    return result
