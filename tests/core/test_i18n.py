"""Every UI string exists in every language; formats follow the language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from filmdash.core import i18n

ROOT = Path(__file__).resolve().parents[2]
KEY_USE = re.compile(r"""\bt\(\s*["']([a-zA-Z0-9_\-]+)["']""")


def test_catalogues_have_the_same_keys():
    en = set(i18n.catalogue("en"))
    for lang in i18n.LANGUAGES:
        keys = set(i18n.catalogue(lang))
        assert keys - en == set(), f"{lang} has keys English lacks"
        assert en - keys == set(), f"{lang} lacks translations"
        assert all(all(f.strip() for f in forms(v)) for v in i18n.catalogue(lang).values()), \
            f"{lang} has empty strings"


def forms(entry) -> list[str]:
    """A catalogue entry's texts: the string, or each of its plural forms."""
    return list(entry.values()) if isinstance(entry, dict) else [entry]


def test_every_key_used_in_code_exists():
    files = list((ROOT / "filmdash").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
    used = {key for f in files for key in KEY_USE.findall(f.read_text(encoding="utf-8"))}
    assert len(used) > 30
    missing = sorted(used - set(i18n.catalogue("en")))
    assert missing == []


def test_placeholders_match_across_languages():
    placeholder = re.compile(r"\{(\w+)(?:\}|, plural,)")  # '{n}' and '{n, plural, one {...} ...}'

    def names(text: str) -> set[str]:  # a plural's forms ('one {is}') are texts, not placeholders
        return set(placeholder.findall(re.sub(r"(zero|one|two|few|many|other|=\d+) \{", "(", text)))

    en = i18n.catalogue("en")
    for lang in ("zh-Hans", "zh-Hant"):
        for key, text in i18n.catalogue(lang).items():
            for form in forms(en[key]):
                assert names(text) == names(form), (lang, key)


@pytest.mark.parametrize("locale, lang", [
    ("zh-CN", "zh-Hans"), ("zh_TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-Hant-TW", "zh-Hant"),
    ("zh", "zh-Hans"), ("en-GB", "en"), ("fr-FR", "en"), (None, "en"),
])
def test_language_from_browser_locale(locale, lang):
    assert i18n.from_locale(locale) == lang


@pytest.mark.parametrize("value, lang, text", [
    (8.2e9, "en", "8.2 bn"), (8.2e9, "zh-Hans", "82亿"), (5e10, "zh-Hant", "500億"), (30, "en", "30"),
    (1251836436, "en", "1.25 bn"), (None, "en", "no data"), (float("nan"), "zh-Hans", "无数据"),
    (0, "en", "0"), (0.4, "en", "0.4"), (40000, "zh-Hans", "4万"), (12345, "en", "12,345"),
    (245000, "zh-Hans", "24.5万"), (44e6, "zh-Hans", "4,400万"), (43982000, "zh-Hant", "4,398.2萬"),
    (1.25e9, "zh-Hans", "12.5亿"), (9000, "zh-Hant", "9,000"),
])
def test_numbers(value, lang, text):
    assert i18n.number(value, lang) == text


@pytest.mark.parametrize("value, lang, text", [
    ("2017-10-31", "en", "31 Oct 2017"), ("2017-10", "en", "Oct 2017"), ("2017", "en", "2017"),
    ("2025-09-01", "en", "1 Sept 2025"),  # CLDR's British abbreviation: the text comes from Babel, not a table of ours
    ("2017-10-31", "zh-Hans", "2017年10月31日"), ("2017-10", "zh-Hans", "2017年10月"), ("2017", "zh-Hans", "2017年"),
    ("2017-10-31", "zh-Hant", "2017年10月31日"), ("2017-10", "zh-Hant", "2017年10月"), ("2017", "zh-Hant", "2017年"),
    (dt.date(2026, 12, 7), "en", "7 Dec 2026"), (dt.datetime(2026, 1, 5, 20, 56), "zh-Hans", "2026年1月5日"),
    ("2026-12-07 20:56:47", "zh-Hant", "2026年12月7日"), (None, "en", "no data"), ("", "zh-Hant", "無數據"),
])
def test_dates(value, lang, text):
    assert i18n.date_text(value, lang) == text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_dates_follow_cldr_in_each_locale(lang):
    """Every month of a year, in day, month and year precision, as Babel formats it for the locale."""
    from babel.dates import format_skeleton

    for month in range(1, 13):
        day = dt.date(2024, month, 28)
        for shown, skeleton in ((day.isoformat(), "yMMMd"), (day.isoformat()[:7], "yMMM"), ("2024", "y")):
            assert i18n.date_text(shown, lang) == format_skeleton(skeleton, day, locale=i18n.DATE_LOCALES[lang])
    assert i18n.date_text("2024-02", "en") == "Feb 2024" and i18n.date_text("2024-02", "zh-Hant") == "2024年2月"


def test_names_fall_back_to_the_original():
    row = {"name_en": "Bradford", "name_zh_hans": None, "name_zh_hant": "布拉德福德"}
    assert i18n.name(row, lang="en") == "Bradford"
    assert i18n.name(row, lang="zh-Hant") == "布拉德福德"
    assert i18n.name(row, lang="zh-Hans") == "布拉德福德"
    assert i18n.name({"name_en": "Santos", "name_zh_hans": "", "name_zh_hant": None}, lang="zh-Hans") == "Santos"


def test_translated_text_falls_back_as_names_do():
    row = {"known_for": "Animation", "known_for_zh_hans": "动画", "known_for_zh_hant": None}
    assert [i18n.translated(row, "known_for", lang) for lang in ("en", "zh-Hans", "zh-Hant")] == [
        "Animation", "动画", "动画"]
    row = {"known_for": "Animation", "known_for_zh_hans": " ", "known_for_zh_hant": "動畫"}
    assert [i18n.translated(row, "known_for", lang) for lang in ("en", "zh-Hans", "zh-Hant")] == [
        "Animation", "動畫", "動畫"]
    assert i18n.translated({"known_for": "Animation"}, "known_for", "zh-Hant") == "Animation"
    assert i18n.translated({"known_for": None}, "known_for", "zh-Hans") == ""


@pytest.mark.parametrize("shown, unit, lang, text", [
    ("1.25 bn", "tickets", "en", "1.25 bn tickets"), ("12.5亿", "tickets", "zh-Hans", "12.5亿张票"),
    ("12.5億", "tickets", "zh-Hant", "12.5億張票"), ("40", "percent", "zh-Hant", "40%"),
    ("3.76", "km2", "zh-Hans", "3.76平方公里"), ("82亿", "USD", "zh-Hans", "82亿美元"),
    ("82億", "USD", "zh-Hant", "82億美元"), ("500億", "CNY", "zh-Hant", "500億人民幣"), ("8.2 bn", "USD", "en", "8.2 bn USD"),
    ("5", "days", "zh-Hant", "5天"), ("5", "days", "en", "5 days"),
    ("30", "count", "zh-Hans", "30"), ("30", None, "en", "30"), ("147万", "people", "zh-Hans", "147万人"),
])
def test_values_carry_their_unit_in_the_readers_language(shown, unit, lang, text):
    assert i18n.with_unit(shown, unit, lang) == text


def test_every_unit_in_the_warehouse_reads_in_every_language():
    """A claim's unit is a currency's ISO 4217 code or a unit with words in the catalogues: no English
    unit word ('tickets', 'people') ever reaches a Chinese page."""
    from filmdash.core import db

    cursor = db.connection().cursor()
    units = [u for (u,) in cursor.execute("SELECT DISTINCT unit FROM fct_claims").fetchall()]
    cursor.close()
    assert "tickets" in units and "CNY" in units
    for unit in units:
        if re.fullmatch(r"[A-Z]{3}", unit):
            continue
        assert unit in ("count", "text", "percent", *i18n.UNIT_WORDS), unit
        for lang in i18n.LANGUAGES:
            assert i18n.unit_name(unit, lang) != unit or lang == "en", (unit, lang)
    assert i18n.unit_name("tickets", "zh-Hant") == "售出票數" and i18n.unit_name("CNY", "zh-Hans") == "人民币"
    assert i18n.unit_name("CNY", "en") == "CNY"


# 1e4 .. 1e9 in each language: Chinese in 万 / 亿 with one / two decimals at most, English in m / bn
@pytest.mark.parametrize("value, en, hans, hant", [
    (1e4, "10,000", "1万", "1萬"),
    (12345, "12,345", "1.2万", "1.2萬"),
    (245000, "245,000", "24.5万", "24.5萬"),
    (1e6, "1 m", "100万", "100萬"),
    (8.25e6, "8.2 m", "825万", "825萬"),
    (43982000, "44 m", "4,398.2万", "4,398.2萬"),
    (1e8, "100 m", "1亿", "1億"),
    (1.25e8, "125 m", "1.25亿", "1.25億"),
    (1e9, "1 bn", "10亿", "10億"),
    (1251836436, "1.25 bn", "12.52亿", "12.52億"),
])
def test_numbers_from_ten_thousand_to_a_billion(value, en, hans, hant):
    assert [i18n.number(value, lang) for lang in ("en", "zh-Hans", "zh-Hant")] == [en, hans, hant]


@pytest.mark.parametrize("key, n, text", [
    ("map_takeaway_sco_member", 1, "1 member"), ("map_takeaway_sco_member", 2, "2 members"),
    ("map_hover_studios", 1, "1 studio"), ("map_hover_studios", 2, "2 studios"),
    ("sources_count", 1, "1 source"), ("sources_count", 0, "0 sources"),
    ("map_takeaway_cities", 1, "1 UNESCO City of Film"), ("map_takeaway_cities", 30, "30 UNESCO Cities of Film"),
])
def test_english_plurals(key, n, text):
    assert i18n.t(key, "en", n=n) == text


def test_chinese_has_no_plural_forms():
    assert [i18n.t("map_takeaway_sco_member", "zh-Hant", n=n) for n in (1, 2)] == ["成員國1個", "成員國2個"]
    assert all(isinstance(v, str) for lang in ("zh-Hans", "zh-Hant") for v in i18n.catalogue(lang).values())
    assert not any(", plural," in v for lang in ("zh-Hans", "zh-Hant") for v in i18n.catalogue(lang).values())


def test_no_maybe_plural_anywhere():
    """'source(s)', 'studio(s)': never in a catalogue, nor in any message the code writes."""
    files = [*(ROOT / "filmdash").rglob("*.json"), *(ROOT / "filmdash").rglob("*.py"), *(ROOT / "pages").glob("*.py"),
             *(ROOT / "etl").rglob("*.py"), ROOT / "app.py"]
    found = [f"{f.relative_to(ROOT)}:{n}" for f in files
             for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"[a-z]\(s\)", line) and "http(s)" not in line and "_id(s)" not in line]
    assert found == []


def _outside_plurals(text: str) -> str:
    """The text with each '{var, plural, ...}' block cut out."""
    while match := i18n._PLURAL.search(text):
        depth, end = 0, match.start()
        while True:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
            if depth == 0:
                break
        text = text[:match.start()] + "…" + text[end:]
    return text


# a count that is two or more by what the sentence says (figures that disagree come from two sources
# at least), a row cap (a constant in the thousands) and seconds (a unit symbol)
AT_LEAST_TWO = {("takeaway_claims_disagree", "sources"), ("studios_takeaway_disagree", "sources"),
                ("sources_conflicts_summary", "claims"), ("data_sql_intro", "cap"), ("data_sql_truncated", "cap")}
NOT_COUNTS = {"publisher"}  # 'What {publisher} supports'


def test_every_english_count_has_its_plural_form():
    """A count in front of a noun in -s ('{cities} cities') is a plural: an entry's plural forms by n,
    or a '{cities, plural, one {# city} other {# cities}}' inside it; '1 cities' cannot be written."""
    bare = []
    for key, entry in i18n.catalogue("en").items():
        for form, text in (entry.items() if isinstance(entry, dict) else [("", entry)]):
            for match in re.finditer(r"\{(\w+)\} ([a-z]+s)\b", _outside_plurals(text)):
                var, word = match.groups()
                if word in ("is", "was", "has", "s") or var in NOT_COUNTS or (key, var) in AT_LEAST_TWO or (form == "other" and var == "n"):
                    continue
                bare.append((key, match.group(0)))
    assert bare == []


@pytest.mark.parametrize("key, values, one, many", [
    ("studios_takeaway_agree", {"label": "Sound stages"}, "1 source agrees on Sound stages.",
     "3 sources agree on Sound stages."),
    ("studios_takeaway_incentives", {}, "1 incentive figure (1 kind) from 1 source.",
     "3 incentive figures (3 kinds) from 3 sources."),
    ("studios_takeaway_words", {"label": "Area"}, "1 statement on Area from 1 source, shown side by side.",
     "3 statements on Area from 3 sources, shown side by side."),
    ("map_takeaway_events", {}, "1 event in 1 city", "3 events in 3 cities"),
    ("map_takeaway_studios", {}, "1 studio in 1 city", "3 studios in 3 cities"),
    ("map_hover_link_country", {}, "1 co-production link with 1 country", "3 co-production links with 3 countries"),
    ("events_takeaway", {"first": 2019, "last": 2024}, "1 event and 1 partnership in view, 2019–2024",
     "3 events and 3 partnerships in view, 2019–2024"),
    ("companies_takeaway_no_years", {}, "1 company matches; no source gives its founding year.",
     "3 companies match; no source gives a founding year for any of them."),
    ("data_table_option", {"name": "cities"}, "cities (1 row)", "cities (3 rows)"),
    ("download_csv_rows", {}, "Download CSV (1 row)", "Download CSV (3 rows)"),
    ("sources_coverage_takeaway", {"top": "claims"},
     "1 curated table holds 1 row; the largest is claims (1 row from 1 source).",
     "3 curated tables hold 3 rows; the largest is claims (3 rows from 3 sources)."),
    ("coproductions_takeaway_list", {"first": 2020, "last": 2024},
     "1 co-production involving 1 country, 2020–2024.", "3 co-productions involving 3 countries, 2020–2024."),
])
def test_english_counts_over_one_and_many(key, values, one, many):
    """Every count in the sentence set to 1, then to 3: each noun (and verb) follows its own count."""
    counts = {"n", "sources", "metrics", "countries", "cities", "titles", "partners", "events", "partnerships",
              "total", "tables", "rows", "top_rows", "top_sources"}
    assert i18n.t(key, "en", **values, **dict.fromkeys(counts, 1)) == one
    assert i18n.t(key, "en", **values, **dict.fromkeys(counts, 3)) == many


def test_counts_given_as_text_keep_their_digits():
    """A count already formatted ('1,234') picks its form by its value and is shown as given; a number
    is grouped by the locale."""
    assert i18n.t("data_sql_result", "en", n="1,234", seconds="0.20") == "1,234 rows in 0.20 s"
    assert i18n.t("data_sql_result", "en", n="1", seconds="0.20") == "1 row in 0.20 s"
    assert i18n.t("data_sql_result", "en", n=12345, seconds="1") == "12,345 rows in 1 s"
    assert i18n.t("data_sql_result", "zh-Hant", n="1", seconds="0.20").startswith("1")
    assert i18n.counted(1, "problem", "problems") == "1 problem"
    assert i18n.counted(1200, "problem", "problems") == "1,200 problems"


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_every_unit_the_schema_allows_is_translated(lang):
    """Loops over etl.schema.UNITS: no unit reaches a Chinese page in Latin letters."""
    from etl.schema import UNITS

    for unit in UNITS:
        shown = i18n.with_unit("5", unit, lang)
        assert shown.startswith("5") and not re.search(r"[A-Za-z]", shown), (unit, shown)
        assert not re.search(r"[A-Za-z]", i18n.unit_name(unit, lang)), unit
    for unit in UNITS:
        assert i18n.unit_name(unit, "en")  # English: the unit's words, or the currency's ISO code
