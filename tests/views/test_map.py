"""The map's pure builders on small hand-made frames, with exact expected output."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.schema import MEMBER_STATUSES
from filmdash.core import geo, images
from filmdash.core.style import OKABE_ITO, STATUS_COLOURS
from filmdash.views import map as maps
from tests.pages.apptest import arcs

CITIES = pd.DataFrame([
    {"city_id": "qingdao", "name_en": "Qingdao", "name_zh_hans": "青岛", "name_zh_hant": None, "country_iso2": "CN",
     "country_name_en": "China", "country_name_zh_hans": "中国", "country_name_zh_hant": "中國", "lat": 36.06,
     "lon": 120.38, "is_city_of_film": True, "film_designation_year": 2017, "publisher": "UNESCO"},
    {"city_id": "rome", "name_en": "Rome", "name_zh_hans": None, "name_zh_hant": None, "country_iso2": "IT",
     "country_name_en": "Italy", "country_name_zh_hans": "意大利", "country_name_zh_hant": "意大利", "lat": 41.89,
     "lon": 12.51, "is_city_of_film": True, "film_designation_year": 2015, "publisher": "Wikipedia <b>"},
    {"city_id": "hangzhou", "name_en": "Hangzhou", "name_zh_hans": "杭州", "name_zh_hant": "杭州",
     "country_iso2": "CN", "country_name_en": "China", "country_name_zh_hans": "中国", "country_name_zh_hant": "中國",
     "lat": 30.29, "lon": 120.16, "is_city_of_film": False, "film_designation_year": None, "publisher": None},
    {"city_id": "vicente-lopez", "name_en": "Vicente López", "name_zh_hans": None, "name_zh_hant": None,
     "country_iso2": "AR", "country_name_en": "Argentina", "country_name_zh_hans": "阿根廷",
     "country_name_zh_hant": "阿根廷", "lat": None, "lon": None, "is_city_of_film": True,
     "film_designation_year": 2023, "publisher": "UNESCO"},
])
SCO = pd.DataFrame([
    {"iso2": "CN", "name_en": "China", "name_zh_hans": "中国", "name_zh_hant": "中國", "status": "member",
     "start_date": "2001-06-15", "publisher": "SCO"},
    {"iso2": "RU", "name_en": "Russia", "name_zh_hans": "俄罗斯", "name_zh_hant": "俄羅斯", "status": "member",
     "start_date": "2001-06-15", "publisher": "SCO"},
    {"iso2": "MN", "name_en": "Mongolia", "name_zh_hans": "蒙古", "name_zh_hant": "蒙古", "status": "observer",
     "start_date": "2004-06-17", "publisher": "Xinhua"},
])
LINKS = pd.DataFrame([
    {"country_a": "CN", "country_b": "RU", "a_name_en": "China", "a_name_zh_hans": "中国", "a_name_zh_hant": "中國",
     "b_name_en": "Russia", "b_name_zh_hans": "俄罗斯", "b_name_zh_hant": "俄羅斯", "titles": 3, "first_year": 2015,
     "last_year": 2025, "source_ids": ["a", "b"]},
    {"country_a": "CN", "country_b": "IN", "a_name_en": "China", "a_name_zh_hans": "中国", "a_name_zh_hant": "中國",
     "b_name_en": "India", "b_name_zh_hans": "印度", "b_name_zh_hant": "印度", "titles": 1, "first_year": 2017,
     "last_year": 2017, "source_ids": ["c"]},
])
PLACES = pd.DataFrame([
    {"kind": "studio", "id": "omm", "name_en": "Oriental Movie Metropolis", "name_zh_hans": "青岛东方影都",
     "name_zh_hant": None, "city_id": "qingdao", "city_name_en": "Qingdao", "city_name_zh_hans": "青岛",
     "city_name_zh_hant": None, "lat": 36.06, "lon": 120.38, "publisher": "Xinhua"},
    {"kind": "studio", "id": "cangmashan", "name_en": "Cangmashan Film City", "name_zh_hans": None,
     "name_zh_hant": "藏馬山影視城", "city_id": "qingdao", "city_name_en": "Qingdao", "city_name_zh_hans": "青岛",
     "city_name_zh_hant": None, "lat": 36.06, "lon": 120.38, "publisher": "CGTN"},
    {"kind": "event", "id": "filmart", "name_en": "FILMART 2019", "name_zh_hans": None, "name_zh_hant": None,
     "city_id": "hong-kong", "city_name_en": "Hong Kong", "city_name_zh_hans": "香港", "city_name_zh_hant": "香港",
     "lat": 22.28, "lon": 114.17, "publisher": "HKTDC"},
])


def traces(fig):
    return [(tr.type, tr.name) for tr in fig.data]


def test_every_layer_in_english():
    fig = geo.map_figure(CITIES, SCO, LINKS, PLACES, lang="en")
    assert traces(fig) == [
        ("choropleth", "SCO member state"), ("choropleth", "SCO observer"),
        ("scattergeo", "Co-production links"), ("scattergeo", "Co-production links"),
        ("scattergeo", None), ("scattergeo", None),  # one lines trace per width; link midpoints; ends
        ("scattergeo", "UNESCO Cities of Film"), ("scattergeo", "Studios"), ("scattergeo", "Events"),
        ("scattergeo", "The seeds' cities")]
    member = fig.data[0]
    assert list(member.locations) == ["CN", "RU"]
    assert [f["id"] for f in member.geojson["features"]] == ["CN", "RU"]  # only what is coloured
    assert member.text[0] == "<b>China</b><br>SCO member state since 15 Jun 2001<br>Source: SCO"
    assert [list(c) for c in member.customdata] == [["country", "CN"], ["country", "RU"]]
    # links: widths by titles, hover at the great-circle midpoint, clickable country ends
    assert [fig.data[i].line.width for i in (2, 3)] == [2.0, 5.0]
    assert [fig.data[i].showlegend for i in (2, 3)] == [True, False]  # one legend entry for the links
    assert fig.data[4].hovertext[0] == ("<b>China – Russia</b><br>3 documented co-productions, 2015 to 2025"
                                        "<br>2 sources (see the table)")
    assert fig.data[4].hovertext[1].split("<br>")[1] == "1 documented co-production, 2017"
    assert [list(c) for c in fig.data[5].customdata] == [["country", "CN"], ["country", "IN"], ["country", "RU"]]
    # Cities of Film: placed ones only, coloured by year, source escaped in the hover
    cities = fig.data[6]
    assert list(cities.marker.color) == [2017, 2015]
    assert cities.hovertext[1] == "<b>Rome</b> · Italy<br>UNESCO City of Film since 2015<br>Source: Wikipedia &lt;b&gt;"
    # studios grouped per city
    studios = fig.data[7]
    assert len(studios.lat) == 1
    assert studios.hovertext[0] == ("<b>Qingdao</b><br>2 studios<br>Oriental Movie Metropolis<br>"
                                    "Cangmashan Film City<br>Source: CGTN; Xinhua")
    # seeds labelled (the only text on the map), at fixed positions
    seeds = fig.data[9]
    assert list(seeds.text) == ["Qingdao", "Hangzhou"]
    assert list(seeds.textposition) == ["top right", "middle right"]
    assert seeds.textfont.size == geo.LABEL_SIZE
    assert seeds.hovertext[1] == "<b>Hangzhou</b> · China<br>Not a UNESCO City of Film"
    layout = fig.layout.geo
    assert layout.showcountries is True and layout.resolution == 110


def test_names_follow_the_script():
    fig = geo.map_figure(CITIES, SCO, LINKS, PLACES, layers=["cities", "studios"], lang="zh-Hant")
    assert traces(fig) == [("scattergeo", "聯合國教科文組織電影之都"), ("scattergeo", "影視基地"),
                           ("scattergeo", "種子文章涉及的城市")]
    # 青岛 has no 繁體 name in the data: the other Chinese script, never a machine translation
    assert list(fig.data[2].text) == ["青岛", "杭州"]
    assert fig.data[1].hovertext[0].startswith("<b>青岛</b><br>2個影視基地<br>青岛东方影都<br>藏馬山影視城")
    assert fig.data[0].hovertext[1].startswith("<b>Rome</b> · 意大利<br>2015年起為")


def test_points_only_draws_no_border():
    fig = geo.map_figure(CITIES, SCO, LINKS, PLACES, layers=["sco"], points_only=True, lang="en")
    assert all(tr.type == "scattergeo" for tr in fig.data)
    layout = fig.layout.geo
    assert (layout.showcountries, layout.showcoastlines, layout.showsubunits) == (False, False, False)
    member = fig.data[0]
    points = geo.country_points()
    assert list(member.lat) == [points.at["CN", "lat"], points.at["RU", "lat"]]
    assert member.marker.symbol == "hexagon"


@pytest.mark.parametrize("zoom, lon, resolution", [
    ("world", [-180, 180], 110), ("east_asia", [92, 150], 50), ("europe", [-13, 45], 50),
    ("central_asia", [44, 92], 50), ("nowhere", [-180, 180], 110),
])
def test_zoom_presets(zoom, lon, resolution):
    layout = geo.map_figure(CITIES, SCO, LINKS, PLACES, layers=[], zoom=zoom, lang="en").layout.geo
    assert list(layout.lonaxis.range) == lon and layout.resolution == resolution


def test_selection_is_ringed():
    fig = geo.map_figure(CITIES, SCO, LINKS, PLACES, layers=[], selected=("city", "rome"), lang="en")
    ring = fig.data[-1]
    assert (list(ring.lat), list(ring.lon), ring.marker.size) == ([41.89], [12.51], 40)
    fig = geo.map_figure(CITIES, SCO, LINKS, PLACES, layers=[], selected=("city", "vicente-lopez"), lang="en")
    assert len(fig.data) == 1  # no coordinates: nothing to ring, only the seeds


def test_great_circle_midpoint_and_widths():
    assert geo.great_circle_midpoint(0, 0, 0, 90) == (0.0, 45.0)
    assert geo.great_circle_midpoint(0, 170, 0, -170) in ((0.0, 180.0), (0.0, -180.0))
    assert geo.great_circle_midpoint(10, 20, 10, 20) == (10.0, 20.0)
    assert [geo.link_width(n) for n in (1, 2, 11)] == [2.0, 3.5, 14.0]


@pytest.mark.parametrize("raw, expected", [
    ("city:qingdao", ("city", "qingdao")), ("country:cn", ("country", "CN")), ("studio:x", None),
    ("city:", None), ("", None), (None, None), ("qingdao", None),
])
def test_parse_selection(raw, expected):
    assert maps.parse_selection(raw) == expected


def test_selection_from_points():
    assert maps.selection_from_points([{"customdata": ["city", "qingdao"], "lat": 36}]) == "city:qingdao"
    assert maps.selection_from_points([{"point_index": 3}, {"location": "KZ"}]) == "country:KZ"
    assert maps.selection_from_points([{"customdata": ["other", "x"]}]) is None
    assert maps.selection_from_points([]) is None and maps.selection_from_points(None) is None


def test_items_table_in_the_readers_language():
    items = pd.DataFrame([
        {"kind": "studio", "name_en": "Oriental Movie Metropolis", "name_zh_hans": "青岛东方影都", "name_zh_hant": None,
         "city_name_en": "Qingdao", "city_name_zh_hans": "青岛", "city_name_zh_hant": None, "countries": "CN",
         "status": "open", "date": "2018-04-28", "publisher": "Xinhua"},
        {"kind": "coproduction", "name_en": "The Red Silk", "name_zh_hans": None, "name_zh_hant": None,
         "city_name_en": None, "city_name_zh_hans": None, "city_name_zh_hant": None, "countries": "CN | RU",
         "status": "released", "date": "2025", "publisher": None},
    ])
    names = {"CN": "中国", "RU": "俄罗斯"}
    table = maps.items_table(items, names, lang="zh-Hans")
    assert list(table.columns) == ["类别", "名称", "城市", "国家", "状态", "日期", "来源"]
    assert table.values.tolist() == [
        ["影视基地", "青岛东方影都", "青岛", "中国", "运营中", "2018年4月28日", "Xinhua"],
        ["合拍片", "The Red Silk", "无数据", "中国；俄罗斯", "已上映", "2025年", "无数据"],
    ]
    en = maps.items_table(items, {"CN": "China", "RU": "Russia"}, lang="en")
    assert en.values.tolist()[1] == ["Co-production", "The Red Silk", "no data", "China; Russia", "released",
                                     "2025", "no data"]


def test_sco_partners_after_the_2025_reform_have_their_own_colour_legend_and_history():
    sco = pd.DataFrame([
        {**SCO.iloc[0].to_dict(), "previous_status": None, "previous_start_date": None},
        {"iso2": "MN", "name_en": "Mongolia", "name_zh_hans": "蒙古", "name_zh_hant": "蒙古", "status": "partner",
         "start_date": "2025-09-01", "publisher": "TASS", "previous_status": "observer",
         "previous_start_date": "2004-06-17"},
        {"iso2": "LA", "name_en": "Laos", "name_zh_hans": "老挝", "name_zh_hant": "寮國", "status": "partner",
         "start_date": "2025-09-01", "publisher": "TASS", "previous_status": "dialogue-partner",
         "previous_start_date": "2025-07-15"},
    ])
    fig = geo.map_figure(CITIES, sco, LINKS, PLACES, layers=["sco"], lang="en")
    assert traces(fig) == [("choropleth", "SCO member state"), ("choropleth", "SCO partner"),
                           ("scattergeo", "The seeds' cities")]
    member, partner = fig.data[0], fig.data[1]
    assert member.text[0] == "<b>China</b><br>SCO member state since 15 Jun 2001<br>Source: SCO"
    assert list(partner.text) == [
        "<b>Mongolia</b><br>SCO partner since 1 Sept 2025<br>before that: observer since 17 Jun 2004<br>Source: TASS",
        "<b>Laos</b><br>SCO partner since 1 Sept 2025<br>before that: dialogue partner since 15 Jul 2025"
        "<br>Source: TASS"]
    colours = {member.colorscale[0][1], partner.colorscale[0][1]}
    assert colours == {STATUS_COLOURS["member"], STATUS_COLOURS["partner"]} and len(colours) == 2
    hant = geo.map_figure(CITIES, sco, LINKS, PLACES, layers=["sco"], lang="zh-Hant")
    assert hant.data[1].name == "上合組織夥伴"
    assert hant.data[1].text[0] == "<b>蒙古</b><br>自2025年9月1日起為上合組織夥伴<br>此前自2004年6月17日起為觀察員國<br>來源：TASS"
    assert maps.takeaway(CITIES, sco, LINKS, PLACES, layers=["sco"], lang="en") == (
        "The map shows 3 SCO countries (1 member, 2 partners).")
    assert maps.takeaway(CITIES, sco, LINKS, PLACES, layers=["sco"], lang="zh-Hans") == (
        "地图显示：3个上合组织国家（成员国1个、伙伴2个）。")


def test_every_sco_status_has_a_distinct_colour_blind_safe_colour():
    colours = [STATUS_COLOURS[s] for s in geo.SCO_STATUSES]
    assert len(set(colours)) == len(colours) and set(colours) <= set(OKABE_ITO)
    assert set(geo.SCO_STATUSES) == set(MEMBER_STATUSES) - {"city-of-film"}


def test_takeaway_counts_what_is_drawn():
    assert maps.takeaway(CITIES, SCO, LINKS, PLACES, lang="en") == (
        "The map shows 3 UNESCO Cities of Film; 3 SCO countries (2 members, 1 observer); "
        "2 co-production links, the strongest China–Russia (3 titles); 2 studios in 1 city; 1 event in 1 city.")
    assert maps.takeaway(CITIES, SCO, LINKS.iloc[0:0], PLACES, layers=["links"], lang="en") == (
        "The map shows no co-production in the years and statuses chosen.")
    assert maps.takeaway(CITIES, SCO, LINKS, PLACES, layers=[], lang="zh-Hant") == "未選擇圖層：請在上方選擇。"


def test_unplaced_cities_and_selection_label():
    assert maps.unplaced_cities(CITIES, lang="en") == ["Vicente López"]
    assert maps.selection_label(("city", "qingdao"), CITIES, {}, lang="zh-Hant") == "青岛"
    assert maps.selection_label(("country", "KZ"), CITIES, {"KZ": "Kazakhstan"}, lang="en") == "Kazakhstan"
    assert maps.item_codes((LINKS, "country_a"), (pd.DataFrame({"c": ["KZ | RU", None]}), "c")) == ["CN", "KZ", "RU"]


def test_export_png_and_svg_offline():
    fig = geo.map_figure(CITIES, SCO, LINKS, PLACES, lang="zh-Hans")
    png = images.export_image(fig, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 60_000
    svg = images.export_image(fig, "svg")
    assert svg.lstrip().startswith(b"<svg") and b"choroplethlayer" in svg and "青岛".encode() in svg
    with pytest.raises(ValueError):
        images.export_image(fig, "gif")


def test_links_of_one_width_share_one_trace_each_link_its_own_arc():
    kz = {**LINKS.iloc[1].to_dict(), "country_b": "KZ", "b_name_en": "Kazakhstan", "titles": 1}
    links = pd.concat([LINKS, pd.DataFrame([kz])], ignore_index=True)
    fig = geo.map_figure(CITIES, SCO, links, PLACES, layers=("links",), lang="en")
    points = geo.country_points()
    lines = [tr for tr in fig.data if tr.mode == "lines"]
    assert [(tr.line.width, len(tr.lat)) for tr in lines] == [(2.0, 6), (5.0, 3)]  # CN-IN and CN-KZ share 2.0
    cn, india, kz_ = (points.loc[c] for c in ("CN", "IN", "KZ"))
    assert arcs(fig.data) == [
        (cn["lat"], cn["lon"], india["lat"], india["lon"], 2.0),
        (cn["lat"], cn["lon"], kz_["lat"], kz_["lon"], 2.0),
        (cn["lat"], cn["lon"], points.loc["RU", "lat"], points.loc["RU", "lon"], 5.0)]
    midpoints = next(tr for tr in fig.data if tr.mode == "markers" and tr.hovertext is not None
                     and "Kazakhstan" in " ".join(tr.hovertext))
    assert len(midpoints.lat) == 3  # every link keeps its own hover
