"""The Map page on the shipped warehouse: three languages, layers and filters with exact effects
computed by independent SQL, URL round trips, the click selection through the URL."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from filmdash.core import db
from tests.pages.apptest import arcs, rerun, run_app
from tests.shipped import rows as sql


def open_map(**query) -> AppTest:
    return run_app("/map", **query)


def again(at: AppTest) -> AppTest:
    return rerun(at)



def spec(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def trace_names(at: AppTest) -> list[tuple[str, str | None]]:
    return [(tr["type"], tr.get("name")) for tr in spec(at)["data"]]


def item_table(at: AppTest):
    """The table under the map (the last dataframe on the page)."""
    return at.dataframe[-1].value


def every_item() -> int:
    """How many things the map's table lists with every layer on, counted from the tables themselves."""
    return sql("""SELECT (SELECT count(*) FROM dim_cities WHERE is_city_of_film)
        + (SELECT count(*) FROM memberships WHERE organisation = 'sco' AND member_type = 'country' AND end_date IS NULL)
        + (SELECT count(*) FROM productions p WHERE is_coproduction
           AND EXISTS (SELECT 1 FROM production_countries pc WHERE pc.production_id = p.production_id))
        + (SELECT count(*) FROM studios) + (SELECT count(*) FROM events)""")[0][0]


def widget(at: AppTest, kind: str, key: str):
    return next(w for w in getattr(at, kind) if w.key == key)


def param(at: AppTest, name: str):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("lang, title, layer, sco_legend", [
    ("en", "Map: film cities, the SCO and co-production links", "UNESCO Cities of Film", "SCO member state"),
    ("zh-Hans", "地图：电影城市、上海合作组织与合拍联系", "联合国教科文组织电影之都", "上合组织成员国"),
    ("zh-Hant", "地圖：電影城市、上海合作組織與合拍聯繫", "聯合國教科文組織電影之都", "上合組織成員國"),
])
def test_map_renders_every_layer_in_each_language(lang, title, layer, sco_legend):
    at = open_map(lang=lang)
    assert at.title[0].value == title
    names = trace_names(at)
    assert ("scattergeo", layer) in names and ("choropleth", sco_legend) in names
    members = next(tr for tr in spec(at)["data"] if tr.get("name") == sco_legend)
    expected = sql("SELECT member_id FROM memberships WHERE organisation = 'sco' AND status = 'member' "
                   "AND end_date IS NULL ORDER BY member_id")
    assert sorted(members["locations"]) == [r[0] for r in expected]
    n_links = sql("SELECT count(*) FROM coproduction_links")[0][0]
    assert len(arcs(spec(at)["data"])) == n_links > 0
    widths = sql("SELECT count(DISTINCT least(2.0 + 1.5 * (titles - 1), 14.0)) FROM coproduction_links")[0][0]
    assert sum(1 for tr in spec(at)["data"] if tr.get("mode") == "lines") == widths  # a trace per width
    # the disclaimer is visible, in the reader's language
    assert len(at.info) == 1 and "Natural Earth" in at.info[0].value
    assert len(item_table(at)) == every_item()


def test_takeaway_is_exact():
    at = open_map()
    texts = [m.value.replace("\\", "") for m in at.markdown]
    (cities,), = sql("SELECT count(*) FROM dim_cities WHERE is_city_of_film")
    (links, strongest), = sql("SELECT count(*), max(titles) FROM coproduction_links")
    assert sql("SELECT country_a, country_b FROM coproduction_links ORDER BY titles DESC LIMIT 1") == [("CN", "RU")]
    (studios, studio_cities), = sql("SELECT count(*), count(DISTINCT city_id) FROM studios")
    (events, event_cities), = sql("SELECT count(*), count(DISTINCT city_id) FROM events")
    assert (f"**The map shows {cities} UNESCO Cities of Film; 27 SCO countries (10 members, 17 partners); {links} "
            f"co-production links, the strongest China–Russian Federation ({strongest} titles); {studios} studios in "
            f"{studio_cities} cities; {events} events in {event_cities} cities.**") in texts
    # the SCO counts are the open rows (the current statuses), one per country: observers and dialogue
    # partners were merged into partners at Tianjin on 2025-09-01
    assert sql("SELECT status, count(*), count(DISTINCT member_id) FROM memberships WHERE organisation = 'sco' "
               "AND end_date IS NULL GROUP BY status ORDER BY status") == [("member", 10, 10), ("partner", 17, 17)]


