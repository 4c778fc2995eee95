"""Validate: every cell against its column's rule, every key, every reference. All problems, one run."""

from __future__ import annotations

import re
from datetime import date

from etl.extract import Row
from etl.problems import Problem
from etl.schema import (
    ENTITY_TABLES,
    ORGANISATION_IDS,
    TABLES,
    YEAR_MAX,
    YEAR_MIN,
    Column,
    Table,
)

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
ISO2 = re.compile(r"^[A-Z]{2}$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
YEAR_MEANING = re.compile(r"^(announced|shot|in-production|released-(?:[A-Z]{2}|world))$")
MAX_QUOTE_WORDS = 30
CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _quote_length(text: str) -> int:
    # Chinese and Japanese do not separate words; a word there averages about two characters,
    # so two CJK characters count as one word (30 words is about 60 characters of Chinese).
    return (len(CJK.findall(text)) + 1) // 2 + len(CJK.sub(" ", text).split())


def check_value(col: Column, raw: str) -> str | None:
    """The reason a non-empty value breaks its column's rule, or None."""
    kind = col.kind
    if kind == "slug" and not SLUG.match(raw):
        return "is not an id: use lowercase letters, digits and hyphens (for example 'hong-kong')"
    if kind == "iso2" and not ISO2.match(raw):
        return "is not an ISO 3166-1 alpha-2 code (two capital letters, for example 'CN')"
    if kind in ("int", "year"):
        if not re.match(r"^-?\d+$", raw):
            return "is not a whole number"
        lo, hi = (YEAR_MIN, YEAR_MAX) if kind == "year" else (col.lo, col.hi)
        if (lo is not None and int(raw) < lo) or (hi is not None and int(raw) > hi):
            return f"is out of range: a {'year' if kind == 'year' else 'value'} must lie between {lo} and {hi}"
    if kind == "number":
        if not NUMBER.match(raw):
            return "is not a number (write digits with a decimal point, no units or thousands separators)"
        if (col.lo is not None and float(raw) < col.lo) or (col.hi is not None and float(raw) > col.hi):
            return f"is out of range: it must lie between {col.lo:g} and {col.hi:g}"
    if kind == "date":
        m = DATE.match(raw)
        if not m:
            return "is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)"
        year, month, day = (int(g) if g else None for g in m.groups())
        if not YEAR_MIN <= year <= YEAR_MAX:
            return f"has an impossible year: it must lie between {YEAR_MIN} and {YEAR_MAX}"
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return "is not a real calendar date"
    if kind == "bool" and raw not in ("true", "false"):
        return "must be 'true' or 'false'"
    if kind == "enum" and raw not in col.accepted:
        return f"is not an accepted value; accepted: {', '.join(col.accepted)}"
    if kind == "url" and not re.match(r"^https?://[^\s]+$", raw):
        return "is not a web address (http:// or https://)"
    if kind == "lang" and not LANG.match(raw):
        return "is not a BCP 47 language code (for example 'en', 'zh-Hans', 'ru')"
    if kind == "quote" and _quote_length(raw) > MAX_QUOTE_WORDS:
        return f"is {_quote_length(raw)} words long: a quote is at most {MAX_QUOTE_WORDS} words"
    return None


def _cells(table: Table, row: Row) -> list[Problem]:
    problems = []
    for col in table.columns:
        raw = row.values.get(col.name, "")
        if not raw:
            if col.required:
                problems.append(Problem(row.file, row.line, col.name, None,
                                        "is empty, but a value is required"))
            continue
        parts = [p.strip() for p in raw.split("|")] if col.multi else [raw]
        for part in parts:
            reason = check_value(col, part) if part else "has an empty item between '|' separators"
            if reason:
                problems.append(Problem(row.file, row.line, col.name, part, reason))
                break
    if "value_or_text" in table.extra_checks and not row.values.get("value") and not row.values.get("value_text"):
        problems.append(Problem(row.file, row.line, "value", None,
                                "a claim needs a number in 'value' or words in 'value_text'"))
    if "party_names" in table.extra_checks:
        for side in ("a", "b"):
            kind, named = row.values.get(f"party_{side}_type", ""), row.values.get(f"party_{side}_name_en", "")
            has_table = ENTITY_TABLES.get(kind, (None, None))[0] is not None
            if has_table and named:
                problems.append(Problem(row.file, row.line, f"party_{side}_name_en", named,
                                        f"a {kind} party is named by its row in its own table: leave this empty"))
            elif kind and not has_table and not named:
                problems.append(Problem(row.file, row.line, f"party_{side}_name_en", None,
                                        f"a {kind} party has no table to name it: give its name as the source does"))
    if "known_for_translations" in table.extra_checks and not row.values.get("known_for"):
        for col in ("known_for_zh_hans", "known_for_zh_hant"):
            if row.values.get(col):
                problems.append(Problem(row.file, row.line, col, row.values[col],
                                        "is a translation of known_for, which is empty: give the English first"))
    if "url_unless_registry" in table.extra_checks and not row.values.get("url") \
            and row.values.get("kind") != "registry":
        problems.append(Problem(row.file, row.line, "url", None,
                                "is empty, but a value is required (only a registry export, kind registry, has none)"))
    if "year_meaning" in table.extra_checks:
        meaning = row.values.get("year_meaning", "")
        if meaning and not YEAR_MEANING.match(meaning):
            problems.append(Problem(row.file, row.line, "year_meaning", meaning,
                                    "must be announced, shot, in-production, released-world or "
                                    "released-XX with a country code (released-CN)"))
    return problems


def _duplicates(table: Table, rows: list[Row]) -> list[Problem]:
    seen: dict[tuple, Row] = {}
    problems = []
    for row in rows:
        key = tuple(row.values.get(k, "") for k in table.key)
        if not all(key):
            continue
        if key in seen:
            first = seen[key]
            problems.append(Problem(row.file, row.line, ", ".join(table.key), " / ".join(key),
                                    f"duplicate key: already used at {first.file}, line {first.line}"))
        else:
            seen[key] = row
    return problems


def _key_sets(rows: dict[str, list[Row]]) -> dict[str, set[str]]:
    keys = {}
    for name, table in TABLES.items():
        if len(table.key) == 1:
            keys[name] = {r.values.get(table.key[0], "") for r in rows.get(name, [])}
    return keys


def _references(table: Table, rows: list[Row], keys: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for ref in table.references:
        for row in rows:
            value = row.values.get(ref.column, "")
            if not value:
                continue
            target = ref.table
            if target.startswith("@"):
                kind = row.values.get(target[1:], "")
                target, _ = ENTITY_TABLES.get(kind, (None, None))
                if kind == "organisation" and table.name in ("claims", "memberships"):
                    if value not in ORGANISATION_IDS:
                        problems.append(Problem(row.file, row.line, ref.column, value,
                                                f"unknown organisation; known: {', '.join(ORGANISATION_IDS)}"))
                    continue
                if target is None:
                    continue  # free-text party (a university, an organisation): no table to resolve
            if value not in keys.get(target, set()):
                what = "source" if target == "sources" else f"{target} entry"
                problems.append(Problem(row.file, row.line, ref.column, value,
                                        f"unknown {what}: no row in '{target}' has this id "
                                        f"(a dangling reference)"))
    return problems


def _table_rules(rows: dict[str, list[Row]]) -> list[Problem]:
    """Rules across rows: a co-production has at least two countries."""
    problems = []
    countries: dict[str, set[str]] = {}
    for r in rows.get("production_countries", []):
        countries.setdefault(r.values.get("production_id", ""), set()).add(r.values.get("country_iso2", ""))
    for r in rows.get("productions", []):
        if r.values.get("is_coproduction") == "true":
            n = len(countries.get(r.values.get("production_id", ""), set()))
            if n < 2:
                problems.append(Problem(r.file, r.line, "is_coproduction", "true",
                                        f"a co-production needs at least two countries in "
                                        f"production_countries; it has {n}"))
    return problems


def validate(rows: dict[str, list[Row]]) -> list[Problem]:
    problems: list[Problem] = []
    for name, table in TABLES.items():
        table_rows = rows.get(name, [])
        for row in table_rows:
            problems.extend(_cells(table, row))
        problems.extend(_duplicates(table, table_rows))
    keys = _key_sets(rows)
    for name, table in TABLES.items():
        problems.extend(_references(table, rows.get(name, []), keys))
    problems.extend(_table_rules(rows))
    for name, table in TABLES.items():
        if len(rows.get(name, [])) < table.min_rows:
            problems.append(Problem(f"data/raw/{name}/", None, None, None,
                                    f"table '{name}' has no rows: at least {table.min_rows} expected"))
    return problems
