"""Every table's description and every column's meaning, in English, Simplified and Traditional Chinese.

English and Simplified Chinese are written side by side where each is defined: etl/schema.py (a
Column's `zh`, a Table's third argument), the marts' leading comment lines (`-- column [zh]: ...`,
`-- [zh] ...`), etl/names.py for the name columns it adds, and BUILD_TABLES below for the tables the
build writes itself. One without the other is refused (`incomplete`), so the two cannot drift apart.

Traditional Chinese is never written by hand: `python -m etl descriptions` converts each Simplified
text with OpenCC's s2hk (Hong Kong forms, as the app's 繁體 and the names' conversions use) into
etl/descriptions_zh_hant.csv, a committed file (the build and the app need no OpenCC). The build takes
a conversion only while the Simplified text it was converted from is unchanged, and refuses to
build when one is missing.

The build keeps DuckDB's COMMENT ON in English (what any SQL client and the release's DuckDB file
show) and publishes all three languages in the table `descriptions` (table_name, column_name, lang,
text, origin), which /data, its downloads and the release read by language.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import duckdb

LANGS = ("en", "zh-Hans", "zh-Hant")
PROFILE = "s2hk"
ORIGIN_HANT = f"opencc-{PROFILE}"
CONVERSIONS_FILE = Path(__file__).resolve().parent / "descriptions_zh_hant.csv"
CONVERSION_COLUMNS = ("converted_from", "converted", "profile")
TABLE = "descriptions"

# The tables the build writes itself (not curated inputs, not marts): (description, its Chinese) and
# each column's.
BUILD_TABLES: dict[str, tuple[tuple[str, str], dict[str, tuple[str, str]]]] = {
    "input_files": (
        ("The curated files this warehouse was built from, with checksums.",
         "构建本数据库所用的人工整理文件，附校验和。"),
        {"path": ("The file's path in the repository.", "文件在代码库中的路径。"),
         "table_name": ("The warehouse table it loads.", "该文件载入的数据库表。"),
         "encoding": ("The file's declared text encoding.", "文件声明的文本编码。"),
         "curator": ("Who curated the file.", "整理该文件的人。"),
         "description": ("What the file holds.", "文件的内容。"),
         "rows": ("Number of data rows in the file.", "文件中的数据行数。"),
         "sha256": ("SHA-256 checksum of the file's bytes.", "文件内容的 SHA-256 校验和。")},
    ),
    "build_info": (
        ("Checksum of every input and SQL model: equal inputs, equal tables.",
         "所有输入文件和 SQL 模型的校验和：输入相同，表即相同。"),
        {"inputs_sha256": ("SHA-256 over every input file and SQL model.",
                           "所有输入文件和 SQL 模型的 SHA-256 总校验和。")},
    ),
    TABLE: (
        ("Every table's description and every column's meaning in English, Simplified and Traditional "
         "Chinese: the English is the warehouse's COMMENT ON; the Traditional is converted from the "
         "Simplified with OpenCC.",
         "每个表的说明和每一列的含义，含英文、简体中文和繁体中文：英文即数据库的 COMMENT ON；繁体由简体经 OpenCC 转换而来。"),
        {"table_name": ("The table described.", "所说明的表。"),
         "column_name": ("The column described; NULL for the table's own description.",
                         "所说明的列；表本身的说明为 NULL。"),
         "lang": ("The language: en, zh-Hans or zh-Hant.", "语言：en、zh-Hans 或 zh-Hant。"),
         "text": ("The description in that language.", "该语言的说明。"),
         "origin": ("'source' (written beside the English in the ETL's definitions) or 'opencc-s2hk' "
                    "(converted from the Simplified).",
                    "'source'（在 ETL 定义中与英文并列写成）或 'opencc-s2hk'（由简体转换而来）。")},
    ),
}


@dataclass(frozen=True)
class Description:
    table: str
    column: str | None  # None: the table's own description
    en: str
    zh: str  # Simplified Chinese

    @property
    def target(self) -> str:
        return self.table + (f".{self.column}" if self.column else "")


class Untranslated(ValueError):
    """A description in one language without the other, or a Simplified text with no conversion."""


def incomplete(entries) -> list[str]:
    """Every description with English but no Chinese, or Chinese but no English."""
    out = []
    for d in entries:
        en, zh = (d.en or "").strip(), (d.zh or "").strip()
        if en and not zh:
            out.append(f"{d.target}: English description with no Chinese beside it")
        elif zh and not en:
            out.append(f"{d.target}: Chinese description with no English beside it")
    return out


def defined() -> list[Description]:
    """Every description the ETL defines, where it is defined (the build adds the marts' inherited
    ones, whose texts are these)."""
    from etl import names
    from etl.models import marts
    from etl.schema import TABLES

    out = []
    for table in TABLES.values():
        out.append(Description(table.name, None, table.description, table.zh))
        out += [Description(table.name, c.name, c.description, c.zh) for c in table.columns]
    for mart in marts():
        out.append(Description(mart.name, None, mart.description, mart.zh))
        for col in mart.columns.keys() | mart.columns_zh.keys():
            out.append(Description(mart.name, col, mart.columns.get(col, ""), mart.columns_zh.get(col, "")))
    for name, ((en, zh), columns) in BUILD_TABLES.items():
        out.append(Description(name, None, en, zh))
        out += [Description(name, col, c_en, c_zh) for col, (c_en, c_zh) in columns.items()]
    out += names.descriptions()
    return out


# --- Traditional Chinese, converted ---------------------------------------------------------------

def conversions(path: Path = CONVERSIONS_FILE) -> dict[str, str]:
    """Simplified text -> its recorded OpenCC conversion."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {r["converted_from"]: r["converted"] for r in csv.DictReader(f) if r["profile"] == ORIGIN_HANT}