def test_turning_layers_off_changes_map_and_table_exactly():
    at = open_map()
    widget(at, "button_group", "url_layers").set_value(["cities"])
    at = again(at)
    assert param(at, "layers") == "cities"
    assert trace_names(at) == [("scattergeo", "UNESCO Cities of Film"), ("scattergeo", "The seeds' cities")]
    placed = sql("SELECT count(*) FROM dim_cities WHERE is_city_of_film AND lat IS NOT NULL")[0][0]
    cities = next(tr for tr in spec(at)["data"] if tr.get("name") == "UNESCO Cities of Film")
    assert len(cities["customdata"]) == placed
    table = item_table(at)
    assert len(table) == sql("SELECT count(*) FROM dim_cities WHERE is_city_of_film")[0][0] == placed + 1
    # Vicente López has no GeoNames match: listed, not placed
    assert set(table["What"]) == {"City of Film"}
    assert any("Vicente López" in c.value for c in at.caption)


def test_link_years_and_status_filter_the_arcs():
    at = open_map(layers="links", years="2015-2018", link_status="released")
    assert widget(at, "slider", "url_years").value == (2015, 2018)
    assert widget(at, "multiselect", "url_link_status").value == ["released"]
    expected = sql("""
        SELECT count(*) FROM (
            SELECT DISTINCT a.country_iso2, b.country_iso2
            FROM production_countries a
            JOIN production_countries b ON a.production_id = b.production_id AND a.country_iso2 < b.country_iso2
            JOIN productions p ON p.production_id = a.production_id
            WHERE p.is_coproduction AND p.year BETWEEN 2015 AND 2018 AND p.status = 'released')""")[0][0]
    assert len(arcs(spec(at)["data"])) == expected
    titles = sql("SELECT count(*) FROM productions WHERE is_coproduction AND year BETWEEN 2015 AND 2018 "
                 "AND status = 'released'")[0][0]
    table = item_table(at)
    assert len(table) == titles and set(table["What"]) == {"Co-production"}
    assert set(table["Status"]) == {"released"}


def test_no_filter_reproduces_the_links_mart():
    links = db.query("map_links", year_from=1900, year_to=2100, statuses=[])
    mart = sql("SELECT country_a, country_b, titles, first_year, last_year, production_ids FROM coproduction_links "
               "ORDER BY titles DESC, country_a, country_b")
    cols = ["country_a", "country_b", "titles", "first_year", "last_year", "production_ids"]
    assert [tuple(r) for r in links[cols].itertuples(index=False)] == mart


def test_points_only_and_zoom_live_in_the_url():
    at = open_map(mode="points", zoom="central_asia", lang="zh-Hant")
    assert widget(at, "button_group", "url_mode").value == "points"
    assert widget(at, "button_group", "url_zoom").value == "central_asia"
    layout = spec(at)["layout"]["geo"]
    assert (layout["showcountries"], layout["showcoastlines"]) == (False, False)
    assert layout["lonaxis"]["range"] == [44, 92]
    assert all(tr["type"] == "scattergeo" for tr in spec(at)["data"])  # no choropleth, no border
    widget(at, "button_group", "url_mode").set_value("borders")
    at = again(at)
    assert param(at, "mode") is None  # the default leaves the URL
    assert any(tr["type"] == "choropleth" for tr in spec(at)["data"])


def test_a_clicked_city_filters_the_table():
    at = open_map(sel="city:qingdao")
    expected = sql("""
        SELECT 'studio', studio_id FROM studios WHERE city_id = 'qingdao'
        UNION ALL SELECT 'event', event_id FROM events WHERE city_id = 'qingdao'
        UNION ALL SELECT 'city', city_id FROM dim_cities WHERE city_id = 'qingdao' AND is_city_of_film""")
    table = item_table(at)
    assert len(table) == len(expected)
    kinds = {"city": "City of Film", "event": "Event", "studio": "Studio"}
    assert dict(table["What"].value_counts()) == {kinds[k]: sum(1 for kind, _ in expected if kind == k)
                                                  for k in {kind for kind, _ in expected}}
    assert set(table["City"]) == {"Qingdao"}
    assert any(m.value.startswith(f"Only Qingdao: {len(expected)} rows.") for m in at.markdown)
    ring = spec(at)["data"][-1]
    assert ring["marker"]["size"] == 40  # the selection is ringed on the map
    at.button(key="map_clear").click()
    at = again(at)
    assert param(at, "sel") is None and len(item_table(at)) == every_item()


def test_a_clicked_country_filters_the_table_in_chinese():
    at = open_map(sel="country:KZ", lang="zh-Hans")
    expected_titles = sql("SELECT count(DISTINCT production_id) FROM production_countries pc "
                          "JOIN productions p USING (production_id) WHERE p.is_coproduction AND country_iso2 = 'KZ'")
    table = item_table(at)
    counts = dict(table["类别"].value_counts())
    assert counts == {"合拍片": expected_titles[0][0], "上合组织身份": 1}
    assert all("哈萨克斯坦" in c for c in table["国家"])


def test_export_buttons_are_offered():
    at = open_map()
    labels = [b.label for b in at.get("download_button")]
    assert {"Download PNG", "Download SVG", f"Download CSV ({every_item()} rows)"} <= set(labels)
    assert len(item_table(at)) == every_item()
