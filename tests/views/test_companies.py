"""The Companies page's pure builders on small hand-made frames, with exact expected output."""

from __future__ import annotations

import pandas as pd

from filmdash.views import companies

FACETS = pd.DataFrame({
    "facet": ["city", "city", "decade", "decade", "decade", "type", "listed"],
    "value": ["hangzhou", "qingdao", "none", "2000s", "1970s", "animation", "listed"],
    "n": [3, 0, 2, 1, 1, 2, 1],
})
ROWS = pd.DataFrame({
    "company_id": ["huace-group", "dangdang-film"],
    "name_en": ["Zhejiang Huace Film & TV", "Dangdang Film"],
    "name_zh_hans": ["浙江华策影视股份有限公司", None], "name_zh_hant": [None, None],
    "city_id": ["hangzhou", "hangzhou"], "city_name_en": ["Hangzhou", "Hangzhou"],
    "city_name_zh_hans": ["杭州", "杭州"], "city_name_zh_hant": ["杭州", "杭州"],
    "type": ["production", "animation"], "founded_year": pd.array([2005, None], dtype="Int64"),
    "listing": ["SZSE:300133", None], "known_for": ["TV drama", None], "aliases": ["华策影视", None],
    "publisher": ["Sohu", "ehangzhou"], "url": ["https://a.example", "https://b.example"],
    "provenance": ["curated", "registry"], "as_of": [None, "2026-12-01"],
})


def test_filters_turn_selections_into_query_parameters():
    assert companies.filters({"city": ["hangzhou"], "listed": ["listed"]}, "  华策 ") == {
        "cities": ["hangzhou"], "types": [], "decades": [], "listed": ["listed"], "origins": [], "q": "华策"}


def test_facet_values_keep_counts_and_decades_in_time_order():
    assert companies.facet_values(FACETS, "city") == (["hangzhou", "qingdao"], {"hangzhou": 3, "qingdao": 0})
    assert companies.facet_values(FACETS, "decade")[0] == ["1970s", "2000s", "none"]
    names = {"hangzhou": "杭州"}
    fmt = companies.facet_format("city", {"hangzhou": 3}, names, "zh-Hans")
    assert fmt("hangzhou") == "杭州 (3)"
    assert companies.facet_format("decade", {"none": 2}, {}, "en")("none") == "year not given (2)"
    assert companies.facet_format("decade", {"2000s": 1}, {}, "zh-Hant")("2000s") == "2000年代 (1)"
    assert companies.facet_format("listed", {"not-listed": 4}, {}, "en")("not-listed") == "not listed (4)"


def test_table_shows_missing_values_as_text_not_zero():
    table = companies.companies_table(ROWS, "zh-Hans")
    assert table["公司"].tolist() == ["浙江华策影视股份有限公司", "Dangdang Film"]  # falls back to English
    assert table["上市代码"].tolist() == ["SZSE:300133", "未上市"]
    assert table["成立年份"].tolist()[0] == 2005 and pd.isna(table["成立年份"].tolist()[1])
    assert table["类型"].tolist() == ["制作", "动画"]
    assert table["数据来源"].tolist() == ["人工整理来源", "工商登记导入（2026-12-01）"]


KNOWN_FOR = pd.DataFrame({
    "company_id": ["both", "hans-only", "hant-only", "english-only", "none"],
    "name_en": ["Both", "Hans only", "Hant only", "English only", "None"],
    "name_zh_hans": [None] * 5, "name_zh_hant": [None] * 5,
    "city_id": ["hangzhou"] * 5, "city_name_en": ["Hangzhou"] * 5,
    "city_name_zh_hans": ["杭州"] * 5, "city_name_zh_hant": ["杭州"] * 5,
    "type": ["production"] * 5, "founded_year": pd.array([None] * 5, dtype="Int64"), "listing": [None] * 5,
    "known_for": ["Film production", "Animation", "Post-production", "TV drama", None],
    "known_for_zh_hans": ["电影制作", "动画", None, None, None],
    "known_for_zh_hant": ["電影製作", None, "後期製作", "", None],
    "aliases": [None] * 5, "publisher": ["P"] * 5, "url": ["https://a.example"] * 5,
    "provenance": ["curated"] * 5, "as_of": [None] * 5,
})


