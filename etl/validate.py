"""Validate: every cell against its column's rule, every key, every reference. All problems, one run."""

from __future__ import annotations

import calendar
import re
import tomllib
import unicodedata
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from etl.extract import Row
from etl.problems import Problem
from etl.schema import (
    BIGINT_MAX,
    DECIMAL_LIMIT,
    ENTITY_TABLES,
    INITIATING_MILESTONES,
    NON_NEGATIVE_UNITS,
    ORGANISATION_IDS,
    PLACE_PARENT_TYPES,
    PLACE_TYPES,
    SCALE_FACTORS,
    TABLES,
    YEAR_MAX,
    YEAR_MIN,
    Column,
    Table,
)

# ASCII only: Python's \d also matches full-width (１２) and Arabic-Indic (١٢) digits, which int() accepts
# and DuckDB's casts refuse.
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
ISO2 = re.compile(r"^[A-Z]{2}$")
DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
INTEGER = re.compile(r"^-?[0-9]+$")
NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
URL = re.compile(r"^https?://[!-~\u00a0-\U0010ffff]+$")
YEAR_MEANING = re.compile(r"^(announced|shot|in-production|released-(?:[A-Z]{2}|world))$")
MAX_QUOTE_WORDS = 30
CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")
# UTF-8 read as cp1252 or latin-1: a lead byte (Ã, å, é ...) then a continuation byte shown as a
# character of U+0080-U+00BF or one of cp1252's punctuation marks (â€™, Ã©, é\x9d\x92).
MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                      "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# Invisible characters that reorder or hide text (bidi controls, zero-width spaces) are Unicode
# category Cf. The zero-width (non-)joiner is part of spelling in Arabic-script and Indic text, so it
# is allowed between two letters of those scripts.
JOINERS = "\u200c\u200d"
JOINING_SCRIPTS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefc]")


def _quote_length(text: str) -> int:
    # Chinese and Japanese do not separate words; a word there averages about two characters,
    # so two CJK characters count as one word (30 words is about 60 characters of Chinese).
    return (len(CJK.findall(text)) + 1) // 2 + len(CJK.sub(" ", text).split())


def _mojibake(text: str) -> str | None:
    """The text repaired, when it is UTF-8 that was decoded as cp1252 or latin-1; else None."""
    if text.isascii() or not MOJIBAKE.search(text):
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return None


