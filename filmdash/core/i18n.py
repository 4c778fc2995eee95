"""One translation function for every UI string, and the formats that follow the language.

Catalogues live in locales/<lang>/<part>.json (one part per page or module, merged; a key may be
defined in one part only); English is the reference and every other language must have exactly its
keys (a test fails on any missing string). Names of cities,
countries, studios, companies and films are data, not UI: `name()` picks the script the reader
chose and falls back to the original.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from contextvars import ContextVar
from functools import cache

import pandas as pd
from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_decimal, get_currency_name

from filmdash.core.paths import LOCALES_DIR

LANGUAGES = ("en", "zh-Hans", "zh-Hant")
DEFAULT = "en"
# short enough for one row in the sidebar ("简体中文 | 繁體中文" wrapped onto a second line)
LANGUAGE_LABELS = {"en": "English", "zh-Hans": "简体", "zh-Hant": "繁體"}
_current: ContextVar[str] = ContextVar("language", default=DEFAULT)
# the CLDR locale (Babel) behind each language: plural rules, grouping, currency names
BABEL_LOCALES = {"en": "en", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_HK"}


@cache
def catalogue(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in sorted((LOCALES_DIR / lang).glob("*.json")):
        entries = json.loads(part.read_text(encoding="utf-8"))
        clash = merged.keys() & entries.keys()
        if clash:
            raise ValueError(f"{part}: keys already defined in another part: {sorted(clash)}")
        merged.update(entries)
    return merged


def set_language(lang: str) -> str:
    lang = lang if lang in LANGUAGES else DEFAULT
    _current.set(lang)
    return lang


def language() -> str:
    return _current.get()


@cache
def babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def t(key: str, lang: str | None = None, **values) -> str:
    """The string for key in the current language; a missing key raises (tests catch it).

    Plurals follow the language's CLDR rule (Babel), two ways:
    - an entry may be a dict of plural forms ({"one": "{n} member", "other": "{n} members"}), chosen by n;
    - any count in a text may be an ICU-style plural, as gettext's ngettext does for one count but for
      as many counts as a sentence holds: "{sources, plural, one {# source agrees} other {# sources
      agree}} on {label}." (`#` is the count as given, or grouped by the locale when given as a number).
    Chinese has one form only, so its catalogues hold plain strings."""
    lang = lang or language()
    text = catalogue(lang)[key]
    if isinstance(text, dict):
        form = plural_form(values["n"], lang) if "n" in values else "other"
        text = text.get(form, text["other"])
    if "{" in text and ", plural," in text:
        text = _plurals(text, lang, values)
    return text.format(**values) if values else text


_PLURAL = re.compile(r"\{(\w+), plural,")
_FORM = re.compile(r"\s*(=\d+|zero|one|two|few|many|other)\s*\{")


def _count(value) -> float:
    """A count given as a number or as text already formatted ('1,234', '12')."""
    if isinstance(value, str):
        digits = re.sub(r"[^0-9.]", "", value)
        if not digits:
            raise ValueError(f"not a count: {value!r}")
        return float(digits)
    return float(value)


def plural_form(value, lang: str) -> str:
    """'one', 'other' ... for a count in a language (CLDR plural rules, through Babel)."""
    count = _count(value)
    return babel_locale(lang).plural_form(int(count) if count == int(count) else count)


def _plurals(text: str, lang: str, values: dict) -> str:
    """Each '{var, plural, one {...} other {...}}' replaced by the form var's count takes."""
    while match := _PLURAL.search(text):
        forms, i = {}, match.end()
        while text[i] != "}":
            form = _FORM.match(text, i)
            if form is None:
                raise ValueError(f"bad plural in {text!r} at {i}")
            depth, j = 1, form.end()
            while depth:
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
            forms[form.group(1)] = text[form.end():j - 1]
            i = j
            while text[i].isspace():
                i += 1
        value = values[match.group(1)]
        exact = f"={_count(value):g}"
        body = forms.get(exact) or forms.get(plural_form(value, lang)) or forms["other"]
        shown = value if isinstance(value, str) else format_decimal(value, locale=BABEL_LOCALES[lang])
        text = text[:match.start()] + body.replace("#", str(shown)) + text[i + 1:]
    return text


