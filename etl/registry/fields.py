"""One registry cell at a time: credit codes, names, dates, capital, and the activity from the scope.

Each parser returns the clean value or raises Refused with the reason, worded for the researcher.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from etl.problems import counted
from etl.schema import YEAR_MIN

HERE = Path(__file__).resolve().parent

# GB 32100-2015: the code's 31 characters, in the order of their values 0..30 (no I, O, Z, S, V),
# and the weights of positions 1..17 (3^(i-1) mod 31); the 18th character is the check digit.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}


class Refused(ValueError):
    """A cell the import cannot accept; the message is the reason shown in the rejects file."""


# NFKC of the full-width ASCII forms (Ａ１（）, U+FF01..U+FF5E) and the ideographic space, as one
# table: NFKC on those characters only, since NFKC elsewhere would also rewrite CJK compatibility
# ideographs. Checked against unicodedata in the tests.
_FOLD = {c: unicodedata.normalize("NFKC", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000]}


def fold_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII forms."""
    return text if text.isascii() else text.translate(_FOLD)


_SPACES = re.compile(r"\s+")
_SPACE_NEAR_CJK = re.compile(r"\s+(?=[\u3400-\u9fff()])|(?<=[\u3400-\u9fff()])\s+")


def normalise_name(text: str) -> str:
    """The registry's name with full-width forms folded and spaces tidied (runs of spaces become
    one, spaces next to Chinese characters or brackets go): 杭州 某某（影视）有限公司 → 杭州某某(影视)有限公司."""
    folded = fold_width(text).strip()
    if " " not in folded and folded.isprintable():
        return folded  # nothing to tidy: the common case
    return _SPACE_NEAR_CJK.sub("", _SPACES.sub(" ", folded))


def name_key(text: str) -> str:
    """What two names must share to be the same company: the normalised name without spaces, case-folded."""
    return _SPACES.sub("", normalise_name(text)).casefold()


_USCC_SHAPE = re.compile(r"[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}")


def uscc_check_digit(first17: str) -> str:
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def parse_credit_code(raw: object) -> str:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise Refused("is stored as a number in the spreadsheet, so digits may have been lost: format the "
                      "column as text in the registry export and export again")
    code = fold_width(str(raw or "")).strip().upper()
    if _USCC_SHAPE.fullmatch(code):  # the common case: only the check digit is left to verify
        expected = uscc_check_digit(code[:17])
        if code[17] == expected:
            return code
    if not code:
        raise Refused("is empty: every registry row needs its unified social credit code")
    if len(code) != 18:
        raise Refused(f"has {counted(len(code), 'character', 'characters')}: a unified social credit code has 18 (GB 32100-2015)")
    bad = sorted({c for c in code if c not in _USCC_VALUE})
    if bad:
        raise Refused(f"has characters outside the code's alphabet (digits and capitals except I, O, Z, S, V): "
                      f"{' '.join(bad)}")
    if not code[2:8].isdigit():
        raise Refused("characters 3 to 8 must be digits: they are the registering authority's administrative "
                      "division code")
    expected = uscc_check_digit(code[:17])
    if code[17] != expected:
        raise Refused(f"check digit is {code[17]}, but the first 17 characters give {expected} (GB 32100-2015): "
                      f"a character was misread or mistyped")
    return code


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(raw: object, latest: date) -> str:
    """An ISO date from the forms registries use (2015-03-12, 2015/3/12, 2015年3月12日, 20150312,
    a spreadsheet date); refused when unreadable, impossible, or after the export's date."""
    if isinstance(raw, datetime):
        day = raw.date()
    elif isinstance(raw, date):
        day = raw
    else:
        text = fold_width(str(raw)).strip()
        match = next((m for p in _DATE_PATTERNS if (m := p.match(text))), None)
        if not match:
            raise Refused("is not a date (write 2015-03-12, 2015/3/12 or 2015年3月12日)")
        try:
            day = date(*(int(g) for g in match.groups()))
        except ValueError:
            raise Refused("is not a real calendar date") from None
    if day.year < YEAR_MIN:
        raise Refused(f"is before {YEAR_MIN}: not a plausible founding date")
    if day > latest:
        raise Refused(f"is after the export's date ({latest.isoformat()}): a company cannot be founded later "
                      f"than the registry was read")
    return day.isoformat()


@dataclass(frozen=True)
class Capital:
    amount: str  # as stated, plain decimal
    unit: str  # as stated (万元)
    currency: str  # ISO 4217
    base: str  # amount in units of the currency, plain decimal


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=1024)
def unit_key(unit: str) -> str:
    return re.sub(r"[\s()]", "", fold_width(unit)).casefold()


_CAPITAL = re.compile(r"^(\D*?)\s*(\d[\d,]*(?:\.\d+)?)\s*(.*?)$")


def parse_capital(raw: object, units: dict[str, dict], header_unit: str = "") -> Capital:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        prefix, number, suffix = "", repr(raw) if isinstance(raw, float) else str(raw), ""
    else:
        match = _CAPITAL.match(fold_width(str(raw)).strip())
        if not match:
            raise Refused("is not an amount (write 500万元, 100万美元 or a number under a header such as 注册资本(万元))")
        prefix, number, suffix = match.groups()
    unit = (prefix + suffix).strip() or header_unit
    if not unit:
        raise Refused("has no unit: write it after the amount (500万元) or in the header (注册资本(万元))")
    spec = units.get(unit_key(unit))
    if spec is None:
        raise Refused(f"has a unit this import does not know ('{unit}'): add it to etl/registry/headers.toml "
                      f"[capital_units] if it is a currency unit")
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        raise Refused("is not an amount") from None
    if amount <= 0:
        raise Refused("is not a positive amount")
    return Capital(_plain(amount), unit, spec["currency"], _plain(amount * Decimal(spec["factor"])))


@dataclass(frozen=True)
class Rule:
    activity: str
    priority: int
    keywords: tuple[str, ...]
    exclude: tuple[str, ...]


ACTIVITIES = ("production", "animation", "post-production", "distribution", "cinema", "other")


@lru_cache(maxsize=4)
def activity_rules(path: Path = HERE / "activities.toml") -> tuple[Rule, ...]:
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = tuple(sorted((Rule(r["activity"], int(r["priority"]), tuple(k.casefold() for k in r["keywords"]),
                               tuple(e.casefold() for e in r.get("exclude", ())))
                          for r in spec["rule"]), key=lambda r: r.priority))
    for rule in rules:
        assert rule.activity in ACTIVITIES and rule.activity != "other", f"{path}: unknown activity {rule.activity}"
        assert rule.keywords, f"{path}: rule {rule.activity} has no keywords"
    assert len({r.priority for r in rules}) == len(rules), f"{path}: two rules share a priority"
    return rules


def classify(scope: str, rules: tuple[Rule, ...] | None = None) -> tuple[str, str]:
    """(activity, the keyword that decided it) for a business scope; ('other', '') when no rule matches."""
    text = fold_width(scope).casefold()
    for rule in rules if rules is not None else activity_rules():
        seen = text
        for phrase in rule.exclude:
            if phrase in seen:
                seen = seen.replace(phrase, " ")
        for keyword in rule.keywords:
            if keyword in seen:
                return rule.activity, keyword
    return "other", ""