def _joiner_allowed(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and all(JOINING_SCRIPTS.match(text[j]) for j in (i - 1, i + 1))


def text_problem(col: Column, raw: str) -> str | None:
    """The reason a cell's characters are refused whatever its kind: length, invisible or control characters."""
    if len(raw) > col.length_limit:
        return f"is {len(raw)} characters long: at most {col.length_limit} are allowed in this column"
    repaired = _mojibake(raw)
    if repaired is not None:
        return (f"is garbled text (mojibake: UTF-8 read as latin-1; it reads '{repaired[:40]}' repaired): "
                "save the file as UTF-8 and declare it so in manifest.toml")
    if raw.isprintable():  # no control, format, separator or unassigned character: nothing below applies
        return None
    for i, ch in enumerate(raw):
        category = unicodedata.category(ch)
        if ch == "\n" and col.multiline:
            continue
        if ch in "\r\n\u0085\u2028\u2029":
            return f"holds a line break (U+{ord(ch):04X}): a value in this column is one line"
        if category == "Cc":
            return f"holds a control character (U+{ord(ch):04X}), which is invisible: delete it"
        if category == "Cf" and not (ch in JOINERS and _joiner_allowed(raw, i)):
            what = "a bidirectional control" if unicodedata.bidirectional(ch) in (
                "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "LRM", "RLM", "ALM") else \
                "an invisible formatting character (zero-width or similar)"
            return f"holds {what} (U+{ord(ch):04X}), which hides or reorders text on screen: delete it"
        if category in ("Cs", "Co", "Cn"):
            return f"holds a character that is unassigned or for private use (U+{ord(ch):04X}): delete it"
    return None


def _digits_hint(raw: str) -> str:
    if any(ch.isdigit() and not ch.isascii() for ch in raw):
        return " (it has full-width or other non-ASCII digits: write the digits 0-9)"
    return ""


def check_value(col: Column, raw: str) -> str | None:
    """The reason a non-empty value breaks its column's rule, or None."""
    kind = col.kind
    if kind == "slug" and not SLUG.match(raw):
        return "is not an id: use lowercase letters, digits and hyphens (for example 'hong-kong')"
    if kind == "iso2" and not ISO2.match(raw):
        return "is not an ISO 3166-1 alpha-2 code (two capital letters, for example 'CN')"
    if kind in ("int", "year"):
        if not INTEGER.match(raw):
            return "is not a whole number" + _digits_hint(raw)
        lo, hi = (YEAR_MIN, YEAR_MAX) if kind == "year" else (col.lo, col.hi)
        lo, hi = -BIGINT_MAX if lo is None else lo, BIGINT_MAX if hi is None else hi
        if not lo <= int(raw) <= hi:
            return f"is out of range: a {'year' if kind == 'year' else 'value'} must lie between {lo} and {hi}"
    if kind == "number":
        if not NUMBER.match(raw):
            return ("is not a number (write digits with a decimal point, no units or thousands separators)"
                    + _digits_hint(raw))
        if len(raw.lstrip("-").split(".")[0]) > 28:
            return "is too large: at most 28 digits before the decimal point"
        if (col.lo is not None and float(raw) < col.lo) or (col.hi is not None and float(raw) > col.hi):
            return f"is out of range: it must lie between {col.lo:g} and {col.hi:g}"
    if kind == "date":
        m = DATE.match(raw)
        if not m:
            return "is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)" + _digits_hint(raw)
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
    if kind == "url" and not URL.match(raw):
        return "is not a web address (http:// or https://)"
    if kind == "lang" and not LANG.match(raw):
        return "is not a BCP 47 language code (for example 'en', 'zh-Hans', 'ru')"
    if kind == "quote" and _quote_length(raw) > MAX_QUOTE_WORDS:
        return f"is {_quote_length(raw)} words long: a quote is at most {MAX_QUOTE_WORDS} words"
    return None


def ends_before_start(start: str, end: str) -> bool:
    """ISO dates compared as text at the end date's precision, so a partial date is never refused for
    what it leaves out (the same rule as sql/checks/membership_ends_after_it_starts.sql)."""
    return end < start[:len(end)]


def _cells(table: Table, row: Row) -> list[Problem]:
    problems = []
    for col in table.columns:
        raw = row.values.get(col.name, "")
        if not raw:
            if col.required:
                problems.append(Problem(row.file, row.line, col.name, None,
                                        "is empty, but a value is required"))
            continue
        reason = text_problem(col, raw)
        if reason:
            problems.append(Problem(row.file, row.line, col.name, raw, reason))
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
    if "claim_value" in table.extra_checks and not _bad(table, row, "value", "scale"):
        value, unit = row.values.get("value", ""), row.values.get("unit", "")
        if value and unit in NON_NEGATIVE_UNITS and value.startswith("-"):
            problems.append(Problem(row.file, row.line, "value", value,
                                    f"is negative, but a figure in {unit} cannot be"))
        elif value and abs(Decimal(value)) * SCALE_FACTORS[row.values.get("scale", "")] >= DECIMAL_LIMIT:
            problems.append(Problem(row.file, row.line, "value", value,
                                    "is too large: the value times its scale must stay below 10^28 "
                                    "(the warehouse stores claims as DECIMAL(38, 9))"))
    if "ends_after_start" in table.extra_checks and not _bad(table, row, "start_date", "end_date"):
        start, end = row.values.get("start_date", ""), row.values.get("end_date", "")
        if start and end and ends_before_start(start, end):
            problems.append(Problem(row.file, row.line, "end_date", end,
                                    f"ends before it starts (start_date is {start})"))
    if "year_meaning" in table.extra_checks:
        meaning = row.values.get("year_meaning", "")
        if meaning and not YEAR_MEANING.match(meaning):
            problems.append(Problem(row.file, row.line, "year_meaning", meaning,
                                    "must be announced, shot, in-production, released-world or "
                                    "released-XX with a country code (released-CN)"))
    return problems


def _bad(table: Table, row: Row, *columns: str) -> bool:
    """Whether any of these cells breaks its own rule (then rules across cells wait until it is fixed)."""
    for name in columns:
        col, raw = table.column(name), row.values.get(name, "")
        if raw and (text_problem(col, raw) or check_value(col, raw)):
            return True
    return False


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


def _references(table: Table, rows: list[Row], keys: dict[str, set[str]], broken: set[str]) -> list[Problem]:
    """Dangling references; not into a table with an unreadable file (every row would dangle), nor from a
    cell already refused for its own sake."""
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
            if value in keys.get(target, set()) or target in broken or _bad(table, row, ref.column):
                continue
            what = "source" if target == "sources" else f"{target} entry"
            problems.append(Problem(row.file, row.line, ref.column, value,
                                    f"unknown {what}: no row in '{target}' has this id (a dangling reference)"))
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


PLACE_METRICS = Path(__file__).resolve().parent / "rules" / "place_metrics.toml"
PLACE_METRICS_SHOWN = "etl/rules/place_metrics.toml"


@cache
def place_metrics(path: Path = PLACE_METRICS) -> dict[str, frozenset[str]]:
    """Place type -> the metrics a claim about such a place may carry (etl/rules/place_metrics.toml)."""
    with path.open("rb") as f:
        rules = tomllib.load(f)
    unknown = sorted(set(rules) - set(PLACE_TYPES))
    if unknown:
        raise ValueError(f"{path}: unknown place types: {', '.join(unknown)}; known: {', '.join(PLACE_TYPES)}")
    return {kind: frozenset(rules.get(kind, {}).get("metrics", [])) for kind in PLACE_TYPES}


def _earliest(iso: str) -> str:
    """The first day a partial ISO date can mean: 2019-03 -> 2019-03-01."""
    return (iso + "-01-01")[:10] if len(iso) == 4 else (iso + "-01")[:10]


def _latest(iso: str) -> str:
    """The last day a partial ISO date can mean: 2019-03 -> 2019-03-31, 2019 -> 2019-12-31."""
    if len(iso) == 4:
        return f"{iso}-12-31"
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:7])
        return f"{iso}-{calendar.monthrange(year, month)[1]:02d}"
    return iso