def test_known_for_in_the_readers_script_with_the_fallback_of_names():
    def shown(lang, column):
        return [v if isinstance(v, str) else None for v in companies.companies_table(KNOWN_FOR, lang)[column]]

    assert shown("en", "Known for") == ["Film production", "Animation", "Post-production", "TV drama", None]
    # 简体 -> 繁體 -> English
    assert shown("zh-Hans", "代表业务") == ["电影制作", "动画", "後期製作", "TV drama", None]
    # 繁體 -> 简体 -> English; an empty string counts as missing
    assert shown("zh-Hant", "代表業務") == ["電影製作", "动画", "後期製作", "TV drama", None]
    assert companies.companies_table(KNOWN_FOR, "zh-Hant")["代表業務"].isna().tolist() == [False] * 4 + [True]


def test_profile_known_for_follows_the_same_order():
    records = KNOWN_FOR.to_dict("records")

    def known_for(record, lang):
        label = {"en": "Known for", "zh-Hans": "代表业务", "zh-Hant": "代表業務"}[lang]
        return dict(companies.profile_fields(record, lang))[label]

    assert [known_for(r, "zh-Hant") for r in records] == ["電影製作", "动画", "後期製作", "TV drama", "無數據"]
    assert [known_for(r, "zh-Hans") for r in records] == ["电影制作", "动画", "後期製作", "TV drama", "无数据"]
    assert [known_for(r, "en") for r in records] == ["Film production", "Animation", "Post-production", "TV drama",
                                                    "no data"]


def test_chart_and_takeaway():
    chart = pd.DataFrame({"value": ["2000s", "2010s", "none"], "n": [3, 1, 5]})
    fig = companies.chart_figure(chart, "decade", "en")
    assert list(fig.data[0].x) == ["2000s", "2010s", "year not given"]
    assert list(fig.data[0].y) == [3, 1, 5]
    assert [list(c) for c in fig.data[0].customdata] == [["2000s"], ["2010s"], ["none"]]
    assert companies.chart_takeaway(chart, "decade", "en") == (
        "9 companies match; sources give a founding year for 4 of them, most often the 2000s (3).")
    by_type = pd.DataFrame({"value": ["production", "agency"], "n": [4, 4]})
    assert companies.chart_takeaway(by_type, "type", "zh-Hant") == "共有8家公司符合條件；最多的類型是機構或協會（4家）。"
    assert companies.chart_takeaway(chart.iloc[0:0], "type", "en") == "No company matches these filters."
    assert companies.chart_table(by_type, "type", "en").to_dict("list") == {
        "Type": ["Production", "Agency or association"], "Companies documented": [4, 4]}
    assert companies.value_from_points([{"customdata": ["animation"]}]) == "animation"


def test_profile_and_documented_against_reported():
    profile = {**ROWS.iloc[1].to_dict(), "founded_year": None, "provenance": "curated"}
    fields = dict(companies.profile_fields(profile, "en"))
    assert fields["Name in Simplified Chinese"] == "no data" and fields["Provenance"] == "curated source"
    assert fields["Founded"] == "no data" and fields["Listing"] == "not listed"
    assert fields["City"] == "Hangzhou" and fields["Type"] == "Animation"
    row = {"documented": 35, "reported": 700.0, "qualifier": "more-than", "reported_publisher": "Variety",
           "reported_as_of": "2019"}
    assert companies.reported_text(row, "zh-Hans") == "超过700"
    assert companies.documented_sentence(row, "Hangzhou", "en") == (
        "35 companies in Hangzhou are documented here by name, against more than 700 reported by Variety (2019): 5%.")
    assert companies.documented_sentence({"documented": 2, "reported": None}, "Bradford", "en") == (
        "2 companies in Bradford are documented here by name; no source reports a total for the whole city.")
    # the source's date as the reader writes dates
    dated = {**row, "reported_as_of": "2019-03-05"}
    assert "Variety (5 Mar 2019)" in companies.documented_sentence(dated, "Hangzhou", "en")
    assert "（2019年3月5日）" in companies.documented_sentence(dated, "杭州", "zh-Hant")


