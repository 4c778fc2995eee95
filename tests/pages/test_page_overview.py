"""The Overview on the shipped warehouse, in every language, with exact headline figures."""

from __future__ import annotations

import json

import pytest

from tests.pages.apptest import rerun, run_app, text_of
from tests.shipped import rows as sql
from tests.shipped import sco_rule_counts


def expected_counts() -> tuple[int, int]:
    """(Cities of Film, SCO member states today), counted from the membership rows."""
    return sql("""SELECT
        (SELECT count(DISTINCT member_id) FROM memberships WHERE organisation = 'unesco-creative-cities-film'
           AND status = 'city-of-film' AND end_date IS NULL),
        (SELECT count(DISTINCT member_id) FROM memberships WHERE organisation = 'sco' AND status = 'member'
           AND end_date IS NULL)""")[0]


def test_overview_headline_figures_in_english():
    at = run_app()
    metrics = {m.label: m.value for m in at.metric}
    cities, members = expected_counts()
    assert metrics["UNESCO Cities of Film"] == str(cities)
    assert metrics["SCO member states"] == str(members)
    assert metrics["Film companies in Hangzhou (reported)"] == "more than 700"
    subheaders = [text_of(s.value) for s in at.header]
    assert "UNESCO Cities of Film by year of designation" in subheaders
    assert any(s.startswith("Oriental Movie Metropolis, Qingdao:") for s in subheaders)


@pytest.mark.parametrize("lang, label, hangzhou", [
    ("zh-Hans", "联合国教科文组织电影之都", "超过700"),
    ("zh-Hant", "聯合國教科文組織電影之都", "超過700"),
])
def test_overview_in_chinese(lang, label, hangzhou):
    at = run_app(lang=lang)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[label] == str(expected_counts()[0])
    assert hangzhou in metrics.values()
    assert at.sidebar.button_group[0].value == lang


def test_takeaway_is_computed_from_the_data():
    at = run_app()
    texts = [m.value for m in at.markdown]
    (last,), = sql("SELECT max(film_designation_year) FROM dim_cities")
    sentence = f"{expected_counts()[0]} cities were designated UNESCO Cities of Film from 2009 (Bradford) to {last}"
    assert any(sentence in t.replace("\\", "") for t in texts), texts[:10]


def test_table_view_lives_in_the_url():
    at = run_app(cities_of_film_view="table")
    tables = [d.value for d in at.dataframe]
    years = [t for t in tables if "year" in t.columns]
    assert years and years[0]["year"].tolist()[:2] == [2009, 2010]
    assert years[0]["cities"].sum() == expected_counts()[0]
    at = run_app(cities_of_film_view="sources")
    assert any("Bradford UNESCO City of Film" in m.value.replace("\\", "") or "Wikipedia" in m.value
               for m in at.markdown)


def test_switching_language_writes_the_url():
    at = run_app()
    at.sidebar.button_group[0].set_value("zh-Hant")
    at = rerun(at)
    assert at.query_params["lang"] in ("zh-Hant", ["zh-Hant"])
    assert "聯合國教科文組織電影之都" in {m.label for m in at.metric}


def test_cities_of_film_box_has_a_map_view():
    at = run_app(cities_of_film_view="map")
    charts = list(at.get("plotly_chart"))
    specs = [json.loads(c.proto.spec) for c in charts]
    geo = [s for s in specs if any(tr.get("type") == "scattergeo" for tr in s["data"])]
    assert len(geo) == 1
    cities = [tr for tr in geo[0]["data"] if tr.get("name") == "UNESCO Cities of Film"]
    assert len(cities) == 1
    placed = sql("SELECT count(*) FROM dim_cities WHERE is_city_of_film AND lat IS NOT NULL")[0][0]
    assert len(cities[0]["customdata"]) == placed  # a City of Film without coordinates is left out
    assert not any(tr.get("type") == "choropleth" for tr in geo[0]["data"])  # only the cities layer


@pytest.mark.parametrize("lang, label, lines", [
    ("en", "SCO co-productions documented since 2020",
     ["**Strict: {strict}.** Titles initiated in 2020 or later with at least two countries that were SCO member "
      "states in the year the title was initiated.",
      "**Members today: {members_today}.** Titles initiated in 2020 or later with at least two countries that are "
      "SCO member states today, even if one joined after the title was initiated.",
      "**Any SCO status: {any_status}.** Titles initiated in 2020 or later with at least two countries that held "
      "any SCO status (member, observer, dialogue partner or partner) in the year the title was initiated.",
      "Reported: more than 40 co-productions initiated since 2020 among SCO member states (Bastille Post"]),
    ("zh-Hans", "已记录的2020年以来上合组织合拍片",
     ["**严格口径：{strict}部**。2020年及以后启动的作品，且至少两个参与国在作品启动当年已是上合组织成员国。",
      "**按现成员国：{members_today}部**。2020年及以后启动的作品，且至少两个参与国现为上合组织成员国（包括在作品启动之后才加入的"
      "国家）。",
      "**任一上合身份：{any_status}部**。2020年及以后启动的作品，且至少两个参与国在作品启动当年具有上合组织任一身份"
      "（成员国、观察员国、对话伙伴或伙伴）。",
      "报道数字：2020年以来上合组织成员国间启动合拍片超过40部（Bastille Post"]),
    ("zh-Hant", "已記錄的2020年以來上合組織合拍片",
     ["**嚴格口徑：{strict}部**。2020年及以後啟動的作品，且至少兩個參與國在作品啟動當年已是上合組織成員國。",
      "**按現成員國：{members_today}部**。2020年及以後啟動的作品，且至少兩個參與國現為上合組織成員國（包括在作品啟動之後才加入的"
      "國家）。",
      "**任一上合身份：{any_status}部**。2020年及以後啟動的作品，且至少兩個參與國在作品啟動當年具有上合組織任一身份"
      "（成員國、觀察員國、對話夥伴或夥伴）。",
      "報導數字：2020年以來上合組織成員國間啟動合拍片超過40部（Bastille Post"]),
])
def test_sco_figure_shows_every_rule_and_the_reported_figure(lang, label, lines):
    """The SCO card: the strict count as the figure, the looser counts and the reported aggregate next to it
    (caption), and each rule in one line in its popover; every card says what it counts (its help)."""
    at = run_app(lang=lang)
    expected = sco_rule_counts()
    metrics = {m.label: m for m in at.metric}
    assert metrics[label].value == str(expected["strict"])
    assert all(m.help for m in at.metric), [m.label for m in at.metric if not m.help]
    assert metrics[label].help == lines[0].split("**")[-1].lstrip("。 ")
    captions = [c.value for c in at.caption]
    assert any(str(expected["members_today"]) in c and str(expected["any_status"]) in c and "40" in c
               for c in captions), captions
    shown = [m.value.replace("\\", "") for m in at.markdown]
    for line in lines[:3]:
        assert line.format(**expected) in shown
    assert any(s.startswith(lines[3]) for s in shown)
