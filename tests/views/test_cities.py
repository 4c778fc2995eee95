"""The Cities page's pure builders on small hand-made frames, with exact expected output."""

from __future__ import annotations

import pandas as pd
import pytest

from filmdash.views import cities

PICKER = pd.DataFrame({
    "city_id": ["bradford", "hong-kong", "qingdao"],
    "name_en": ["Bradford", "Hong Kong", "Qingdao"],
    "name_zh_hans": [None, "香港", "青岛"],
    "name_zh_hant": ["布拉德福德", "香港", None],
    "country_name_en": ["United Kingdom", "Hong Kong", "China"],
    "country_name_zh_hans": ["英国", "香港", "中国"],
    "country_name_zh_hant": ["英國", "香港", "中國"],
    "is_city_of_film": [True, False, True],
    "in_sco_member": [False, False, True],
    "is_chinese": [False, True, True],
})


def claim(city, value, as_of, claim_id, unit="count", qualifier=None, corroborated=False, in_conflict=False,
          publisher="Pub", source_id="s1", metric="film_companies"):
    return {"claim_id": claim_id, "city_id": city, "metric": metric, "value_base": value, "unit": unit,
            "as_of": as_of, "qualifier": qualifier, "corroborated": corroborated, "in_conflict": in_conflict,
            "publisher": publisher, "source_id": source_id, "quote": f"quote {claim_id}",
            "url": f"https://example.org/{claim_id}", "value_text": None,
            "label_en": "Film and TV companies", "label_zh_hans": "影视企业数量", "label_zh_hant": "影視企業數量"}


CLAIMS = pd.DataFrame([
    claim("qingdao", 15.0, "2015-03", "q1", in_conflict=True),
    claim("qingdao", 4000.0, "2021-09", "q2", qualifier="more-than", in_conflict=True, publisher="China Daily"),
    claim("bradford", 2.0, "2020", "b1", corroborated=True),
    claim("bradford", 9.0, "2020", "b2", unit="GBP"),
])
POPULATION = pd.DataFrame([
    claim("qingdao", 9_000_000.0, "2010", "p-old", unit="people", metric="population"),
    claim("qingdao", 10_000_000.0, "2020", "p-new", unit="people", metric="population", source_id="pop-2020"),
    claim("bradford", None, "2020", "p-text", unit="people", metric="population"),
])


def test_groups_and_labels():
    assert cities.group_members(PICKER, "city_of_film") == ["bradford", "qingdao"]
    assert cities.group_members(PICKER, "sco") == ["qingdao"]
    assert cities.group_members(PICKER, "chinese") == ["hong-kong", "qingdao"]
    assert cities.city_labels(PICKER, "en") == {
        "bradford": "Bradford (United Kingdom)", "hong-kong": "Hong Kong", "qingdao": "Qingdao (China)"}
    # the other Chinese script, then English: never a machine translation
    assert cities.city_labels(PICKER, "zh-Hant")["qingdao"] == "青岛 (中國)"
    assert cities.city_labels(PICKER, "zh-Hans")["bradford"] == "布拉德福德 (英国)"


def test_units_and_default_metric():
    assert cities.units(CLAIMS) == ["count", "GBP"]
    metrics = pd.DataFrame({"metric": ["box_office", "film_companies"], "cities": [2, 2], "claims": [5, 3]})
    assert cities.default_metric(metrics) == "film_companies"
    assert cities.default_metric(metrics.iloc[:1]) == "box_office"
    assert cities.default_metric(metrics.iloc[0:0]) is None
    assert cities.per_capita_possible("count") and not cities.per_capita_possible("percent")


def test_population_used_is_the_latest_numeric_claim():
    used = cities.population_used(POPULATION)
    assert used.to_dict("records") == [{
        "city_id": "qingdao", "population": 10_000_000.0, "population_as_of": "2020",
        "population_claim_id": "p-new", "population_source_id": "pop-2020", "population_publisher": "Pub",
        "population_qualifier": None}]


