"""The Studios builders on small hand-made frames, with exact output."""

from __future__ import annotations

import pandas as pd
import pytest

from filmdash.core import charts
from filmdash.views import studios as sd


def claims(*rows):
    cols = ["entity_type", "metric", "label_en", "label_zh_hans", "label_zh_hant", "value_base", "value_text", "unit",
            "qualifier", "as_of", "corroborated", "in_conflict", "source_id", "publisher", "quote", "url", "kind"]
    return pd.DataFrame(rows, columns=cols)


STAGES = claims(
    ("studio", "sound_stages", "Sound stages", "摄影棚数量", None, 30.0, "30 completed", "count", None, "2018-04-28",
     True, True, "s1", "Xinhua", "30 completed sound stages", "https://a", "news"),
    ("studio", "sound_stages", "Sound stages", "摄影棚数量", None, 30.0, "30", "count", None, "2018-04-30",
     True, True, "s2", "China Daily", "30 sound stages", "https://b", "news"),
    ("studio", "sound_stages", "Sound stages", "摄影棚数量", None, 52.0, "52个", "count", None, "2018-04-28",
     False, True, "s3", "Dazhong", "52个高科技摄影棚", "https://c", "news"),
)
HOTEL = claims(
    ("studio", "hotel_subsidy_share", "Hotel subsidy share", "酒店补贴比例", "酒店補貼比例", 40.0, "about 40 percent",
     "percent", "about", "2025-08", False, False, "seed-002", "Bastille Post", "about 40 percent", "https://d", "seed"),
    ("country", "incentive_rate", "Production incentive rate", "制作激励比例", "製作激勵比例", 34.0, "AVEC", "percent",
     None, "2024-03", True, False, "gov", "GOV.UK", "34%", "https://e", "official"),
)


@pytest.mark.parametrize("value, unit, qualifier, text, lang, shown", [
    (5e10, "CNY", "more-than", None, "en", "more than 50 bn CNY"),
    (5e10, "CNY", None, None, "zh-Hans", "500亿人民币"),
    (40.0, "percent", "about", None, "en", "about 40%"),
    (3.76e6, "m2", None, None, "en", "3.76 km²"),
    (10000.0, "m2", None, None, "en", "10,000 m²"),
    (None, "text", None, "opened in 2005", "en", "opened in 2005"),
    (None, "count", None, None, "zh-Hant", "無數據"),
])
def test_value_text(value, unit, qualifier, text, lang, shown):
    assert sd.value_text(value, unit, qualifier, text, lang) == shown


def test_fact_title_is_a_range_never_an_average():
    assert sd.fact_title(STAGES, "Sound stages", "en") == "Sound stages: 30 to 52, by source"
    assert sd.fact_title(STAGES.iloc[:2], "Sound stages", "en") == "Sound stages: 30, by source"


def test_fact_takeaway_counts_sources_values_and_lonely_claims():
    assert sd.fact_takeaway(STAGES, "Sound stages", "en") == (
        "3 sources give 2 different figures for Sound stages; none is picked, all are shown. "
        "1 claim rests on one source only.")
    assert sd.fact_takeaway(STAGES.iloc[:2], "Sound stages", "en") == "2 sources agree on Sound stages."


def test_claims_table_keeps_every_claim_with_its_standing():
    table = sd.claims_table(STAGES, "en")
    assert table["Value"].tolist() == ["30", "30", "52"]
    assert table["Corroborated"].tolist() == ["yes", "yes", "uncorroborated (one source)"]
    assert table["Sources disagree"].tolist() == ["yes", "yes", "yes"]
    assert table["As of"].tolist() == ["28 Apr 2018", "30 Apr 2018", "28 Apr 2018"]
    assert table["Qualifier"].tolist() == ["—", "—", "—"]


def test_incentive_notes_mark_the_seed_claim():
    assert sd.uncorroborated_notes(HOTEL, "en") == [
        "Hotel subsidy share of about 40% is uncorroborated: it appears only in a seed article "
        "(Bastille Post, Aug 2025), and no other source states it."]
    assert sd.incentives_takeaway(HOTEL, "en") == (
        "2 incentive figures (2 kinds) from 2 sources. 1 rests on one source only: Hotel subsidy share about 40%.")
    table = sd.claims_table(HOTEL, "zh-Hant", with_metric=True)
    assert table["適用對象"].tolist() == ["基地", "所在國家"]
    assert table["指標"].tolist() == ["酒店補貼比例", "製作激勵比例"]


def test_fact_groups_put_the_named_facts_first_and_leave_incentives_out():
    frame = pd.DataFrame({"metric": ["site_area", "hotel_subsidy_share", "resident_companies", "sound_stages",
                                     "opening"]})
    assert sd.fact_groups(frame) == ["sound_stages", "site_area", "opening", "resident_companies"]