def counted(n: int, one: str, other: str) -> str:
    """An English count with its noun in the right form ('1 problem', '3 problems'), for messages
    to the person running a command (CLDR's English plural rule, through Babel)."""
    return f"{n:,} {one if plural_form(n, 'en') == 'one' else other}"


def from_locale(locale: str | None) -> str:
    """Map a browser locale (zh-TW, zh-HK, zh-CN, en-GB ...) to a supported language."""
    if not locale:
        return DEFAULT
    code = locale.replace("_", "-").lower()
    if code.startswith("zh"):
        return "zh-Hant" if any(p in code for p in ("hant", "-tw", "-hk", "-mo")) else "zh-Hans"
    return DEFAULT


NAME_SUFFIX = {"en": "en", "zh-Hans": "zh_hans", "zh-Hant": "zh_hant"}
# The scripts a reader's language looks in, in order: the other Chinese script before English.
SCRIPT_ORDER = {"en": ("en",), "zh-Hans": ("zh_hans", "zh_hant", "en"), "zh-Hant": ("zh_hant", "zh_hans", "en")}


def _first_text(row, columns) -> str:
    for column in columns:
        value = row.get(column) if hasattr(row, "get") else None
        if isinstance(value, str) and value.strip():
            return value
    return ""


def name(row, prefix: str = "name", lang: str | None = None) -> str:
    """A name in the chosen script, falling back to the other Chinese script, then English."""
    return _first_text(row, [f"{prefix}_{suffix}" for suffix in SCRIPT_ORDER[lang or language()]])


def translated(row, column: str, lang: str | None = None) -> str:
    """A text whose English is `column` itself and whose Chinese versions are `column`_zh_hans and
    `column`_zh_hant (companies.known_for), picked in the same order as name(); '' when all are empty."""
    return _first_text(row, [column if suffix == "en" else f"{column}_{suffix}"
                             for suffix in SCRIPT_ORDER[lang or language()]])


def missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _trim(value: float, decimals: int, lang: str = DEFAULT) -> str:
    """1,234.50 -> '1,234.5'; 8.00 -> '8': at most `decimals` decimals, grouped as the locale groups."""
    return format_decimal(round(value, decimals), "#,##0." + "#" * decimals if decimals else "#,##0",
                          locale=BABEL_LOCALES[lang])


def number(value, lang: str | None = None, decimals: int | None = None) -> str:
    """A number in the reader's convention (digits through Babel); a missing value is 'no data',
    never 0. Chinese counts in 万 and 亿 (4,398.2万, 24.5万, 12.5亿), English in m and bn."""
    lang = lang or language()
    if missing(value):
        return t("no_data", lang)
    value = float(value)
    if lang != "en":
        if abs(value) >= 1e8:
            return f"{_trim(value / 1e8, 2, lang)}{t('unit_yi', lang)}"
        if abs(value) >= 1e4:
            return f"{_trim(value / 1e4, 1, lang)}{t('unit_wan', lang)}"
    elif abs(value) >= 1e9:
        return f"{_trim(value / 1e9, 2, lang)} bn"
    elif abs(value) >= 1e6:
        return f"{_trim(value / 1e6, 1, lang)} m"
    if decimals is None:
        return _trim(value, 0 if value == int(value) else 2, lang)
    return format_decimal(value, "#,##0." + "0" * decimals if decimals else "#,##0", locale=BABEL_LOCALES[lang])


# units a claim can carry besides currencies (which stay ISO codes: 'CNY', 'USD'); 'count' and
# 'text' show no unit after the value
UNIT_WORDS = ("people", "m2", "screens", "tickets", "years", "days")