def reports_after(published: str, last_day: str) -> bool:
    """Whether a source published on `published` was surely published on or after `last_day` (both ISO,
    partial allowed): its earliest possible day is not before the event's latest possible last day, so
    a source of 2019-03 never attests an event that ended in March 2019."""
    return bool(published) and _earliest(published) >= _latest(last_day)


def _place_rules(rows: dict[str, list[Row]]) -> list[Problem]:
    """Places form a tree: a parent of an allowed type, in the same city, no cycle; a city's place row has
    the city's id."""
    problems = []
    places = {r.values.get("place_id", ""): r for r in rows.get("places", [])}
    for r in rows.get("places", []):
        v = r.values
        kind, parent_id, city_id = v.get("place_type", ""), v.get("parent_id", ""), v.get("city_id", "")
        if kind not in PLACE_TYPES:
            continue  # refused for its own sake
        if kind in ("city", "district", "site") and not city_id:
            problems.append(Problem(r.file, r.line, "city_id", None,
                                    f"is empty, but a {kind} names the city it is or lies in"))
        if kind in ("province", "region") and city_id:
            problems.append(Problem(r.file, r.line, "city_id", city_id,
                                    f"a {kind} is larger than a city: leave city_id empty"))
        if kind == "city" and city_id and city_id != v.get("place_id"):
            problems.append(Problem(r.file, r.line, "place_id", v.get("place_id"),
                                    f"a city's place row has the city's id ('{city_id}')"))
        if kind in ("district", "site") and not parent_id:
            problems.append(Problem(r.file, r.line, "parent_id", None,
                                    f"is empty, but a {kind} lies in a place (its city or a district)"))
        parent = places.get(parent_id)
        if parent_id and parent is not None:
            p_kind = parent.values.get("place_type", "")
            if p_kind not in PLACE_PARENT_TYPES[kind]:
                allowed = ", ".join(PLACE_PARENT_TYPES[kind]) or "none (its parent is its country)"
                problems.append(Problem(r.file, r.line, "parent_id", parent_id,
                                        f"is a {p_kind}, but a {kind}'s parent is one of: {allowed}"))
            elif kind in ("district", "site") and parent.values.get("city_id") != city_id:
                problems.append(Problem(r.file, r.line, "parent_id", parent_id,
                                        f"lies in city '{parent.values.get('city_id')}', but this {kind} "
                                        f"names city '{city_id}'"))
            seen, step = {v.get("place_id")}, parent
            while step is not None:
                step_id = step.values.get("place_id")
                if step_id in seen:
                    problems.append(Problem(r.file, r.line, "parent_id", parent_id,
                                            "makes a cycle: a place cannot lie in itself"))
                    break
                seen.add(step_id)
                step = places.get(step.values.get("parent_id", ""))
    return problems