def test_every_claim_is_a_row_and_a_missing_city_is_no_data():
    picked = PICKER.set_index("city_id").loc[["qingdao", "hong-kong", "bradford"]].reset_index()
    rows = cities.comparison_rows(CLAIMS, picked, cities.population_used(POPULATION), "count", "absolute", "en")
    assert [c if isinstance(c, str) else None for c in rows["claim_id"]] == ["q1", "q2", None, "b1"]
    assert rows["shown"].tolist()[:2] == [15.0, 4000.0]
    assert pd.isna(rows["shown"].iloc[2])
    texts = [cities.value_text(r, "count", "absolute", "en") for r in rows.to_dict("records")]
    assert texts == ["15", "more than 4,000", "no data", "2"]
    assert cities.comparison_takeaway(rows, "Film and TV companies", "count", "absolute", "en") == (
        "2 of 3 cities have a sourced figure for Film and TV companies (3 claims); the highest is Qingdao: "
        "more than 4,000 (Sept 2021). No data: Hong Kong. Some sources disagree; all their figures are shown.")
    rows_zh = cities.comparison_rows(CLAIMS, picked, pd.DataFrame(), "count", "absolute", "zh-Hans")
    assert cities.comparison_takeaway(rows_zh, "影视企业数量", "count", "absolute", "zh-Hans") == (
        "3座城市中有2座有来源给出影视企业数量数据（共3条说法）；最高的是青岛：超过4,000（2021年9月）。"
        "无数据：香港。部分来源说法不一，全部列出。")


def test_per_capita_uses_the_population_claim_and_says_so():
    picked = PICKER.set_index("city_id").loc[["qingdao", "bradford"]].reset_index()
    rows = cities.comparison_rows(CLAIMS, picked, cities.population_used(POPULATION), "count", "per_capita", "en")
    assert rows["shown"].tolist()[:2] == pytest.approx([0.15, 40.0])  # per 100,000 people
    assert pd.isna(rows["shown"].iloc[2])  # Bradford has no numeric population claim
    texts = [cities.value_text(r, "count", "per_capita", "en") for r in rows.to_dict("records")]
    assert texts == ["0.15 per 100,000 people", "more than 40 per 100,000 people", "no sourced population"]
    table = cities.comparison_table(rows, "count", "per_capita", "en")
    assert table["Population used"].tolist() == ["10 m (2020, source pop-2020)"] * 2 + ["no sourced population"]
    assert cities.population_note(rows, "en") == (
        "Per capita divides by the latest sourced population claim of each city — "
        "Qingdao: 10 m (2020, source pop-2020); Bradford: no sourced population.")
    money = cities.comparison_rows(CLAIMS, picked, cities.population_used(POPULATION), "GBP", "per_capita", "en")
    assert cities.value_text(money.iloc[1].to_dict(), "GBP", "per_capita", "en") == "no sourced population"


def test_figure_has_a_bar_per_claim_coloured_by_agreement_and_a_no_data_label():
    picked = PICKER.set_index("city_id").loc[["qingdao", "hong-kong", "bradford"]].reset_index()
    rows = cities.comparison_rows(CLAIMS, picked, pd.DataFrame(), "count", "absolute", "en")
    fig = cities.comparison_figure(rows, "count", "absolute", "en")
    bars = {tr.name: tr for tr in fig.data if tr.type == "bar"}
    assert list(bars["sources disagree"].x) == [15.0, 4000.0]
    assert list(bars["sources disagree"].y) == ["Qingdao · Mar 2015 · Pub", "Qingdao · Sept 2021 · China Daily"]
    assert bars["sources disagree"].marker.color == cities.STATUS_COLOURS["conflict"]
    assert list(bars["corroborated"].x) == [2.0]
    assert len(bars["one source"].x) == 0
    text = [tr for tr in fig.data if tr.type == "scatter"][0]
    assert list(text.text) == ["no data"] and list(text.y) == ["Hong Kong"]
    assert [list(c) for c in bars["sources disagree"].customdata] == [["qingdao", "quote q1"], ["qingdao", "quote q2"]]


def test_click_selects_the_city():
    assert cities.city_from_points([{"customdata": ["qingdao", "quote"]}]) == "qingdao"
    assert cities.city_from_points([{"y": "Bradford"}], {"Bradford": "bradford"}) == "bradford"
    assert cities.city_from_points([]) is None


