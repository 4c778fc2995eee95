"""Every UI string exists in every language; formats follow the language."""

from __future__ import annotations

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
    placeholder = re.compile(r"\{(\w+)\}")
    en = i18n.catalogue("en")
    for lang in ("zh-Hans", "zh-Hant"):
        for key, text in i18n.catalogue(lang).items():
            for form in forms(en[key]):
                assert set(placeholder.findall(text)) == set(placeholder.findall(form)), (lang, key)


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
    ("2017-10-31", "zh-Hans", "2017年10月31日"), ("2017-10", "zh-Hant", "2017年10月"), (None, "en", "no data"),
])
def test_dates(value, lang, text):
    assert i18n.date_text(value, lang) == text


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
    assert not any("(s)" in f for v in i18n.catalogue("en").values() if isinstance(v, dict) for f in forms(v))


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