def _claim_place_rules(rows: dict[str, list[Row]], rules: dict[str, frozenset[str]]) -> list[Problem]:
    """A claim's metric fits the type of place it measures; a whole city's figure is a city claim."""
    problems = []
    kinds = {r.values.get("place_id", ""): r.values.get("place_type", "") for r in rows.get("places", [])}
    for r in rows.get("claims", []):
        entity_type, entity_id, metric = (r.values.get(k, "") for k in ("entity_type", "entity_id", "metric"))
        if entity_type == "city":
            kind = "city"
        elif entity_type == "place" and entity_id in kinds:
            kind = kinds[entity_id]
            if kind == "city":
                problems.append(Problem(r.file, r.line, "entity_type", entity_type,
                                        f"'{entity_id}' is a city: a figure for a whole city is a claim with "
                                        f"entity_type city"))
                continue
        else:
            continue
        if metric and kind in rules and metric not in rules[kind]:
            problems.append(Problem(r.file, r.line, "metric", metric,
                                    f"is not a metric a {kind} carries ('{entity_id}' is a {kind}; "
                                    f"{PLACE_METRICS_SHOWN} lists the metrics of each type of place)"))
    return problems


def _event_rules(rows: dict[str, list[Row]]) -> list[Problem]:
    """A held event rests on a source published on or after its last day: an announcement, however
    confident, does not show that it took place."""
    problems = []
    published = {r.values.get("source_id", ""): r.values.get("published", "") for r in rows.get("sources", [])}
    cited: dict[str, set[str]] = {}
    for r in rows.get("claims", []):
        if r.values.get("entity_type") == "event":
            cited.setdefault(r.values.get("entity_id", ""), set()).add(r.values.get("source_id", ""))
    for r in rows.get("events", []):
        v = r.values
        if v.get("status") != "held":
            continue
        last_day = v.get("end_date") or v.get("start_date", "")
        if not last_day or not DATE.match(last_day):
            continue  # refused for its own sake
        sources = sorted({v.get("source_id", "")} | cited.get(v.get("event_id", ""), set()) - {""})
        if any(reports_after(published.get(s, ""), last_day) and DATE.match(published.get(s, ""))
               for s in sources):
            continue
        shown = ", ".join(f"{source} ({published.get(source) or 'no publication date'})" for source in sources)
        problems.append(Problem(r.file, r.line, "status", "held",
                                f"a held event needs a source published on or after its last day "
                                f"({_latest(last_day)}), and none of its sources is: {shown}; cite a report "
                                f"published after it, or set the status to announced"))
    return problems