def test_counts_and_profile():
    comparison = pd.DataFrame({
        "city_id": ["qingdao", "bradford"], "name_en": ["Qingdao", "Bradford"], "name_zh_hans": ["青岛", None],
        "name_zh_hant": [None, "布拉德福德"], "companies": [5, 2], "studios": [2, 0], "productions_shot": [10, 0],
        "events": [3, 4], "partnerships": [1, 2], "companies_curated": [3, 2], "companies_registry": [2, 0],
        "registry_as_of": ["2026-12-01", None]})
    counts = cities.counts_frame(comparison, "zh-Hant")
    assert counts["city"].tolist() == ["青岛", "布拉德福德"]
    assert counts["companies_provenance"].tolist() == ["人工整理3家，工商登記匯入2家（2026-12-01）", "人工整理2家"]
    assert cities.counts_note(cities.counts_frame(comparison, "en"), "en") == (
        "Where the companies counted come from: Qingdao 3 curated, 2 registry import (2026-12-01); Bradford 2 curated.")
    assert cities.counts_takeaway(counts, "en") == (
        "青岛 has the most rows documented here: 21 in all, including 5 companies and 2 studios.")
    fig = cities.counts_figure(counts, "en")
    assert [tr.name for tr in fig.data] == ["Companies documented", "Studios", "Productions shot", "Events",
                                            "Partnerships"]
    assert [list(c) for c in fig.data[0].customdata] == [["qingdao"], ["bradford"]]
    profile = {"name_en": "Bradford", "name_zh_hans": None, "name_zh_hant": "布拉德福德", "is_city_of_film": True,
               "film_designation_year": 2009, "lat": 53.79391, "lon": -1.75206, "geonames_id": 2654993}
    assert cities.profile_names(profile, "en") == [
        ("English", "Bradford"), ("Simplified Chinese", "no data"), ("Traditional Chinese", "布拉德福德")]
    assert cities.designation_text(profile, "en") == "designated in 2009"
    assert cities.coordinates_text(profile, "en") == "53.7939° N, 1.7521° W (GeoNames id 2654993)"
    assert cities.designation_text({"is_city_of_film": False}, "zh-Hant") == "未獲授稱號"
    assert cities.coordinates_text({"lat": None, "lon": None}, "en") == "no GeoNames match"
    assert cities.designation_text({"is_city_of_film": False}, "zh-Hant") == "未獲授稱號"
    assert cities.coordinates_text({"lat": None, "lon": None}, "en") == "no GeoNames match"


def test_profile_sources_add_geonames_when_it_gives_the_chinese_names():
    claims = pd.DataFrame({"source_id": ["c1"], "quote": ["a claim"]})
    rome = {"source_id": "unesco-001", "quote": "Rome", "name_zh_source_id": "ref-geonames",
            "name_zh_hans": "罗马市", "name_zh_hant": "羅馬"}
    assert cities.profile_sources(rome, claims) == (
        ["c1", "unesco-001", "ref-geonames"], {"c1": "a claim", "unesco-001": "Rome", "ref-geonames": "罗马市 | 羅馬"})
    curated = {**rome, "name_zh_source_id": "unesco-001"}  # the source naming the city gives its Chinese name
    assert cities.profile_sources(curated, claims)[0] == ["c1", "unesco-001"]


def place_claim(city, value, as_of, claim_id, place_id, place_type, names, **kw):
    en, hans, hant = names
    return {**claim(city, value, as_of, claim_id, **kw), "place_id": place_id, "place_type": place_type,
            "place_name_en": en, "place_name_zh_hans": hans, "place_name_zh_hant": hant}


WCNA = ("Qingdao West Coast New Area", "青岛西海岸新区", None)
MEDIA_CITY = ("Media City", None, None)
PLACE_CLAIMS = pd.DataFrame([
    place_claim("qingdao", 4000.0, "2021-09", "wcna", "qingdao-west-coast-new-area", "district", WCNA,
                qualifier="more-than", publisher="China Daily"),
    place_claim("qingdao", 15.0, "2016", "city-q", "qingdao", "city", ("Qingdao", "青岛", None)),
    place_claim("bradford", 130.0, "2019", "site-b", "bradford-media-city", "site", MEDIA_CITY),
])


