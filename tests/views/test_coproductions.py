"""The Co-productions builders on small hand-made frames, with exact output."""

from __future__ import annotations

import pandas as pd

from filmdash.views import coproductions as cp


def links(*rows):
    return pd.DataFrame(rows, columns=["country_a", "country_b", "titles", "first_year", "last_year",
                                       "a_name_en", "a_name_zh_hans", "a_name_zh_hant",
                                       "b_name_en", "b_name_zh_hans", "b_name_zh_hant"])


CN_RU = ("CN", "RU", 3, 2015, 2025, "China", "中国", "中國", "Russia", "俄罗斯", None)
CN_IN = ("CN", "IN", 1, 2016, 2016, "China", "中国", "中國", "India", "印度", "印度")
TITLES = pd.DataFrame({
    "countries": [["CN", "RU"], ["CN", "RU"], ["CN", "IN"], ["CN", "RU"]],
    "countries_en": [["China", "Russia"], ["China", "Russia"], ["China", "India"], ["China", "Russia"]],
    "countries_zh_hans": [["中国", "俄罗斯"]] * 2 + [["中国", "印度"], ["中国", "俄罗斯"]],
    "countries_zh_hant": [["中國", "俄羅斯"]] * 2 + [["中國", "印度"], ["中國", "俄羅斯"]],
})


def test_clicked_year_reads_plotly_selection_events():
    assert cp.clicked_year({"selection": {"points": [{"x": 2016, "y": 3, "curve_number": 0}]}}) == 2016
    assert cp.clicked_year({"selection": {"points": [{"x": "2019"}]}}) == 2019
    assert cp.clicked_year({"selection": {"points": []}}) is None
    assert cp.clicked_year(None) is None


def test_takeaway_names_the_most_frequent_pair():
    frame = links(CN_RU, CN_IN)
    assert cp.network_takeaway(frame, 4, "en") == "China–Russia is the most frequent pair: 3 of 4 documented titles."
    assert cp.network_takeaway(frame, 4, "zh-Hant") == "中國–俄罗斯是合作最多的組合：已記錄的4部作品中佔3部。"


def test_takeaway_on_a_tie_names_both_pairs():
    tied = links(CN_RU[:2] + (1,) + CN_RU[3:], CN_IN)
    assert cp.network_takeaway(tied, 2, "en") == (
        "China–India; China–Russia are the most frequent pairs, 1 each of 2 documented titles.")
    assert cp.network_takeaway(links(), 0, "en") == "No data for this view yet."


def test_country_nodes_count_titles_not_pairs():
    nodes = cp.country_nodes(TITLES, "en")
    assert nodes.to_dict("records") == [
        {"iso2": "CN", "name": "China", "titles": 4}, {"iso2": "RU", "name": "Russia", "titles": 3},
        {"iso2": "IN", "name": "India", "titles": 1}]
    assert cp.country_nodes(TITLES, "zh-Hans")["name"].tolist() == ["中国", "俄罗斯", "印度"]


def test_circle_layout_is_deterministic():
    assert cp.circle_layout(["CN", "RU", "IN", "KZ"]) == {
        "CN": (0.0, 1.0), "RU": (1.0, 0.0), "IN": (0.0, -1.0), "KZ": (-1.0, -0.0)}
    assert cp.circle_layout(["CN"]) == {"CN": (0.0, 0.0)}


def test_network_figure_widths_follow_titles():
    fig = cp.network_figure(links(CN_RU, CN_IN), cp.country_nodes(TITLES, "en"), "en")
    edges = [tr for tr in fig.data if tr.mode == "lines"]
    assert [tr.line.width for tr in edges] == [12.0, 5.0]
    nodes = fig.data[-1]
    assert list(nodes.text) == ["China (4)", "Russia (3)", "India (1)"]
    assert list(nodes.customdata) == ["CN", "RU", "IN"]  # a click on a node names its country
    assert list(fig.data[-2].text) == ["3", "1"]


def test_clicked_country_is_a_node_never_a_pair_label_or_another_point():
    known = ["CN", "RU", "IN"]
    assert cp.clicked_country({"selection": {"points": [{"x": 0, "y": 1, "customdata": "RU"}]}}, known) == "RU"
    assert cp.clicked_country({"selection": {"points": [{"x": 0.5, "y": 0.2, "text": "3"}]}}, known) is None
    assert cp.clicked_country({"selection": {"points": [{"customdata": ["qingdao", "city"]}]}}, known) is None
    assert cp.clicked_country({"selection": {"points": []}}, known) is None
    assert cp.clicked_country(None, known) is None


BY_YEAR = pd.DataFrame({"year": [2016, 2016, 2017, 2019], "status": ["released", "announced", "released", "announced"],
                        "titles": [2, 3, 1, 1]})


def test_by_year_takeaway_and_figure():
    assert cp.by_year_takeaway(BY_YEAR, "en") == "2016 has the most documented titles: 5 of 7; 3 of the 7 are released."
    assert cp.by_year_takeaway(BY_YEAR, "zh-Hans") == "在记录的7部作品中，2016年最多，共5部；7部中已有3部上映。"
    assert cp.by_year_takeaway(BY_YEAR, "zh-Hant") == "在記錄的7部作品中，2016年最多，共5部；7部中已有3部上映。"
    fig = cp.by_year_figure(BY_YEAR, "en", selected=2017)
    assert [tr.name for tr in fig.data] == ["released", "announced"]
    assert list(fig.data[0].y) == [2, 1, 0] and list(fig.data[1].y) == [3, 0, 1]
    assert list(fig.data[0].marker.opacity) == [0.35, 1.0, 0.35]
    assert fig.layout.barmode == "stack"