def _milestone_rules(rows: dict[str, list[Row]]) -> list[Problem]:
    """A production's milestones fit together and fit their sources: it is released no earlier than it is
    announced, agreed or shot; a date from a publication is that publication's date; no source reports a
    milestone dated after it was published (a plan is not a milestone); a released title has status released.
    Partial dates are compared by the days they can mean, so only a sure contradiction is refused."""
    problems = []
    published = {r.values.get("source_id", ""): r.values.get("published", "") for r in rows.get("sources", [])}
    statuses = {r.values.get("production_id", ""): r.values.get("status", "") for r in rows.get("productions", [])}
    table = TABLES["production_milestones"]
    dated: dict[str, list[Row]] = {}
    for r in rows.get("production_milestones", []):
        v = r.values
        if _bad(table, r, "date", "source_id"):
            continue  # refused for its own sake
        dated.setdefault(v.get("production_id", ""), []).append(r)
        when, source = v.get("date", ""), v.get("source_id", "")
        on = published.get(source, "")
        if v.get("dated_by") == "publication" and not (on and on.startswith(when)):
            problems.append(Problem(r.file, r.line, "date", when,
                                    f"is dated by its source's publication date, but {source} was published "
                                    f"{on or 'on no recorded date'}: give that date (or its year or month), "
                                    f"or date it by the quote"))
        elif on and DATE.match(on) and _latest(on) < _earliest(when):
            problems.append(Problem(r.file, r.line, "date", when,
                                    f"is after {source} was published ({on}): a source cannot report a "
                                    f"{v.get('milestone')} milestone that had not happened yet; a plan ('will be "
                                    f"released on ...') is not a milestone: cite a later report, or leave it out"))
        status = statuses.get(v.get("production_id", ""))
        if v.get("milestone") == "released" and status and status != "released":
            problems.append(Problem(r.file, r.line, "milestone", "released",
                                    f"'{v.get('production_id')}' has status '{status}' in productions: a title "
                                    f"with a release date has status released"))
    for milestones in dated.values():
        released = [r for r in milestones if r.values.get("milestone") == "released"]
        for r in released:
            when = r.values.get("date", "")
            for other in milestones:
                what, then = other.values.get("milestone"), other.values.get("date", "")
                if what in INITIATING_MILESTONES and _latest(when) < _earliest(then):
                    problems.append(Problem(r.file, r.line, "date", when,
                                            f"is before the title's {what} milestone ({then}, {other.file}, line "
                                            f"{other.line}): a title is released after it is announced, agreed "
                                            f"and shot"))
    return problems


def validate(rows: dict[str, list[Row]], broken_tables: set[str] = frozenset()) -> list[Problem]:
    """Every problem of the rows; a table whose files had problems is not also reported as empty."""
    problems: list[Problem] = []
    for name, table in TABLES.items():
        table_rows = rows.get(name, [])
        for row in table_rows:
            problems.extend(_cells(table, row))
        problems.extend(_duplicates(table, table_rows))
    keys = _key_sets(rows)
    for name, table in TABLES.items():
        problems.extend(_references(table, rows.get(name, []), keys, broken_tables))
    if "production_countries" not in broken_tables:
        problems.extend(_table_rules(rows))
    if "places" not in broken_tables:
        problems.extend(_place_rules(rows))
        if "claims" not in broken_tables:
            problems.extend(_claim_place_rules(rows, place_metrics()))
    if not {"events", "sources", "claims"} & set(broken_tables):
        problems.extend(_event_rules(rows))
    if not {"production_milestones", "productions", "sources"} & set(broken_tables):
        problems.extend(_milestone_rules(rows))
    for name, table in TABLES.items():
        if len(rows.get(name, [])) < table.min_rows and name not in broken_tables:
            problems.append(Problem(f"data/raw/{name}/", None, None, None,
                                    f"table '{name}' has no rows: at least {table.min_rows} expected"))
    return problems