def test_a_place_inside_a_city_is_labelled_as_itself_and_never_counted_as_the_city():
    picked = PICKER.set_index("city_id").loc[["qingdao", "bradford"]].reset_index()
    rows = cities.comparison_rows(PLACE_CLAIMS, picked, cities.population_used(POPULATION), "count", "absolute",
                                  "en")
    # the whole city first, then the places in it; a city with only a place's figure shows 'no data' for itself
    assert rows["place"].tolist() == ["Qingdao", "Qingdao West Coast New Area", "Bradford", "Media City (Bradford)"]
    assert rows["whole_city"].tolist() == [True, False, True, False]
    assert [cities.value_text(r, "count", "absolute", "en") for r in rows.to_dict("records")] == [
        "15", "more than 4,000", "no data", "130"]
    # the highest whole-city figure is Qingdao's 15, not the new area's 4,000; Bradford has no city figure
    assert cities.comparison_takeaway(rows, "Film and TV companies", "count", "absolute", "en") == (
        "1 of 2 cities has a sourced figure for Film and TV companies (1 claim); the highest is Qingdao: "
        "15 (2016). No data: Bradford. Figures for a place inside or around a city are shown under that place's "
        "own name and never counted as the city's: Qingdao West Coast New Area; Media City (Bradford).")
    fig = cities.comparison_figure(rows, "count", "absolute", "en")
    labels = [y for tr in fig.data if tr.type == "bar" for y in tr.y]
    assert set(labels) == {"Media City (Bradford) · 2019 · Pub", "Qingdao · 2016 · Pub",
                           "Qingdao West Coast New Area · Sept 2021 · China Daily"} and len(labels) == 3
    table = cities.comparison_table(rows, "count", "absolute", "en")
    assert table["Place measured"].tolist() == ["Qingdao", "Qingdao West Coast New Area", "Bradford",
                                                "Media City (Bradford)"]
    assert table["City"].tolist() == ["Qingdao", "Qingdao", "Bradford", "Bradford"]
    zh = cities.comparison_rows(PLACE_CLAIMS, picked, pd.DataFrame(), "count", "absolute", "zh-Hans")
    assert zh["place"].tolist() == ["青岛", "青岛西海岸新区", "布拉德福德", "Media City (布拉德福德)"]
    assert cities.comparison_takeaway(zh, "影视企业数量", "count", "absolute", "zh-Hans").endswith(
        "城市内或城市所在地区的数据以该地名称列出，从不计为城市本身的数据：青岛西海岸新区；Media City (布拉德福德)。")


def test_a_place_is_never_divided_by_the_city_population():
    picked = PICKER.set_index("city_id").loc[["qingdao"]].reset_index()
    rows = cities.comparison_rows(PLACE_CLAIMS, picked, cities.population_used(POPULATION), "count", "per_capita",
                                  "en")
    assert rows["shown"].iloc[0] == pytest.approx(0.15) and pd.isna(rows["shown"].iloc[1])
    assert [cities.value_text(r, "count", "per_capita", "en") for r in rows.to_dict("records")] == [
        "0.15 per 100,000 people", "no per-capita figure: the city's population is not this place's"]
    # a district's population is not the city's
    district_pop = pd.DataFrame([place_claim("qingdao", 1_900_000.0, "2024", "wcna-pop",
                                             "qingdao-west-coast-new-area", "district", WCNA, unit="people",
                                             metric="population")])
    assert cities.population_used(district_pop).empty


def test_the_profile_table_names_the_place_of_every_claim():
    records = PLACE_CLAIMS[PLACE_CLAIMS["city_id"] == "qingdao"].assign(
        name_en="Qingdao", name_zh_hans="青岛", name_zh_hant=None, value_text=None, unit="count", corroborated=False,
        in_conflict=False)
    table = cities.profile_claims_table(records, "zh-Hant")
    assert table["統計範圍"].tolist() == ["青岛西海岸新区", "青岛"]