def convert(texts) -> list[dict[str, str]]:
    """OpenCC's s2hk conversion of each Simplified text (build-time tool: opencc is a dev dependency)."""
    import opencc

    converter = opencc.OpenCC(PROFILE)
    return [{"converted_from": text, "converted": converter.convert(text), "profile": ORIGIN_HANT}
            for text in sorted(set(texts))]


def main(path: Path = CONVERSIONS_FILE) -> int:
    """Write etl/descriptions_zh_hant.csv afresh from the Simplified texts defined now."""
    entries = defined()
    problems = incomplete(entries)
    if problems:
        print("\n".join(problems))
        return 1
    rows = convert(d.zh for d in entries)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CONVERSION_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.name}: {len(rows)} Simplified descriptions converted to Traditional (OpenCC {PROFILE})")
    return 0


# --- the build's side -----------------------------------------------------------------------------

class Catalogue:
    """What the build describes, as it goes: COMMENT ON in English now, every language at publish()."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str | None], Description] = {}

    def describe(self, con: duckdb.DuckDBPyConnection, table: str, column: str | None, en: str, zh: str,
                 kind: str = "TABLE") -> None:
        # COMMENT ON takes no parameters; the text is ours (schema and SQL files), escaped as a literal.
        literal = "'" + en.replace("'", "''") + "'"
        target = table if column is None else f'{table}."{column}"'
        con.execute(f"COMMENT ON {'COLUMN' if column is not None else kind} {target} IS {literal}")
        self.entries[(table, column)] = Description(table, column, en, zh)

    def publish(self, con: duckdb.DuckDBPyConnection, converted: dict[str, str] | None = None) -> int:
        """The `descriptions` table (itself described in it): every language of every description.
        Refuses a description in one language only, and a Simplified text whose Traditional
        conversion is missing or was made from another text."""
        con.execute(f"CREATE TABLE {TABLE} (table_name VARCHAR NOT NULL, column_name VARCHAR, "
                    "lang VARCHAR NOT NULL, text VARCHAR NOT NULL, origin VARCHAR NOT NULL)")
        (en, zh), columns = BUILD_TABLES[TABLE]
        self.describe(con, TABLE, None, en, zh)
        for col, (c_en, c_zh) in columns.items():
            self.describe(con, TABLE, col, c_en, c_zh)
        converted = conversions() if converted is None else converted
        problems = incomplete(self.entries.values())
        problems += [f"{d.target}: no OpenCC conversion of {d.zh!r} (run `python -m etl descriptions`)"
                     for d in self.entries.values() if d.zh and d.zh not in converted]
        if problems:
            raise Untranslated("descriptions:\n  " + "\n  ".join(problems))
        rows = []
        for d in sorted(self.entries.values(), key=lambda d: (d.table, d.column or "")):
            rows += [(d.table, d.column, "en", d.en, "source"), (d.table, d.column, "zh-Hans", d.zh, "source"),
                     (d.table, d.column, "zh-Hant", converted[d.zh], ORIGIN_HANT)]
        import pandas as pd

        con.complete()  # duckdb 2: a pending result blocks register()
        con.register("incoming_descriptions", pd.DataFrame(rows, columns=["table_name", "column_name", "lang", "text",
                                                                         "origin"], dtype="string"))
        con.execute(f"INSERT INTO {TABLE} SELECT * FROM incoming_descriptions")
        con.unregister("incoming_descriptions")
        return len(rows)