def with_unit(shown: str, unit, lang: str | None = None) -> str:
    """A formatted value with its unit in the reader's language: '1.25 bn tickets' / '12.5亿张票',
    '40%', '3.76 km²' / '3.76平方公里', '8.2 bn USD' / '82亿美元' (a currency by its code in
    English, by its CLDR name in Chinese, through Babel). Units are never converted."""
    lang = lang or language()
    if missing(unit) or unit in ("count", "text"):
        return shown
    if unit == "percent":
        return f"{shown}%"
    if unit in UNIT_WORDS or unit == "km2":
        return f"{shown} {t(f'unit_{unit}', lang)}" if lang == "en" else f"{shown}{t(f'unit_{unit}', lang)}"
    return f"{shown} {unit}" if lang == "en" else f"{shown}{currency_name(unit, lang)}"


def currency_name(code: str, lang: str | None = None) -> str:
    """'USD' in English; '美元' in Chinese (CLDR, through Babel); an unknown code as it is."""
    lang = lang or language()
    if lang == "en":
        return code
    name = get_currency_name(code, locale=BABEL_LOCALES[lang])
    return name if name else code


def qualified(shown: str, qualifier, lang: str | None = None) -> str:
    """A value with the source's qualifier in front: 'more than 700', 'planned 52', '超过700'."""
    return (t(f"qualifier_{qualifier}", lang or language()) if isinstance(qualifier, str) and qualifier else "") + shown


def unit_name(unit, lang: str | None = None) -> str:
    """What a unit is called in a picker or an axis title: 'tickets sold' / '售出票数'; a currency by
    its code in English and its name in Chinese ('USD' / '美元')."""
    lang = lang or language()
    key = f"unit_name_{unit}"
    return t(key, lang) if key in catalogue(lang) else currency_name(str(unit), lang)


# dates in British English (31 Oct 2017, as the sources' own English mostly writes them), and in the
# Chinese locales of the two scripts; a date known only to its month or year is shown as far as known
DATE_LOCALES = {"en": "en_GB", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_HK"}
DATE_SKELETONS = {"day": "yMMMd", "month": "yMMM", "year": "y"}


def date_text(value, lang: str | None = None) -> str:
    """A date (ISO text, full or partial, or a date) in the reader's convention, through Babel's CLDR
    patterns: '31 Oct 2017' / 'Oct 2017' / '2017'; '2017年10月31日' / '2017年10月' / '2017年'."""
    lang = lang or language()
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()[:10]
    kind = precision(value)
    if kind is None:
        return t("no_data", lang)
    parts = [int(p) for p in str(value).strip()[:10].split("-")]
    day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return format_skeleton(DATE_SKELETONS[kind], day, locale=DATE_LOCALES[lang])


# --- partial dates and claimed values ---------------------------------------------------------

def precision(value) -> str | None:
    """'day', 'month' or 'year' for an ISO date written in full or in part; None when missing."""
    if isinstance(value, (dt.date, dt.datetime)):
        return "day"
    if missing(value) or not str(value).strip():
        return None
    return {1: "year", 2: "month", 3: "day"}.get(len(str(value).strip()[:10].split("-")))


def period_start(value) -> str | None:
    """Where a (partial) ISO date is drawn: the first day of its period ('2019-03' -> '2019-03-01')."""
    p = precision(value)
    if p is None:
        return None
    text = str(value)
    return {"year": f"{text}-01-01", "month": f"{text}-01", "day": text}[p]


def date_label(value, lang: str | None = None) -> str:
    """'Mar 2019 (month only)': the date as written, with how much of it is known."""
    lang = lang or language()
    p = precision(value)
    if p is None:
        return t("no_data", lang)
    shown = date_text(str(value), lang)
    return shown if p == "day" else f"{shown}{t(f'events_precision_{p}', lang)}"


def text_or_no_data(value, lang: str | None = None) -> str:
    """The text as held, or 'no data' in the reader's language when there is none."""
    return t("no_data", lang or language()) if missing(value) or not str(value).strip() else str(value)


def claim_value(row: dict, lang: str | None = None) -> str:
    """'about 9,000' from value, qualifier; the words when the claim has no number."""
    lang = lang or language()
    if missing(row.get("value_base")):
        return text_or_no_data(row.get("value_text"), lang)
    return qualified(number(row["value_base"], lang), row.get("qualifier"), lang)