def test_counts_for_places_in_a_city_are_their_own_and_named():
    counts = pd.DataFrame([
        {"place_name_en": "Qingdao West Coast New Area", "place_name_zh_hans": "青岛西海岸新区",
         "place_name_zh_hant": None, "value": 4000.0, "qualifier": "more-than", "as_of": "2021-09",
         "publisher": "China Daily (Qingdao)"},
        {"place_name_en": "Qingdao Film and Television Base", "place_name_zh_hans": "青岛影视基地",
         "place_name_zh_hant": None, "value": 1045.0, "qualifier": None, "as_of": "2024-06",
         "publisher": "China Daily (Qingdao)"},
    ])
    assert companies.place_counts_sentence(counts, "Qingdao", "en") == (
        "Sources also count companies for places in or around Qingdao; each is that place's count, never the "
        "city's, and is not compared with the companies documented here: Qingdao West Coast New Area: more than "
        "4,000 (Sept 2021, China Daily (Qingdao)); Qingdao Film and Television Base: 1,045 (Jun 2024, China Daily "
        "(Qingdao)).")
    assert companies.place_counts_sentence(counts, "青島", "zh-Hant").startswith(
        "來源另有青島內或周邊地點的企業數，各為該地的數字，從不計為全市數字，也不與此處記錄的公司比較：青岛西海岸新区：超過4,000")
    assert companies.place_counts_sentence(counts.iloc[0:0], "Qingdao", "en") == ""


def test_registry_profile_says_what_the_registry_says_and_when():
    profile = {"provenance": "registry", "as_of": "2026-12-01", "name_registry": "杭州某某影视有限公司",
               "credit_code": "91330100MA2AXXXX0X", "city_name_en": "Hangzhou", "city_name_zh_hans": "杭州",
               "province": "浙江省", "city_registry": "杭州市", "district": "西湖区", "type": "animation",
               "founded": "2015-03-02", "capital_amount": 500.0, "capital_unit": "万元", "registration_status": "存续",
               "company_type_registry": None, "business_scope": "动画设计；影视制作"}
    fields = dict(companies.profile_fields(profile, "zh-Hans"))
    assert fields == {"数据来源": "工商登记导入（2026-12-01）", "登记名称": "杭州某某影视有限公司",
                      "统一社会信用代码": "91330100MA2AXXXX0X", "城市": "杭州", "登记地": "浙江省 杭州市 西湖区",
                      "类型": "动画", "成立年份": "2015-03-02", "注册资本": "500 万元", "登记状态": "存续",
                      "企业类型": "无数据", "经营范围": "动画设计；影视制作"}


def test_origin_labels_and_the_table_note():
    origins = pd.DataFrame({"origin": ["curated", "reg-2026"], "provenance": ["curated", "registry"],
                            "publisher": [None, "Qichacha export"], "as_of": [None, "2026-12-01"]})
    assert companies.origin_labels(origins, "en") == {"curated": "Curated sources",
                                                      "reg-2026": "Registry import: Qichacha export, 2026-12-01"}
    assert companies.facet_format("origin", {"reg-2026": 1234567}, companies.origin_labels(origins, "zh-Hant"),
                                  "zh-Hant")("reg-2026") == "工商登記匯入：Qichacha export，2026-12-01 (1,234,567)"
    assert companies.table_title_note(67, 67, "en") == ""
    assert companies.table_title_note(1_000_067, 500, "en") == (
        "Showing the first 500 of 1,000,067: narrow the filters or search to see the others.")
