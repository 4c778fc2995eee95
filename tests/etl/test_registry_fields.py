"""The registry import's cell rules: credit codes, names, dates, capital, activities."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from etl.registry.fields import (
    Refused,
    activity_rules,
    classify,
    name_key,
    normalise_name,
    parse_capital,
    parse_credit_code,
    parse_date,
    unit_key,
)
from etl.registry.importer import load_mapping
from tests.etl import registry_synth as synth

# Real, published codes: the list "found online" in python-stdnum's tests
# (github.com/arthurdejong/python-stdnum, tests/test_cn_uscc.doctest), which also gives
# 91110000600037341N as the first of them with a wrong check character.
PUBLISHED = ["91110000600037341L", "91110000710926094P", "121200004013590816", "91310115MA1K3BTP2B",
             "913304007429141869", "9144030071526726XG", "91620105L015101280", "9131012056010553X5"]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_credit_codes_are_valid(code):
    assert parse_credit_code(code) == code


def test_the_synthetic_generator_and_the_importer_agree_on_check_digits():
    # two derivations (weights listed from the standard / 3^i mod 31 over a derived alphabet)
    for code in PUBLISHED:
        assert synth.check_digit(code[:17]) == code[17]
    for serial in range(0, 5000, 7):
        assert parse_credit_code(synth.credit_code("330100", serial))


@pytest.mark.parametrize("raw, reason", [
    ("91110000600037341N", "check digit is N, but the first 17 characters give L"),
    ("9111000060003734", "has 16 characters"),
    ("91110000600O37341L", "has characters outside the code's alphabet (digits and capitals except I, O, Z, S, V): O"),
    ("91AB0000600037341L", "characters 3 to 8 must be digits"),
    ("", "is empty"),
    (911100006000373410, "is stored as a number in the spreadsheet"),
])
def test_broken_credit_codes_are_refused_with_their_reason(raw, reason):
    with pytest.raises(Refused) as info:
        parse_credit_code(raw)
    assert str(info.value).startswith(reason)


def test_a_credit_code_in_full_width_or_lower_case_is_read():
    assert parse_credit_code(" ９１１１００００６０００３７３４１ｌ ") == "91110000600037341L"


def test_names_are_normalised_and_keyed():
    assert normalise_name("杭州　某某（影视） 有限公司") == "杭州某某(影视)有限公司"
    assert normalise_name("Ｈａｎｇｚｈｏｕ  Film   Co．") == "Hangzhou Film Co."
    assert normalise_name("杭州某某影视有限公司") == "杭州某某影视有限公司"  # nothing to fold
    assert name_key("Hangzhou Film Co.") == name_key("hangzhou  FILM co．")
    assert name_key("杭州某某（影视）有限公司") == name_key("杭州某某(影视) 有限公司")


@pytest.mark.parametrize("raw, iso", [
    ("2015-03-12", "2015-03-12"), ("2015/3/2", "2015-03-02"), ("2015.03.12", "2015-03-12"),
    ("2015年3月12日", "2015-03-12"), ("20150312", "2015-03-12"), ("2015-03-12 00:00:00", "2015-03-12"),
    (datetime(2015, 3, 12), "2015-03-12"), (date(2015, 3, 12), "2015-03-12"),
])
def test_dates_in_registry_forms(raw, iso):
    assert parse_date(raw, date(2026, 12, 1)) == iso


@pytest.mark.parametrize("raw, reason", [
    ("2015-02-29", "is not a real calendar date"), ("1850-01-01", "is before 1890"),
    ("2027-01-01", "is after the export's date (2026-12-01)"), ("三月", "is not a date"),
])
def test_impossible_dates_are_refused(raw, reason):
    with pytest.raises(Refused) as info:
        parse_date(raw, date(2026, 12, 1))
    assert str(info.value).startswith(reason)


def test_capital_amounts_and_units():
    units = load_mapping().units
    got = [(c.amount, c.unit, c.currency, c.base) for c in (
        parse_capital("500万元", units), parse_capital("1,200.5 万人民币", units), parse_capital("人民币300万元", units),
        parse_capital("2亿元", units), parse_capital("100万美元", units), parse_capital("８０万港元", units),
        parse_capital("800", units, "万元"), parse_capital(800.0, units, "万元"), parse_capital("50000 USD", units))]
    assert got == [("500", "万元", "CNY", "5000000"), ("1200.5", "万人民币", "CNY", "12005000"),
                   ("300", "人民币万元", "CNY", "3000000"), ("2", "亿元", "CNY", "200000000"),
                   ("100", "万美元", "USD", "1000000"), ("80", "万港元", "HKD", "800000"),
                   ("800", "万元", "CNY", "8000000"), ("800", "万元", "CNY", "8000000"),
                   ("50000", "USD", "USD", "50000")]
    for raw, reason in (("500", "has no unit"), ("500万卢比", "has a unit this import does not know ('万卢比')"),
                        ("0万元", "is not a positive amount"), ("约五百万", "is not an amount")):
        with pytest.raises(Refused) as info:
            parse_capital(raw, units)
        assert str(info.value).startswith(reason)
    assert unit_key("万 元") == unit_key("万元")


@pytest.mark.parametrize("scope, activity, keyword", [
    ("许可项目：电影摄制服务；广播电视节目制作经营；电影发行", "production", "电影摄制"),
    ("动画片制作；广播电视节目制作经营", "animation", "动画"),  # animation is tried before production
    ("电影放映；电影发行；食品销售", "cinema", "电影放映"),  # cinema before distribution
    ("影视特效制作；广播电视节目制作经营", "post-production", "影视特效"),
    ("电影发行；版权代理", "distribution", "电影发行"),
    ("电影放映设备销售；广告设计、代理", "other", ""),  # selling projectors does not make a cinema
    ("动漫衍生品销售；日用百货销售", "other", ""),
    ("", "other", ""),
    ("Film production and distribution", "production", "film production"),
])
def test_activity_rules(scope, activity, keyword):
    assert classify(scope) == (activity, keyword)


def test_the_synthetic_scopes_classify_as_the_generator_says():
    assert {a: classify(s)[0] for a, s in synth.SCOPES.items()} == {a: a for a in synth.SCOPES}


def test_the_activity_rules_file_is_well_formed(tmp_path: Path):
    rules = activity_rules()
    assert [r.priority for r in rules] == sorted(r.priority for r in rules)
    bad = tmp_path / "rules.toml"
    bad.write_text('[[rule]]\nactivity = "catering"\npriority = 1\nkeywords = ["餐饮"]\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="unknown activity catering"):
        activity_rules(bad)