PRODS = pd.DataFrame({
    "title_en": ["The Great Wall", "Pacific Rim Uprising", "Moon Man"], "title_zh_hans": [None, None, "独行月球"],
    "title_zh_hant": [None, None, None], "year": [2016, 2017, 2021], "year_basis": ["released-CN", "shot", "shot"],
    "shot_year": [None, 2017, 2021], "production_year": [2016, 2018, 2022], "source_ids": ["a", "b | c", "d"],
})


def test_productions_takeaway_and_figure():
    prods = sd.with_titles(PRODS, "zh-Hans")
    assert prods["title"].tolist() == ["The Great Wall", "Pacific Rim Uprising", "独行月球"]
    assert sd.productions_takeaway(prods, "OMM", "en") == (
        "3 productions documented as shot at OMM, 2016–2021; a source dates the shoot for 2 of them.")
    fig = sd.productions_figure(prods, "en")
    assert [tr.name for tr in fig.data] == ["year of shooting", "production's own year (shoot not dated)"]
    assert list(fig.data[0].x) == [2016, 2017, 2021] and list(fig.data[0].y) == [0, 1, 1]
    assert list(fig.data[1].y) == [1, 0, 0]
    table = sd.productions_table(prods, "en")
    assert table["Year shot"].tolist() == ["no data", 2017, 2021]


def test_comparison_takeaway_picks_the_best_documented_base():
    frame = pd.DataFrame({"studio_id": ["a", "b"], "name_en": ["A", "B"], "name_zh_hans": [None, "乙"],
                          "name_zh_hant": [None, None], "productions": [2, 10], "claims": [30, 5]})
    assert sd.comparison_takeaway(frame, "en") == (
        "B is the best documented of 2 bases: 10 productions and 5 reported figures.")


OPENING = claims(
    ("studio", "opening", "Opening", "开业", "開業", None, "opened in April 2018", "text", None, "2018-04-28",
     True, False, "s1", "Xinhua", "opened", "https://a", "news"),
    ("studio", "opening", "Opening", "开业", "開業", None, "Opened in April 2018 ", "text", None, "2018-04-30",
     True, False, "s2", "China Daily", "opened", "https://b", "news"),
)


def test_facts_summary_lists_every_claim_of_every_fact_side_by_side():
    summary = sd.facts_summary(pd.concat([OPENING, HOTEL, STAGES], ignore_index=True), "en")
    assert summary.to_dict("records") == [
        {"Figure": "Sound stages", "Value": "30", "Publisher": "Xinhua", "As of": "28 Apr 2018",
         "Corroborated": "yes", "Sources disagree": "yes"},
        {"Figure": "Sound stages", "Value": "30", "Publisher": "China Daily", "As of": "30 Apr 2018",
         "Corroborated": "yes", "Sources disagree": "yes"},
        {"Figure": "Sound stages", "Value": "52", "Publisher": "Dazhong", "As of": "28 Apr 2018",
         "Corroborated": "uncorroborated (one source)", "Sources disagree": "yes"},
        {"Figure": "Opening", "Value": "opened in April 2018", "Publisher": "Xinhua", "As of": "28 Apr 2018",
         "Corroborated": "yes", "Sources disagree": "no"},
        {"Figure": "Opening", "Value": "Opened in April 2018 ", "Publisher": "China Daily", "As of": "30 Apr 2018",
         "Corroborated": "yes", "Sources disagree": "no"},
    ]  # the named facts in reading order; incentives (hotel subsidy, the country's rate) are the incentives box's
    zh = sd.facts_summary(STAGES, "zh-Hant")
    assert zh.columns.tolist() == ["指標", "數值", "發佈者", "截至", "是否佐證", "來源分歧"]
    assert zh.iloc[0, 0] == "摄影棚数量"  # no Traditional label: the data's Simplified one, never machine-translated
    assert zh.iloc[2, 4] == "未經佐證（單一來源）"


def test_value_labels_get_a_right_margin_wide_enough_to_show_them_whole():
    frame = pd.DataFrame({"value_base": [50e9, 30e9], "unit": ["CNY", "CNY"], "publisher": ["A", "B"],
                          "as_of": ["2013", "2016"], "in_conflict": [True, True], "quote": ["q", "r"]})
    fig = charts.claims_side_by_side(frame, "zh-Hant")
    assert list(fig.data[0].text) == ["500億人民幣", "300億人民幣"]
    assert fig.data[0].cliponaxis is False
    # '500億人民幣': 3 Latin characters at 0.6 em and 4 CJK at 1 em, at 15 px, plus the 24 px gap
    assert fig.layout.margin.r == 111
    assert charts.label_margin([]) == 24
    two_units = charts.claims_side_by_side(pd.concat([frame, frame.assign(unit="USD")]), "en")
    assert (two_units.layout.margin.t, fig.layout.margin.t) == (34, 10)  # the top panel's unit title fits