def test_year_meaning_labels():
    assert cp.year_meaning_label("released-RU", "Russia", "en") == "year released in Russia"
    assert cp.year_meaning_label("released-KG", None, "en") == "year released in KG"
    assert cp.year_meaning_label("announced", None, "zh-Hans") == "宣布年份"
    assert cp.year_meaning_label("released-world", None, "zh-Hant") == "全球上映年份"


def test_documented_figure_and_note():
    row = pd.Series({"documented": 15, "reported": 40.0, "qualifier": "more-than", "coverage_share": 0.375,
                     "as_of": "2025-08"})
    fig = cp.documented_figure(15, 40.0, "more-than", "en")
    assert list(fig.data[0].x) == [15, 40.0] and list(fig.data[0].text) == ["15", "more than 40"]
    assert cp.documented_takeaway(row, "en") == (
        "15 SCO co-productions since 2020 documented against more than 40 reported (38%).")
    note = cp.documented_note(row, "Bastille Post", "en")
    assert note.startswith("“more than 40” is an aggregate reported by Bastille Post (Aug 2025)")
    assert "at most 38%" in note
    assert cp.documented_note(None, None, "en") == "No source reports a total to compare with."


def test_titles_table_shows_no_data_for_missing_fields():
    titles = pd.DataFrame([{
        "title_en": "Delbirim", "title_zh_hans": None, "title_zh_hant": None, "title_original": "Делбирим",
        "countries": ["KG", "UZ"], "countries_en": ["Kyrgyzstan", "Uzbekistan"],
        "countries_zh_hans": ["吉尔吉斯坦", "乌兹别克斯坦"], "countries_zh_hant": ["吉爾吉斯", "烏茲別克"],
        "status": "released", "year": 2018, "year_meaning": "released-KG", "released_in_en": "Kyrgyzstan",
        "released_in_zh_hans": "吉尔吉斯坦", "released_in_zh_hant": "吉爾吉斯", "format": "feature-film",
        "companies": None, "key_people": "Sarvar Karimov", "publisher": "24.kg", "url": "https://24.kg/x",
        "announced": "2018-06", "agreement_signed": None, "shooting_started": None, "released": "2018-11-17",
        "first_released_in_en": "Uzbekistan", "first_released_in_zh_hans": "乌兹别克斯坦",
        "first_released_in_zh_hant": "烏茲別克", "initiated_year": 2018, "initiated_by": "announced"}])
    table = cp.titles_table(titles, "en")
    assert table.iloc[0].tolist() == ["Delbirim", "no data", "Делбирим", "Kyrgyzstan, Uzbekistan", "released", 2018,
                                      "year released in Kyrgyzstan", "Jun 2018", "no data", "no data",
                                      "17 Nov 2018, Uzbekistan", "2018 (announced)", "feature film", "no data",
                                      "Sarvar Karimov", "24.kg", "https://24.kg/x"]
    hans = cp.titles_table(titles, "zh-Hans").iloc[0].tolist()
    assert hans[7:12] == ["2018年6月", "无数据", "无数据", "2018年11月17日，乌兹别克斯坦", "2018（宣布）"]
    assert cp.titles_takeaway(titles, None, "en") == "1 co-production involving 2 countries, 2018–2018."


def test_milestone_and_initiated_texts_keep_the_precision_and_say_what_dates_the_year():
    row = {"shooting_started": "2024-02", "released": "2025-02-18", "first_released_in_en": None,
           "initiated_year": 2024, "initiated_by": "shooting-started"}
    assert cp.milestone_text(row, "shooting_started", "en") == "Feb 2024"
    assert cp.milestone_text(row, "released", "en") == "18 Feb 2025"  # no country given: the date alone
    assert cp.milestone_text(row, "announced", "zh-Hant") == "無數據"
    assert cp.initiated_text(row, "zh-Hant") == "2024（開機）"
    assert cp.initiated_text({"initiated_year": 2022, "initiated_by": "year-of-record"}, "en") == "2022 (year of record)"


def test_list_sources_add_the_milestones_sources_and_quotes():
    titles = pd.DataFrame([{
        "source_id": "cop-001", "quote": "Red Silk is a film", "country_source_ids": "cop-003 | cop-004",
        "milestone_source_ids": "cop-001 | cpd-009",
        "milestone_quotes": [{"source_id": "cop-001", "quote": "premiered"}, {"source_id": "cpd-009", "quote": "began"}],
    }, {"source_id": "cop-005", "quote": "Viy", "country_source_ids": None, "milestone_source_ids": None,
        "milestone_quotes": None}])
    ids, quotes = cp.list_sources(titles)
    assert ids == ["cop-001", "cop-003", "cop-004", "cop-005", "cpd-009"]
    # a source's quote for the title itself comes first; a milestone's fills in a source cited only there
    assert quotes == {"cop-001": "Red Silk is a film", "cop-005": "Viy", "cpd-009": "began"}
