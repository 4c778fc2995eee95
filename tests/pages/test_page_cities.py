"""The Cities page on the shipped warehouse: every language, URL state, exact figures from SQL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from filmdash.core.i18n import date_text
from tests.pages.apptest import rerun, run_app
from tests.shipped import rows as sql


def open_page(page: str, **query) -> AppTest:
    """Open /<page> as a browser would: app.py's frame (language from ?lang=) around the page."""
    return run_app(f"/{page}", **query)


def open_cities(**query) -> AppTest:
    return open_page("cities", **query)


def again(at: AppTest) -> AppTest:
    return rerun(at)



def widget(at, kind, key):
    return next(w for w in getattr(at, kind) if w.key == key)


def table_with(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.mark.parametrize("lang, title, box", [
    ("en", "Cities compared", "What this warehouse documents by name, per city"),
    ("zh-Hans", "城市比较", "本数据仓库按名称记录的内容（按城市）"),
    ("zh-Hant", "城市比較", "本數據倉庫按名稱記錄的內容（按城市）"),
])
def test_renders_in_every_language(lang, title, box):
    at = open_cities(lang=lang)
    assert at.title[0].value == title
    assert box in [s.value for s in at.header]
    # the default selection: the seeds' four cities
    assert widget(at, "multiselect", "url_cities").value == ["qingdao", "hangzhou", "bradford", "hong-kong"]


def test_every_claim_is_shown_and_a_missing_city_is_no_data():
    at = open_cities(cities="qingdao,bradford", metric="film_companies", cities_claims_view="table")
    assert widget(at, "multiselect", "url_cities").value == ["qingdao", "bradford"]
    assert widget(at, "selectbox", "url_metric").value == "film_companies"
    expected = sql("SELECT as_of FROM fct_claims WHERE entity_type = 'city' AND entity_id = 'qingdao' "
                   "AND metric = 'film_companies' AND unit = 'count' AND value_base IS NOT NULL "
                   "ORDER BY as_of, value_base, claim_id")
    # figures for places in Qingdao (its new area, an industry zone), each under the place's own name
    places = sql("SELECT p.name_en, c.as_of FROM fct_claims c JOIN places p ON p.place_id = c.entity_id "
                 "WHERE c.entity_type = 'place' AND p.city_id = 'qingdao' AND c.metric = 'film_companies' "
                 "AND c.unit = 'count' AND c.value_base IS NOT NULL")
    table = table_with(at, "As of")
    qingdao = table[table["City"] == "Qingdao"]
    whole = qingdao[qingdao["Place measured"] == "Qingdao"]
    if expected:
        assert whole["As of"].tolist() == [date_text(r[0], "en") for r in expected]
    else:  # no source gives the whole city's count: 'no data', never a district's figure
        assert whole["Value"].tolist() == ["no data"]
    inside = qingdao[qingdao["Place measured"] != "Qingdao"]
    # a place whose name does not say its city is labelled with it: 'Lingshan Bay ... Area (Qingdao)'
    labelled = [(n if "Qingdao" in n else f"{n} (Qingdao)", date_text(as_of, "en")) for n, as_of in places]
    assert sorted(zip(inside["Place measured"], inside["As of"])) == sorted(labelled) and len(places) >= 2
    bradford = table[table["City"] == "Bradford"]
    assert bradford["Value"].tolist() == ["no data"]  # never 0
    in_conflict = sql("SELECT coalesce(bool_or(in_conflict), false) FROM fct_claims WHERE entity_type = 'city' "
                      "AND entity_id = 'qingdao' AND metric = 'film_companies'")[0][0]
    assert (set(whole["Corroborated"]) == {"sources disagree"}) == in_conflict


def test_adding_a_city_changes_the_comparison_and_the_url():
    at = open_cities(cities="qingdao", metric="film_companies", cities_claims_view="table")
    widget(at, "multiselect", "url_cities").set_value(["qingdao", "rome"])
    at = again(at)
    assert at.query_params["cities"] in ("qingdao,rome", ["qingdao,rome"])
    rome = sql("SELECT count(*) FROM fct_claims WHERE entity_type = 'city' AND entity_id = 'rome' "
               "AND metric = 'film_companies' AND unit = 'count' AND value_base IS NOT NULL")[0][0]
    table = table_with(at, "As of")
    assert (table["City"] == "Rome").sum() == rome and rome >= 1


def test_group_shortcut_selects_the_cities_of_film():
    at = open_cities()
    widget(at, "button", "cities_group_city_of_film").click()
    at = again(at)
    expected = {r[0] for r in sql("SELECT member_id FROM memberships WHERE organisation = "
                                  "'unesco-creative-cities-film' AND status = 'city-of-film'")}
    assert set(widget(at, "multiselect", "url_cities").value) == expected and len(expected) == 30
    at = open_cities()
    widget(at, "button", "cities_group_sco").click()
    at = again(at)
    sco = {r[0] for r in sql(
        "SELECT city_id FROM cities WHERE country_iso2 IN (SELECT member_id FROM memberships WHERE "
        "organisation = 'sco' AND status = 'member' AND end_date IS NULL)")}
    assert set(widget(at, "multiselect", "url_cities").value) == sco and "qingdao" in sco and "bradford" not in sco


def test_per_capita_divides_by_the_sourced_population():
    at = open_cities(cities="potsdam,rome", metric="screen_sector_value", unit="USD", mode="per_capita",
                     cities_claims_view="table")
    assert widget(at, "selectbox", "url_unit").value == "USD"
    value, scale_pop, pop_source = sql(
        "SELECT v.value_base, p.value_base, p.source_id FROM fct_claims v, fct_claims p "
        "WHERE v.entity_id = 'potsdam' AND v.metric = 'screen_sector_value' AND v.unit = 'USD' "
        "AND p.entity_id = 'potsdam' AND p.metric = 'population' ORDER BY p.as_of DESC LIMIT 1")[0]
    table = table_with(at, "Per capita")
    potsdam = table[table["City"] == "Potsdam"].iloc[0]
    assert f"{value / scale_pop:,.2f} USD per person" in potsdam["Per capita"]
    assert pop_source in potsdam["Population used"]
    # Rome's figure is in EUR: in the USD view it is 'no data', not 0
    assert table[table["City"] == "Rome"]["Per capita"].tolist() == ["no data"]
    assert any("Per capita divides by the latest sourced population claim" in c.value for c in at.caption)


def test_profile_from_the_url():
    at = open_cities(cities="qingdao,bradford", city="qingdao")
    assert widget(at, "selectbox", "url_city").value == "qingdao"
    name_en, hans, year, lat, geonames_id = sql(
        "SELECT name_en, name_zh_hans, film_designation_year, lat, geonames_id FROM dim_cities "
        "WHERE city_id = 'qingdao'")[0]
    texts = [m.value.replace("\\", "") for m in at.markdown]
    assert f"- **English**: {name_en}" in "\n".join(texts) and hans in "\n".join(texts)
    assert f"**UNESCO City of Film**: designated in {year}" in texts
    assert any(f"{lat:.4f}° N" in t and f"GeoNames id {geonames_id}" in t for t in texts)
    # the city's own claims and those about the places it contains or lies in (not the places' names)
    n_claims = sql("SELECT count(*) FROM claims WHERE entity_type = 'city' AND entity_id = 'qingdao'")[0][0] + sql(
        "SELECT count(*) FROM claims c JOIN place_cities pc ON pc.place_id = c.entity_id AND pc.city_id = 'qingdao' "
        "WHERE c.entity_type = 'place' AND c.metric NOT IN ('chinese_name_hans', 'chinese_name_hant')")[0][0]
    assert f"**Claims about this city and the places in or around it ({n_claims})**" in texts
    assert len(table_with(at, "Figure")) == n_claims


def test_profile_in_traditional_chinese_uses_the_sourced_names():
    at = open_cities(lang="zh-Hant", cities="bradford", city="bradford")
    texts = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    hant = sql("SELECT name_zh_hant FROM cities WHERE city_id = 'bradford'")[0][0]
    assert f"### {hant}" in texts
    hans = sql("SELECT name_zh_hans FROM cities WHERE city_id = 'bradford'")[0][0]
    assert f"**簡體中文**: {hans or '無數據'}" in texts  # no source, no name: never machine-translated


def test_switching_to_per_capita_writes_the_url_and_adds_the_population_columns():
    at = open_cities(cities="potsdam,rome", metric="screen_sector_value", unit="USD", cities_claims_view="table")
    mode = widget(at, "button_group", "url_mode")
    assert mode.value == "absolute" and "Per capita" not in table_with(at, "City").columns
    mode.set_value("per_capita")
    at = again(at)
    assert at.query_params["mode"] in ("per_capita", ["per_capita"])
    table = table_with(at, "Per capita")
    assert table.columns[:5].tolist() == ["City", "Place measured", "Value", "Per capita", "Population used"]
    assert table[table["City"] == "Rome"]["Per capita"].tolist() == ["no data"]
    widget(at, "button_group", "url_mode").set_value("absolute")
    at = again(at)
    assert "mode" not in at.query_params  # the default leaves the URL
