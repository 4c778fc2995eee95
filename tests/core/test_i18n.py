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
        assert all(v.strip() for v in i18n.catalogue(lang).values()), f"{lang} has empty strings"


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
            assert set(placeholder.findall(text)) == set(placeholder.findall(en[key])), (lang, key)


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
    ("3.76", "km2", "zh-Hans", "3.76平方公里"), ("82亿", "USD", "zh-Hans", "82亿 USD"),
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
    assert i18n.unit_name("tickets", "zh-Hant") == "售出票數" and i18n.unit_name("CNY", "zh-Hans") == "CNY"
